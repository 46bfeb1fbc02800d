import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { colorIcon, outlineIcon } from "../../../src/adapters/teams/package/icons.ts";
import {
  buildPackage,
  DEV_APP_ID,
  manifestSchema,
  substitute,
} from "../../../src/adapters/teams/package/manifest.ts";
import { encodePng, pngInfo } from "../../../src/adapters/teams/package/png.ts";
import { readZip, writeZip } from "../../../src/adapters/teams/package/zip.ts";

const run = promisify(execFile);
const manifestText = readFileSync("teams/manifest.json", "utf8");
const values = {
  TEAMS_APP_ID: DEV_APP_ID,
  BOT_ID: "11111111-2222-3333-4444-555555555555",
  BOT_DOMAIN: "vmvc.example.com",
};

/** Decodes our own PNGs (filter 0 rows) back to RGBA, to check the pixels. */
function decode(png: Buffer): Uint8Array {
  const { width, height } = pngInfo(png);
  const idatAt = png.indexOf("IDAT");
  const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    out.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return out;
}

describe("Teams app package", () => {
  it("draws icons of the right size; the outline is white on transparent", () => {
    const color = encodePng(colorIcon());
    const outline = encodePng(outlineIcon());
    expect(pngInfo(color)).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(outline)).toMatchObject({ width: 32, height: 32, colorType: 6 });
    const px = decode(outline);
    let white = 0;
    let clear = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) clear++;
      else if (px[i] === 255 && px[i + 1] === 255 && px[i + 2] === 255 && px[i + 3] === 255) white++;
      else throw new Error(`outline pixel ${i / 4} is neither white nor transparent`);
    }
    expect(white).toBeGreaterThan(50);
    expect(clear).toBeGreaterThan(50);
  });

  it("the committed icons match the manifest's size rules", () => {
    expect(pngInfo(readFileSync("teams/color.png"))).toMatchObject({ width: 192, height: 192 });
    expect(pngInfo(readFileSync("teams/outline.png"))).toMatchObject({ width: 32, height: 32 });
  });

  it("fills placeholders and validates the manifest: ids, scopes, all commands in all scopes", () => {
    const manifest = manifestSchema.parse(JSON.parse(substitute(manifestText, values)));
    expect(manifest.id).toBe(DEV_APP_ID);
    expect(manifest.bots[0]!.botId).toBe(values.BOT_ID);
    expect(manifest.validDomains).toEqual(["vmvc.example.com"]);
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(17);
    expect(() => substitute(["$", "{{NOPE}}"].join(""), values)).toThrow(/NOPE/);
  });

  it("reports a broken manifest and wrong icon sizes", () => {
    const broken = manifestText
      .replace('"groupChat"]', '"personal"]')
      .replace('{ "title": "myths"', '{ "title": "legends"');
    const { problems } = buildPackage({
      manifestText: broken,
      color: encodePng(outlineIcon()),
      outline: Buffer.from("nope"),
      values,
    });
    expect(problems.join("\n")).toMatch(/missing groupChat/);
    expect(problems.join("\n")).toMatch(/missing myths/);
    expect(problems.join("\n")).toMatch(/color.png: must be 192×192, is 32×32/);
    expect(problems.join("\n")).toMatch(/outline.png: not a PNG/);
  });

  it("writes a zip that reads back with the three files (and round-trips arbitrary bytes)", () => {
    const color = encodePng(colorIcon());
    const outline = encodePng(outlineIcon());
    const { zip, problems } = buildPackage({ manifestText, color, outline, values });
    expect(problems).toEqual([]);
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(["manifest.json", "color.png", "outline.png"]);
    expect(JSON.parse(entries[0]!.data.toString("utf8")).id).toBe(DEV_APP_ID);
    expect(entries[1]!.data.equals(color)).toBe(true);
    expect(entries[2]!.data.equals(outline)).toBe(true);
    const blob = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    expect(readZip(writeZip([{ name: "a/b.bin", data: blob }]))[0]!.data.equals(blob)).toBe(true);
  });

  it("npm run teams:package writes teams/build/vmvc-teams.zip", async () => {
    const { stdout } = await run("npx", ["tsx", "scripts/teams-package.ts"], {
      env: {
        ...process.env,
        MicrosoftAppId: values.BOT_ID,
        BOT_DOMAIN: "vmvc.example.com",
        DOTENV_CONFIG_PATH: join(mkdtempSync(join(tmpdir(), "vmvc-")), ".env"),
      },
    });
    expect(stdout).toMatch(/wrote teams\/build\/vmvc-teams.zip/);
    const entries = readZip(readFileSync("teams/build/vmvc-teams.zip"));
    expect(entries.map((e) => e.name).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(entries.find((e) => e.name === "manifest.json")!.data.toString("utf8"));
    expect(manifest.bots[0].botId).toBe(values.BOT_ID);
    expect(manifest.id).toBe(values.BOT_ID);
  });
});
