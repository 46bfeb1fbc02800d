import type { Image } from "./png.ts";

type Rgba = readonly [number, number, number, number];

function canvas(
  size: number,
): Image & { fill: (x0: number, y0: number, x1: number, y1: number, c: Rgba) => void } {
  const rgba = new Uint8Array(size * size * 4);
  const fill = (x0: number, y0: number, x1: number, y1: number, c: Rgba) => {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(size, Math.round(y1)); y++)
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(size, Math.round(x1)); x++)
        rgba.set(c, (y * size + x) * 4);
  };
  return { width: size, height: size, rgba, fill };
}

/**
 * The vmvc glyph on a unit grid: a VM frame (outer box) holding three containers (small
 * boxes), drawn at any size. `frame` and `box` are the colours.
 */
function glyph(size: number, background: Rgba | undefined, ink: Rgba, inset: number): Image {
  const c = canvas(size);
  if (background) c.fill(0, 0, size, size, background);
  const u = (v: number) => inset + v * (size - 2 * inset);
  const t = Math.max(1, size / 16); // stroke
  // Frame.
  c.fill(u(0), u(0), u(1), u(0) + t, ink);
  c.fill(u(0), u(1) - t, u(1), u(1), ink);
  c.fill(u(0), u(0), u(0) + t, u(1), ink);
  c.fill(u(1) - t, u(0), u(1), u(1), ink);
  // Three containers.
  for (const [x, y] of [
    [0.2, 0.2],
    [0.55, 0.2],
    [0.2, 0.55],
  ] as const)
    c.fill(u(x), u(y), u(x + 0.25), u(y + 0.25), ink);
  return { width: c.width, height: c.height, rgba: c.rgba };
}

/** 192×192 full-colour icon. */
export const colorIcon = (): Image => glyph(192, [0x25, 0x63, 0xeb, 0xff], [0xff, 0xff, 0xff, 0xff], 40);
/** 32×32 outline icon: white on transparent, as Teams requires. */
export const outlineIcon = (): Image => glyph(32, undefined, [0xff, 0xff, 0xff, 0xff], 3);
