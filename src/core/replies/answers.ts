import type { DocumentInfo, Responses } from "../../knowledge/schema.ts";
import type { Answerable } from "../answerable.ts";
import type { AskOutcome } from "../ask.ts";
import { deepFrozen } from "../deepFrozen.ts";
import { fill } from "../fill.ts";
import { PairMemo } from "../memo.ts";
import { literal } from "../render/inline.ts";
import type { Button, Part, Reply } from "../reply.ts";
import { button, citeAll, reply } from "./common.ts";

export interface AnswerContext {
  documents: DocumentInfo[];
  responses: Responses;
  entry: (id: string) => Answerable | undefined;
}

/** How an answer came about, as an `answer` outcome of Asker.ask says it (every field optional). */
export interface AnswerShown {
  /** The sentence of a longer text that was answered. */
  focus?: string;
  /** A best guess: it says so. */
  unsure?: boolean;
  /** The runner-ups a best guess offers after it. */
  alternatives?: Answerable[];
  /** Products the question names that the documents never mention: said above the answer. */
  unnamed?: string[];
  /** Terms of ours the question names that the answer never speaks of: said above it, offered after it. */
  uncovered?: Answerable[];
  /** The question asks for a price, which the documents never give: said above the answer. */
  priced?: boolean;
  /** The question asks for exact figures, which the documents never give: said above the answer. */
  figures?: boolean;
}

/** "gVisor", "gVisor and LXC", "gVisor, LXC, and Podman" (the locale's own list format). */
const names = new Intl.ListFormat("en", { type: "conjunction" });
const naming = (template: string, unnamed: readonly string[]) =>
  fill(template, { names: names.format(unnamed) });

/** The note above an answer to a question that names products the documents never mention. */
export function unnamedNote(unnamed: readonly string[], responses: Responses): string {
  return naming(responses.answer.notInDocuments, unnamed);
}

/** Entries offered beside an answer, each a button that asks it (tagged with the question asked, if typed). */
function offersPart(label: string, entries: readonly Answerable[], askedId?: string): Part {
  return {
    type: "buttons",
    role: "suggestions",
    label,
    buttons: entries.map((e) =>
      button(e.question, { type: "ask", entryId: e.id, via: "suggestion", ...(askedId ? { askedId } : {}) }),
    ),
  };
}

/** Said above an answer that never speaks of terms of ours the question names, by their names. */
export function notTogetherNote(uncovered: readonly Answerable[], responses: Responses): string {
  return naming(
    responses.answer.notTogether,
    // (The term without what its heading adds in brackets: "Container runtime (container engine)".)
    uncovered.map((u) => (u.names?.[0] ?? u.question).replace(/\s*\([^)]*\)$/, "")),
  );
}

/** Before "did you mean", a decline or the reasons of a recommendation: the products named that the documents never mention. */
export function unnamedLine(unnamed: readonly string[] | undefined, r: Responses): Part[] {
  if (!unnamed?.length) return [];
  return [{ type: "context", text: naming(r.decline.notInDocuments, unnamed) }];
}

/**
 * The reply for an answered question: answer, details, sources, follow-ups and feedback. An unsure
 * answer says so first and offers its runner-ups (`alternatives`) after it.
 */
export function answerReply(
  entry: Answerable,
  ctx: AnswerContext,
  askedId?: string,
  {
    focus,
    unsure = false,
    alternatives = [],
    unnamed = [],
    uncovered = [],
    priced = false,
    figures = false,
  }: AnswerShown = {},
): Reply {
  const { subtitle, body } = entryParts(entry, ctx);
  // Every answer opens with the question it answers, so a reader sees at once when it is not theirs.
  const parts: Part[] = [subtitle];
  // A long message answered on one of its sentences says which one.
  if (focus)
    parts.push({ type: "context", text: fill(ctx.responses.decline.answeredPart, { part: literal(focus) }) });
  if (unnamed.length > 0) parts.push({ type: "context", text: unnamedNote(unnamed, ctx.responses) });
  if (uncovered.length > 0) parts.push({ type: "context", text: notTogetherNote(uncovered, ctx.responses) });
  if (priced) parts.push({ type: "context", text: ctx.responses.answer.noPrices });
  else if (figures) parts.push({ type: "context", text: ctx.responses.answer.noFigures });
  if (unsure)
    parts.push({
      type: "context",
      text: alternatives.length > 0 ? ctx.responses.answer.bestGuess : ctx.responses.answer.bestGuessAlone,
    });
  parts.push(...body);
  const tag = askedId ? { askedId } : {};
  if (alternatives.length > 0)
    parts.push(offersPart(ctx.responses.answer.alternatives, alternatives, askedId));
  if (uncovered.length > 0) parts.push(offersPart(ctx.responses.answer.onTheirOwn, uncovered, askedId));
  parts.push({
    type: "buttons",
    role: "feedback",
    label: ctx.responses.ui.helpful,
    buttons: [
      button("👍 Helpful", { type: "feedback", entryId: entry.id, vote: "up", ...tag }),
      button("👎 Not helpful", { type: "feedback", entryId: entry.id, vote: "down", ...tag }),
      // Only an answer to something typed can be the wrong match for it.
      ...(askedId
        ? [button(ctx.responses.correction.button, { type: "not-this", askedId, entryId: entry.id })]
        : []),
    ],
  });
  return reply("answer", parts, entry.answer);
}

