/**
 * The core's inline markdown, parsed once for every renderer: `**bold**`, `_italic_`,
 * `` `code` ``, backslash escapes (`\*` is a literal star) and mentions. Text a person wrote
 * enters replies only through `literal()`, and names only through `mention()`, so no renderer
 * ever formats, links or pings because of what a user typed.
 */
export type Inline =
  | { type: "text"; text: string }
  | { type: "bold"; children: Inline[] }
  | { type: "italic"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "mention"; id: string; name: string };

/** Characters with a meaning in the core's markdown, or in a platform's (links, mentions, strike). */
const SPECIAL = /[\\*_`<>[\]~|#]/g;

/** User text, shown exactly as typed on every surface. */
export function literal(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`).replace(/^(\s*)([-+]|\d+[.)])(\s)/gm, "$1\\$2$3");
}

/** A person, as a platform mention where the surface has one (Slack `<@U…>`), else their name. */
export function mention(person: { id: string; name?: string }): string {
  return `<@${encodeURIComponent(person.id)}|${encodeURIComponent(person.name ?? person.id)}>`;
}

const TOKEN =
  /\\([\s\S])|<@([^|>\s]+)\|([^>\s]*)>|\*\*(.+?)\*\*(?!\*)|`([^`]+)`|(?<![\p{L}\p{N}_\\])_(.+?)_(?![\p{L}\p{N}_])/gu;

/** Parses one line (or run of lines) of the core's markdown into inline tokens. */
export function inline(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (s: string) => {
    const last = out[out.length - 1];
    if (last?.type === "text") last.text += s;
    else if (s) out.push({ type: "text", text: s });
  };
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    push(text.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[1] !== undefined) push(m[1]);
    else if (m[2] !== undefined)
      out.push({ type: "mention", id: decodeURIComponent(m[2]), name: decodeURIComponent(m[3] ?? "") });
    else if (m[4] !== undefined) out.push({ type: "bold", children: inline(m[4]) });
    else if (m[5] !== undefined) out.push({ type: "code", text: m[5] });
    else if (m[6] !== undefined) out.push({ type: "italic", children: inline(m[6]) });
  }
  push(text.slice(at));
  return out;
}

/** Renders inline tokens with a surface's syntax; `text` escapes plain runs for that surface. */
export function emit(
  tokens: Inline[],
  syntax: {
    text: (s: string) => string;
    bold: (s: string) => string;
    italic: (s: string) => string;
    code: (s: string) => string;
    mention: (id: string, name: string) => string;
  },
): string {
  const one = (t: Inline): string => {
    switch (t.type) {
      case "text":
        return syntax.text(t.text);
      case "bold":
        return syntax.bold(emit(t.children, syntax));
      case "italic":
        return syntax.italic(emit(t.children, syntax));
      case "code":
        return syntax.code(t.text);
      case "mention":
        return syntax.mention(t.id, t.name);
    }
  };
  return tokens.map(one).join("");
}

/** The plain words of a line of core markdown: no markers, escapes undone, mentions as names. */
export function plainInline(text: string): string {
  return emit(inline(text), {
    text: (s) => s,
    bold: (s) => s,
    italic: (s) => s,
    code: (s) => s,
    mention: (_id, name) => name,
  });
}
