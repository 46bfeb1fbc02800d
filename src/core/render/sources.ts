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
  /** At most this many citations, the rest counted (the Part's `limit`). */
  limit = Number.POSITIVE_INFINITY,
): string {
  const all = sources.map(label);
  const whole = all.join("; ");
  if (whole.length <= max && all.length <= limit) return whole;
  const tail = (n: number) => (more && n > 0 ? `; ${fill(more, { count: n })}` : "");
  let shown = Math.min(all.length, limit);
  while (shown > 1 && `${all.slice(0, shown).join("; ")}${tail(all.length - shown)}`.length > max) shown--;
  return `${all.slice(0, shown).join("; ")}${tail(all.length - shown)}`;
}