/**
 * The parts of an entry's answer that are the same every time it is shown (all but the feedback
 * buttons, which name the question asked): built once per entry and context, frozen and shared,
 * so renderers can keep what they make of each part.
 */
const entryPartsKept = new PairMemo<Answerable, AnswerContext, { subtitle: Part; body: Part[] }>();

function entryParts(entry: Answerable, ctx: AnswerContext): { subtitle: Part; body: Part[] } {
  return entryPartsKept.get(entry, ctx, () => {
    const body: Part[] = [{ type: "text", text: entry.answer }];
    if (entry.details) body.push({ type: "text", text: entry.details });
    body.push({
      type: "sources",
      sources: citeAll(entry.sources, ctx.documents),
      more: ctx.responses.ui.moreSources,
    });
    const related = entry.related.map((id) => ctx.entry(id)).filter((e): e is Answerable => e !== undefined);
    if (related.length > 0) {
      body.push({
        type: "buttons",
        role: "followups",
        label: ctx.responses.ui.related,
        buttons: related
          .slice(0, 4)
          .map((r) => button(r.question, { type: "ask", entryId: r.id, via: "related" })),
      });
    }
    const subtitle: Part = {
      type: "subtitle",
      text: fill(ctx.responses.answer.subtitle, { question: entry.question }),
    };
    return { subtitle: deepFrozen(subtitle), body: body.map(deepFrozen) };
  });
}

/**
 * A follow-up that comes back to the entry just answered ("why?", "and for VMs?" after an answer
 * that covers both): the answer is not printed twice. The reply quotes the points of it the
 * follow-up asks about, or says the answer above is all the documents say, and gives its sources,
 * its related questions, a way to see it again and, for a typed question, "Not what I asked" (the
 * follow-up may have been read the wrong way).
 */
export function sameAnswerReply(
  entry: Answerable,
  ctx: AnswerContext,
  askedId: string | undefined,
  {
    alone = [],
    unnamed,
    points = [],
    figures = false,
    caveats = false,
    named = false,
    more = false,
    example = false,
  }: {
    /** What the question got on its own ("is that safe?": container security), offered beside. */
    alone?: Answerable[];
    /** Products the question names that the documents never mention ("and for redis?"). */
    unnamed?: readonly string[];
    /** The points of the answer's details the follow-up asks about (facets.ts pointsAbout). */
    points?: readonly string[];
    /** The follow-up asks for figures, which the documents do not give beyond the answer. */
    figures?: boolean;
    /** The follow-up asks for the answer's catch ("what's the catch?"). */
    caveats?: boolean;
    /** Which answer it takes back to is said (one given a few questions before, not the last). */
    named?: boolean;
    /** "tell me more" asked for more of an answer already shown whole. */
    more?: boolean;
    /** "example?" asked of it: the documents give none beyond it. */
    example?: boolean;
  } = {},
): Reply {
  const r = ctx.responses;
  const text =
    points.length > 0
      ? r.followUp.onThat
      : caveats
        ? r.followUp.noCatch
        : more
          ? r.followUp.nothingMore
          : example
            ? r.followUp.noExample
            : r.followUp.sameAnswer;
  // Asked for figures: that there are none says what "takes me back" would.
  // Nothing of it asked about in particular: its gist, so the reply says something of its own.
  const gist = text === r.followUp.sameAnswer && !figures ? [gistOf(entry.answer)] : [];
  const said: Part[] = [
    ...(figures ? [{ type: "text" as const, text: r.followUp.noFigures }] : []),
    ...(figures && points.length === 0 ? [] : [{ type: "text" as const, text }]),
    ...(points.length > 0 ? [{ type: "text" as const, text: points.join("\n") }] : []),
    ...gist.map((g) => ({ type: "text" as const, text: g })),
  ];
  const parts = entryParts(entry, ctx);
  const kept = parts.body.filter(
    (p) => p.type === "sources" || (p.type === "buttons" && p.role === "followups"),
  );
  if (named) said.unshift(parts.subtitle);
  const shown = new Set([entry.id, ...entry.related.slice(0, 4)]);
  const offered = alone.filter((a) => !shown.has(a.id)).slice(0, MAX_ALONE_OFFERS);
  if (offered.length > 0) kept.push(offersPart(r.answer.alternatives, offered, askedId));
  return reply(
    "answer",
    [...unnamedLine(unnamed, r), ...said, ...kept, backToAnswer(entry, ctx, askedId)],
    figures ? r.followUp.noFigures : text,
  );
}

