import type { CompareAspect, DocumentInfo, Myth, Responses, Topic } from "../../knowledge/schema.ts";
import type { Answerable } from "../answerable.ts";
import { fill } from "../fill.ts";
import { rawWords } from "../matcher/text.ts";
import { literal } from "../render/inline.ts";
import type { Part, Reply, Source } from "../reply.ts";
import { button, citeAll, reply } from "./common.ts";

export interface BrowseContext {
  documents: DocumentInfo[];
  responses: Responses;
  compare: CompareAspect[];
  topics: Topic[];
  myths: Myth[];
  entries: Answerable[];
  topicOf: (id: string) => string | undefined;
}

/** Words of a query or name: lower case, split at hyphens, slashes and spaces, plural "s" dropped. */
const words = (s: string) =>
  rawWords(s)
    .flatMap((w) => w.split(/[-/]/))
    .filter(Boolean)
    .map((w) => w.replace(/s$/, ""));

/** Finds the aspect a user named ("boot", "Boot-Time", "the cost of VMs") by id, name or alias. */
export function findAspect(aspects: CompareAspect[], query: string): CompareAspect | undefined {
  const whole = namedWhole(aspects, query);
  if (whole) return whole;
  const q = ` ${words(query).join(" ")} `;
  let best: { aspect: CompareAspect; length: number } | undefined;
  for (const { aspect, spaced } of namesOf(aspects).each)
    for (const n of spaced)
      if (n && q.includes(` ${n} `) && (!best || n.length > best.length)) best = { aspect, length: n.length };
  return best?.aspect;
}

/**
 * The aspect a whole message names by id, name or alias and nothing else ("failover", "boot
 * time"), courtesy words aside; not one named inside a longer question.
 */
export function aspectNamedAlone(aspects: CompareAspect[], message: string): CompareAspect | undefined {
  // Word by word, not by one regular expression: its unanchored "\W*…\W*$" took seconds on a
  // word, two thousand spaces and a word (the fuzz test's hostile text).
  const said = rawWords(message);
  const opens = (at: number, phrase: readonly string[]) => phrase.every((w, i) => said[at + i] === w);
  let from = 0;
  let definition = false;
  for (;;) {
    const phrase = LEADING.find((p) => opens(from, p)) ?? ASKS_MEANING.find((p) => opens(from, p));
    if (!phrase) break;
    definition ||= ASKS_MEANING.includes(phrase);
    from += phrase.length;
  }
  let to = said.length;
  for (;;) {
    const phrase = TRAILING.find((p) => to - p.length >= from && opens(to - p.length, p));
    if (!phrase) break;
    definition ||= phrase[0] === "mean" || phrase[0] === "means";
    to -= phrase.length;
  }
  const bare = said.slice(from, to).join(" ");
  if (bare.length === 0) return undefined;
  const aspect = namedWhole(aspects, bare);
  // Asked what it means, only by the aspect's own name ("portability"), not an alias that is an
  // everyday word ("weight", "dns", "design"; a second review's, each got a table).
  return aspect && definition && !ownName(aspect, bare) ? undefined : aspect;
}

/** Is `text` the aspect's id or name, not one of its aliases? */
function ownName(aspect: CompareAspect, text: string): boolean {
  const squashed = words(text).join("");
  return [aspect.id, aspect.name].some((n) => words(n).join("") === squashed);
}

/**
 * Words around an aspect's name that ask nothing else: courtesy ("ok so failover", "failover
 * pls"), "what about boot time", and what it means ("what does portability mean here", blind
 * trial 20's, declined; "what is portability?").
 */
const LEADING: readonly (readonly string[])[] = [
  ...["ok", "okay", "so", "and", "re", "pls", "please"].map((w) => [w]),
  ["what", "about"],
  ["how", "about"],
];
/** Openings that ask what an aspect means: only its own name answers them (ownName). */
const ASKS_MEANING: readonly (readonly string[])[] = [
  ["define"],
  ["explain"],
  ["what", "does"],
  ["what", "is"],
  ["whats"],
];
const TRAILING: readonly (readonly string[])[] = [["pls"], ["please"], ["mean"], ["means"], ["here"]];

