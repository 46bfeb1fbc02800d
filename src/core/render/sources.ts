import { fill } from "../fill.ts";
import type { Source } from "../reply.ts";

/**
 * A source list within `max` characters: whole citations only, the rest counted with `more`
 * ("and {count} more sources"), never a citation cut in the middle.
 */
export function sourceList(
  sources: Source[],
  max: number,
  more: string | undefined,
  label: (s: Source) => string = (s) => s.label,
): string {
  const all = sources.map(label);
  const whole = all.join("; ");
  if (whole.length <= max) return whole;
  const tail = (n: number) => (more ? `; ${fill(more, { count: n })}` : "");
  let shown = all.length;
  while (shown > 1 && `${all.slice(0, shown).join("; ")}${tail(all.length - shown)}`.length > max) shown--;
  return `${all.slice(0, shown).join("; ")}${tail(all.length - shown)}`;
}