/**
 * Under a reply about the answer before (same answer, sources, in short): that answer again and,
 * for a typed question, "Not what I asked" (the follow-up may have been read the wrong way).
 */
function backToAnswer(
  entry: Answerable,
  ctx: AnswerContext,
  askedId?: string,
  label = ctx.responses.followUp.showAgain,
  /** Buttons shown before them (the verdict's "Start the checklist"). */
  first: Button[] = [],
): Part {
  const r = ctx.responses;
  const again = button(label, { type: "ask", entryId: entry.id, via: "again" });
  const notThis = askedId
    ? [button(r.correction.button, { type: "not-this", askedId, entryId: entry.id })]
    : [];
  return { type: "buttons", role: "menu", buttons: [...first, again, ...notThis] };
}

/** "source?" after an answer: where that answer comes from, a way to see it again, and "Not what I asked". */
export function sourcesReply(
  entry: Answerable,
  ctx: AnswerContext,
  askedId?: string,
  /** What is said over them: "thats wrong, …" gets that the bot only reports the documents. */
  text = ctx.responses.followUp.sources,
): Reply {
  const sources = entryParts(entry, ctx).body.filter((p) => p.type === "sources");
  return reply("answer", [{ type: "text", text }, ...sources, backToAnswer(entry, ctx, askedId)], text);
}

/**
 * "thats wrong, postgres on k8s is fine in prod" after an answer: that the bot only reports the
 * documents, where the documents themselves disagree on it, if they do (a blind trial's reply
 * showed only the sections, though one of them sides with the person), and its sources.
 */
export function contestedReply(entry: Answerable, ctx: AnswerContext, askedId?: string): Reply {
  const r = ctx.responses;
  const points = disagreementsOf(entry);
  const text = r.followUp.contested;
  const sources = entryParts(entry, ctx).body.filter((p) => p.type === "sources");
  return reply(
    "answer",
    [
      { type: "text", text: points.length > 0 ? r.followUp.contestedDisagree : text },
      ...(points.length > 0
        ? [
            { type: "text" as const, text: points.join("\n") },
            { type: "text" as const, text },
          ]
        : []),
      ...sources,
      backToAnswer(entry, ctx, askedId),
    ],
    text,
  );
}

/** The lines of an answer that say where the documents disagree. */
function disagreementsOf(entry: Answerable): string[] {
  return `${entry.answer}\n${entry.details}`
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => DISAGREES.test(l));
}

/**
 * "which doc says that a kernel compromise can reach many workloads?": the points of an answer
 * that speak of it (which may say otherwise: "where do the docs say VMs are obsolete?"), under the sections of the documents those points name (all the answer's when they
 * name none), and the whole answer one press away.
 */
export function claimReply(
  entry: Answerable,
  points: string[],
  ctx: AnswerContext,
  askedId?: string,
  /** Products the claim names that the documents never mention ("podman"). */
  unnamed?: readonly string[],
): Reply {
  const r = ctx.responses;
  const text = fill(r.followUp.claim, { question: literal(entry.question) });
  const named = new Set(points.flatMap((p) => p.match(/\b\d{3}\b/g) ?? []));
  const all = citeAll(entry.sources, ctx.documents);
  const cited = all.filter((s) => named.has(s.ref));
  return reply(
    "answer",
    [
      ...unnamedLine(unnamed, r),
      { type: "text", text },
      { type: "text", text: points.join("\n") },
      { type: "sources", sources: cited.length > 0 ? cited : all, more: r.ui.moreSources },
      backToAnswer(entry, ctx, askedId),
    ],
    text,
  );
}