/** The aspect a whole text is the id, name or alias of; "boottime", "selfhealing" typed without spaces or hyphens too. */
function namedWhole(aspects: CompareAspect[], text: string): CompareAspect | undefined {
  const names = namesOf(aspects);
  return names.byId.get(text.trim().toLowerCase()) ?? names.bySquashed.get(words(text).join(""));
}

/** Every aspect's id, name and aliases as words: worked out once per aspect list, not per message. */
interface AspectNames {
  byId: Map<string, CompareAspect>;
  /** Names without spaces or hyphens ("boottime"); the first aspect in the list wins a shared one. */
  bySquashed: Map<string, CompareAspect>;
  /** Each aspect's names as space-separated words, in the list's order. */
  each: { aspect: CompareAspect; spaced: string[] }[];
}

const aspectNames = new WeakMap<CompareAspect[], AspectNames>();

function namesOf(aspects: CompareAspect[]): AspectNames {
  const known = aspectNames.get(aspects);
  if (known) return known;
  const names: AspectNames = { byId: new Map(), bySquashed: new Map(), each: [] };
  for (const aspect of aspects) {
    if (!names.byId.has(aspect.id)) names.byId.set(aspect.id, aspect);
    const spaced = [aspect.id, aspect.name, ...aspect.aliases].map((n) => words(n).join(" "));
    for (const n of spaced) {
      const squashed = n.replaceAll(" ", "");
      if (!names.bySquashed.has(squashed)) names.bySquashed.set(squashed, aspect);
    }
    names.each.push({ aspect, spaced });
  }
  aspectNames.set(aspects, names);
  return names;
}

/** "all", "everything", "every aspect": the whole table. */
const ALL = /^(all|everything|every aspect|all aspects|full|the lot)$/;
/** Only the two sides named ("vms and containers", "virtual machines vs containers"): the overview. */
const SIDES = new Set([
  "vm",
  "virtual",
  "machine",
  "container",
  "and",
  "v",
  "vs",
  "versus",
  "or",
  "with",
  "to",
  "the",
]);

export type CompareScope =
  | { kind: "overview" }
  | { kind: "all" }
  | { kind: "aspect"; aspect: CompareAspect }
  | { kind: "unknown" };

/** What `compare <query>` asks for. */
export function compareScope(aspects: CompareAspect[], query: string | undefined): CompareScope {
  const w = words(query ?? "");
  if (w.length === 0 || w.every((x) => SIDES.has(x))) return { kind: "overview" };
  if (ALL.test(w.join(" "))) return { kind: "all" };
  const aspect = findAspect(aspects, query ?? "");
  return aspect ? { kind: "aspect", aspect } : { kind: "unknown" };
}

/** The short overview's citations: its first few, the rest counted (each aspect lists its own in full). */
const OVERVIEW_SOURCES = 8;

const sourcesPart = (list: Source[], ctx: BrowseContext, limit?: number): Part => ({
  type: "sources",
  sources: list,
  more: ctx.responses.ui.moreSources,
  ...(limit ? { limit } : {}),
});

function table(ctx: BrowseContext, aspects: CompareAspect[]): Part {
  const c = ctx.responses.compare.columns;
  return {
    type: "table",
    columns: [c.aspect, c.vms, c.containers],
    rows: aspects.map((a) => [`**${a.name}**`, a.short.vms, a.short.containers]),
  };
}

/** Every aspect, for the menu: a menu on Slack and Teams, buttons in the playground. */
function aspectPicker(ctx: BrowseContext, except: string[] = []): Part {
  const c = ctx.responses.compare;
  return {
    type: "picker",
    label: c.pick,
    placeholder: c.placeholder,
    submit: ctx.responses.ui.show,
    options: ctx.compare
      .filter((a) => !except.includes(a.id))
      .map((a) => button(a.name, { type: "compare", aspect: a.id })),
  };
}