/**
 * "tl;dr?", "can you explain that simpler" after an answer: its first sentence, which states the
 * answer (the rest of the answer and the details say why and how), and the whole answer again.
 */
export function simplerReply(
  entry: Answerable,
  ctx: AnswerContext,
  askedId?: string,
  /** Asked for in one line or sentence: the first sentence alone. */
  oneLine = false,
): Reply {
  const r = ctx.responses;
  const first = oneLine ? firstSentence(entry.answer) : gistOf(entry.answer);
  return reply(
    "answer",
    [
      { type: "text", text: r.followUp.simpler },
      { type: "text", text: first },
      backToAnswer(entry, ctx, askedId),
    ],
    first,
  );
}

/**
 * "give me 3 bullets" after an answer: its detail points, each its label and first sentence, as
 * many as asked (0: all of them); an answer without points gives its short version.
 */
export function bulletsReply(entry: Answerable, ctx: AnswerContext, count: number, askedId?: string): Reply {
  const points = (entry.details ?? "")
    .split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => firstSentence(line.trim()).replace(/[:;,]$/, "."));
  if (points.length === 0) return simplerReply(entry, ctx, askedId);
  const text = ctx.responses.followUp.bullets;
  const shown = count > 0 ? points.slice(0, count) : points;
  return reply(
    "answer",
    [
      { type: "text", text },
      { type: "text", text: shown.join("\n") },
      ...entryParts(entry, ctx).body.filter((p) => p.type === "sources"),
      backToAnswer(entry, ctx, askedId),
    ],
    text,
  );
}

/**
 * "yes or no for us?" after an answer: its gist under a line saying the documents judge no one
 * team's case, and the checklist, which does weigh it, one press away beside the whole answer.
 */
export function verdictReply(entry: Answerable, ctx: AnswerContext, askedId?: string): Reply {
  const r = ctx.responses;
  const first = gistOf(entry.answer);
  const start = button(r.intents.checklistButton, { type: "checklist.start" }, "primary");
  return reply(
    "answer",
    [
      { type: "text", text: r.followUp.verdict },
      { type: "text", text: first },
      { type: "text", text: r.followUp.verdictChecklist },
      backToAnswer(entry, ctx, askedId, undefined, [start]),
    ],
    first,
  );
}

/**
 * A bare "why?" after an answer: the reasons it gives (its details), with their sources and the
 * whole answer one press away, rather than only pointing back at it.
 */
export function reasonsReply(entry: Answerable, ctx: AnswerContext, askedId?: string): Reply {
  const r = ctx.responses;
  const text = r.followUp.reasons;
  const sources = entryParts(entry, ctx).body.filter((p) => p.type === "sources");
  return reply(
    "answer",
    [
      { type: "text", text },
      { type: "text", text: entry.details },
      ...sources,
      backToAnswer(entry, ctx, askedId),
    ],
    text,
  );
}

/**
 * "which one is right?" after an answer: the bot ranks no document above another; the points of
 * the answer where they disagree (its details' lines that say so), or that they do not.
 */
export function disagreementReply(entry: Answerable, ctx: AnswerContext, askedId?: string): Reply {
  const r = ctx.responses;
  const points = disagreementsOf(entry);
  const text = points.length > 0 ? r.followUp.whichIsRight : r.followUp.noDisagreement;
  const sources = entryParts(entry, ctx).body.filter((p) => p.type === "sources");
  return reply(
    "answer",
    [
      { type: "text", text },
      ...(points.length > 0 ? [{ type: "text" as const, text: points.join("\n") }] : []),
      ...sources,
      backToAnswer(entry, ctx, askedId),
    ],
    text,
  );
}

/** A line of an answer that says where the documents disagree. */
const DISAGREES = /\b(?:disagree|disagreement|differ on|sources differ|documents differ)\b/i;

/**
 * A question asked for in short ("one line please: VMs or containers?"): the question it answers,
 * the answer's first sentence, its sources, and the whole answer one press away.
 */
export function briefReply(
  entry: Answerable,
  ctx: AnswerContext,
  askedId?: string,
  unnamed: readonly string[] = [],
): Reply {
  const r = ctx.responses;
  const { subtitle, body } = entryParts(entry, ctx);
  const first = firstSentence(entry.answer);
  return reply(
    "answer",
    [
      subtitle,
      ...(unnamed.length > 0 ? [{ type: "context" as const, text: unnamedNote(unnamed, r) }] : []),
      { type: "text", text: `${r.answer.inShort} ${first}` },
      ...body.filter((p) => p.type === "sources"),
      backToAnswer(entry, ctx, askedId, r.answer.wholeAnswer),
    ],
    first,
  );
}

/** A decline that says what to do instead, over the menu. */
const menuDecline = (text: string, r: Responses): Reply =>
  reply("decline", [{ type: "text", text }, menuButtons(r)], text);

/** "why?", "source?" with no answer of ours before it to follow up on: ask for the whole question. */
export function nothingBeforeReply(ctx: Pick<AnswerContext, "responses">): Reply {
  return menuDecline(ctx.responses.followUp.nothingBefore, ctx.responses);
}

/** "what would change it?" with no recommendation in this conversation: how to get one. */
export function noRecommendationReply(ctx: Pick<AnswerContext, "responses">): Reply {
  return menuDecline(ctx.responses.followUp.noRecommendation, ctx.responses);
}