export function compareReply(ctx: BrowseContext, aspectQuery?: string): Reply {
  const c = ctx.responses.compare;
  const scope = compareScope(ctx.compare, aspectQuery);
  switch (scope.kind) {
    case "overview": {
      const key = c.keyAspects
        .map((id) => ctx.compare.find((a) => a.id === id))
        .filter((a): a is CompareAspect => a !== undefined);
      return reply(
        "compare",
        [
          { type: "heading", text: c.heading },
          { type: "context", text: c.intro },
          table(ctx, key),
          sourcesPart(
            citeAll(
              key.flatMap((a) => a.sources),
              ctx.documents,
            ),
            ctx,
            OVERVIEW_SOURCES,
          ),
          aspectPicker(ctx, c.keyAspects),
          {
            type: "buttons",
            role: "menu",
            buttons: [button(c.everything, { type: "compare", aspect: "all" })],
          },
        ],
        c.heading,
      );
    }
    case "all":
      return reply(
        "compare",
        [
          { type: "heading", text: c.allHeading },
          table(ctx, ctx.compare),
          sourcesPart(
            citeAll(
              ctx.compare.flatMap((a) => a.sources),
              ctx.documents,
            ),
            ctx,
          ),
          aspectPicker(ctx),
        ],
        c.allHeading,
      );
    case "unknown":
      return reply(
        "notice",
        [{ type: "text", text: ctx.responses.errors.unknownAspect }, aspectPicker(ctx)],
        ctx.responses.errors.unknownAspect,
      );
    case "aspect":
      break;
  }
  const aspect = scope.aspect;
  const parts: Part[] = [
    { type: "heading", text: fill(c.aspectHeading, { aspect: aspect.name }) },
    {
      type: "fields",
      fields: [
        { label: c.columns.vms, value: aspect.vms },
        { label: c.columns.containers, value: aspect.containers },
      ],
    },
  ];
  if (aspect.note) parts.push({ type: "text", text: aspect.note });
  parts.push(sourcesPart(citeAll(aspect.sources, ctx.documents), ctx));
  parts.push(aspectPicker(ctx, [aspect.id]));
  return reply(
    "compare",
    parts,
    fill(c.aspectSummary, { aspect: aspect.name, vms: aspect.vms, containers: aspect.containers }),
  );
}

export function topicsReply(ctx: BrowseContext, topicQuery?: string): Reply {
  const topic = topicQuery ? findTopic(ctx.topics, topicQuery) : undefined;
  if (!topic) {
    const t = ctx.responses.topics;
    const intro = topicQuery ? fill(t.unknown, { topic: literal(topicQuery) }) : t.intro;
    return reply(
      "topics",
      [
        { type: "text", text: intro },
        { type: "text", text: ctx.topics.map((t) => `- **${t.title}:** ${t.description}`).join("\n") },
        {
          type: "buttons",
          role: "menu",
          submit: ctx.responses.ui.show,
          buttons: ctx.topics.map((t) => button(t.title, { type: "topics", topic: t.id })),
        },
      ],
      intro,
    );
  }
  const entries = ctx.entries.filter((e) => ctx.topicOf(e.id) === topic.id);
  return reply(
    "topics",
    [
      { type: "heading", text: topic.title },
      { type: "text", text: topic.description },
      {
        type: "buttons",
        role: "followups",
        label: ctx.responses.topics.questions,
        submit: ctx.responses.ui.show,
        buttons: entries
          .slice(0, 25)
          .map((e) => button(e.question, { type: "ask", entryId: e.id, via: "topic" })),
      },
    ],
    `${topic.title}: ${topic.description}`,
  );
}

function findTopic(topics: Topic[], query: string): Topic | undefined {
  const q = words(query).join(" ");
  return (
    topics.find(
      (t) =>
        t.id === query.trim().toLowerCase() || words(t.title).join(" ") === q || words(t.id).join(" ") === q,
    ) ?? topics.find((t) => words(t.title).some((w) => w.length > 3 && q.split(" ").includes(w)))
  );
}

export function mythsReply(ctx: BrowseContext): Reply {
  const lines = ctx.myths.map((m) => `- **“${m.myth}”** — _${m.verdict}._ ${m.summary}`).join("\n");
  return reply(
    "myths",
    [
      { type: "heading", text: ctx.responses.ui.mythsHeading },
      { type: "text", text: lines },
      sourcesPart(
        citeAll(
          ctx.myths.flatMap((m) => m.sources),
          ctx.documents,
        ),
        ctx,
      ),
      {
        type: "buttons",
        role: "followups",
        label: ctx.responses.ui.readMore,
        submit: ctx.responses.ui.show,
        buttons: ctx.myths.map((m) => button(m.myth, { type: "ask", entryId: m.entry, via: "myth" })),
      },
    ],
    ctx.responses.ui.mythsHeading,
  );
}