/** Where a sentence of an answer ends: after . ? or ! and a space before a capital, not after "e.g." or "i.e.". */
// (A sentence may open with a quote or a bracket: "“Build once, deploy anywhere” …", a review's.)
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs)\.)(?<=[.?!])\s+(?=[“"'(]?[A-Z0-9])/;

/** The first sentence of a text (all of it when it has one). */
export function firstSentence(text: string): string {
  return text.split(SENTENCE_END)[0] ?? text;
}

const VM_WORDS = /\b(?:vms?|virtual\s+machines?)\b/i;
const CONTAINER_WORDS = /\bcontainers?\b/i;
/** A sentence about one side, naming it in its first words ("Containers split the job", "Rolling back on VMs …", "A VM, by contrast, …"). */
const OPENS_WITH_VMS = /^(?:[\w'’-]+,?\s+){0,3}(?:vms?|virtual\s+machines?)\b/i;
const OPENS_WITH_CONTAINERS = /^(?:[\w'’-]+,?\s+){0,3}containers?\b/i;

/**
 * An answer in short: its first sentence, and the next where the first speaks of only one of VMs
 * and containers and the next opens with the other ("VMs are patched machine by machine …
 * Containers split the job …": a blind trial's "shorter please" got the VMs' half alone). Not a
 * next sentence that only mentions the other in passing ("… may be better off staying on VMs").
 */
export function gistOf(text: string): string {
  const [first = text, second] = text.split(SENTENCE_END);
  const vms = VM_WORDS.test(first);
  if (second === undefined || vms === CONTAINER_WORDS.test(first)) return first;
  const otherOnly =
    (vms ? OPENS_WITH_CONTAINERS : OPENS_WITH_VMS).test(second) &&
    !(vms ? VM_WORDS : CONTAINER_WORDS).test(second);
  return otherOnly ? `${first} ${second}` : first;
}

/** How many of what a follow-up got on its own the same-answer reply offers. */
const MAX_ALONE_OFFERS = 2;

/** The reply for any outcome of a free-text question. */
export function askReply(
  outcome: AskOutcome,
  ctx: AnswerContext,
  askedId?: string,
  /** Asked in a conversation on our subject (an answer or a recommendation just before it). */
  inConversation = false,
): Reply {
  const r = ctx.responses;
  switch (outcome.kind) {
    case "answer":
      return answerReply(outcome.entry, ctx, askedId, outcome);
    case "intent":
      // Where the surface could not act on it (the CLI's `ask`): say what it is and offer it.
      return reply(
        "notice",
        [
          { type: "text", text: r.intents[outcome.intent] },
          {
            type: "buttons",
            role: "menu",
            buttons: [button(r.intents.checklistButton, { type: "checklist.start" }, "primary")],
          },
        ],
        r.intents[outcome.intent],
      );
    case "no-match": {
      const text =
        outcome.why === "write"
          ? r.decline.cannotWrite
          : outcome.why === "failure-report"
            ? r.decline.failureReport
            : outcome.why === "no-subject-word"
              ? inConversation
                ? r.decline.noSubjectMatchInConversation
                : r.decline.noSubjectMatch
              : r.decline.noMatch;
      // Nothing to offer: what the documents cover, and help, instead.
      const buttons =
        outcome.suggestions.length > 0
          ? outcome.suggestions.map((s) =>
              button(s.question, {
                type: "ask",
                entryId: s.id,
                via: "suggestion",
                ...(askedId ? { askedId } : {}),
              }),
            )
          : [button(r.ui.browseTopics, { type: "topics" }), button(r.ui.help, { type: "help" })];
      return reply(
        "decline",
        [
          ...unnamedLine(outcome.unnamed, r),
          { type: "text", text },
          { type: "buttons", role: outcome.suggestions.length > 0 ? "suggestions" : "menu", buttons },
        ],
        text,
      );
    }
    case "out-of-scope": {
      // A question without a word of our subject is about something else; one with it is ours,
      // but the documents do not answer it (the off-topic class, or nothing close enough). With
      // only general subject words ("staging", "sql"), or only a product of ours the documents
      // never mention ("Fargate pricing"), it may be either: neither is claimed.
      // In a conversation on our subject, a question that names none of it is not told it is
      // outside what we know ("is there a risk of vendor lock-in with what you recommend?").
      const general = outcome.generalOnly || outcome.rule === "no-subject-word";
      // (Naming products the documents never mention, and nothing more of ours: that is why,
      // said once. With words of ours it "sounds like our subject", which says something more.)
      const named = !outcome.coverage && general && outcome.unnamed?.length ? outcome.unnamed : undefined;
      const text = outcome.coverage
        ? r.decline.notDiscussed
        : named
          ? naming(r.decline.notCoveredNamed, named)
          : outcome.rule === "no-subject-word" && !inConversation
            ? r.decline.outOfScope
            : general
              ? r.decline.notCoveredGeneral
              : r.decline.notCovered;
      return reply(
        "decline",
        [
          ...(named ? [] : unnamedLine(outcome.unnamed, r)),
          { type: "text", text },
          {
            type: "buttons",
            role: "menu",
            buttons: [button(r.ui.browseTopics, { type: "topics" }), button(r.ui.help, { type: "help" })],
          },
        ],
        text,
      );
    }
    case "too-long":
      return reply("decline", [{ type: "text", text: r.decline.tooLong }], r.decline.tooLong);
    case "empty":
      return reply("notice", [{ type: "text", text: r.errors.emptyQuestion }], r.ui.askMe);
    case "smalltalk": {
      if (outcome.which === "help") return helpReply(ctx);
      if (outcome.which === "documents") return documentsReply(ctx);
      const text = r[outcome.which].reply;
      return reply("smalltalk", [{ type: "text", text }, menuButtons(r)], text);
    }
  }
}

/** "What are your sources?": the five documents by number and title, and how answers cite them. */
export function documentsReply(ctx: Pick<AnswerContext, "responses" | "documents">): Reply {
  const d = ctx.responses.documents;
  const list = ctx.documents
    .map((doc) => `- **${doc.doc.slice(0, 3)}** ${doc.title ?? fill(d.untitled, { short: doc.short })}`)
    .join("\n");
  return reply(
    "smalltalk",
    [
      { type: "text", text: d.intro },
      { type: "text", text: list },
      { type: "text", text: d.cited },
      menuButtons(ctx.responses),
    ],
    d.intro,
  );
}

export function helpReply(ctx: Pick<AnswerContext, "responses">): Reply {
  const h = ctx.responses.help;
  const lines = h.commands
    .map((c) => `- \`${c.usage}\` — ${c.description} _e.g._ \`${c.example}\``)
    .join("\n");
  return reply(
    "help",
    [{ type: "text", text: h.intro }, { type: "text", text: lines }, menuButtons(ctx.responses)],
    h.intro,
  );
}

function menuButtons(r: Responses): Part {
  return {
    type: "buttons",
    role: "menu",
    buttons: [
      button(r.ui.startChecklist, { type: "checklist.start" }, "primary"),
      button(r.ui.browseTopics, { type: "topics" }),
      button(r.home.compare, { type: "compare" }),
      button(r.home.myths, { type: "myths" }),
    ],
  };
}
