import type { InsightEvent } from "./insights.ts";
import { literal } from "./render/inline.ts";
import { reply } from "./replies/common.ts";
import type { Part, Reply } from "./reply.ts";

export interface Stats {
  questions: number;
  answered: number;
  answeredRate: number;
  /** Questions taken back to the answer just given: not answered anew, so listed with the unanswered. */
  repeated: number;
  /** Unanswered questions grouped by similar wording, biggest group first. */
  unanswered: { example: string; count: number; questions: string[] }[];
  /** Entries by 👎 count. */
  downvoted: { entryId: string; down: number; up: number }[];
  /** "Did you mean" picks: the asked wording is worth adding as an alternate of the entry. */
  picks: { question: string; entryId: string; count: number }[];
  /**
   * "Not what I asked" corrections: the asked wording, the entry the person picked instead and
   * the one the bot had answered with. Also phrasings worth adding to the picked entry.
   */
  corrections: { question: string; entryId: string; wrongEntryId?: string; count: number }[];
}

/** Two questions are in one cluster when this share of their content words is shared. */
const CLUSTER_SIMILARITY = 0.5;

export function computeStats(events: InsightEvent[], stems: (text: string) => string[]): Stats {
  const questions = events.filter(
    (e): e is Extract<InsightEvent, { type: "question" }> => e.type === "question",
  );
  const answered = questions.filter((q) => q.outcome === "answered").length;
  const byAskedId = new Map(questions.map((q) => [q.askedId, q]));

  const clusters: { stems: Set<string>; questions: string[] }[] = [];
  for (const q of questions.filter((q) => q.outcome !== "answered")) {
    const s = new Set(stems(q.question));
    const home = clusters.find((c) => jaccard(c.stems, s) >= CLUSTER_SIMILARITY);
    if (home) home.questions.push(q.question);
    else clusters.push({ stems: s, questions: [q.question] });
  }
  const unanswered = clusters
    .map((c) => ({
      example: mostCommon(c.questions),
      count: c.questions.length,
      questions: [...new Set(c.questions)].slice(0, 5),
    }))
    .sort((a, b) => b.count - a.count || a.example.localeCompare(b.example));

  const votes = new Map<string, { up: number; down: number }>();
  for (const e of events) {
    if (e.type !== "feedback") continue;
    const v = votes.get(e.entryId) ?? { up: 0, down: 0 };
    v[e.vote]++;
    votes.set(e.entryId, v);
  }
  const downvoted = [...votes]
    .filter(([, v]) => v.down > 0)
    .map(([entryId, v]) => ({ entryId, ...v }))
    .sort((a, b) => b.down - a.down || a.entryId.localeCompare(b.entryId));

  const picks = countByQuestion(events, byAskedId, "pick");
  const corrections = countByQuestion(events, byAskedId, "correction");

  return {
    questions: questions.length,
    answered,
    answeredRate: questions.length ? answered / questions.length : 0,
    repeated: questions.filter((q) => q.outcome === "repeated").length,
    unanswered,
    downvoted,
    picks,
    corrections,
  };
}

type Question = Extract<InsightEvent, { type: "question" }>;

/** Picks (or corrections) grouped by asked wording and picked entry, most frequent first. */
function countByQuestion(
  events: InsightEvent[],
  byAskedId: Map<string, Question>,
  type: "pick" | "correction",
): { question: string; entryId: string; wrongEntryId?: string; count: number }[] {
  const counts = new Map<
    string,
    { question: string; entryId: string; wrongEntryId?: string; count: number }
  >();
  for (const e of events) {
    if (e.type !== type) continue;
    const asked = byAskedId.get(e.askedId);
    if (!asked) continue;
    const key = `${asked.question.toLowerCase()}\u0000${e.entryId}`;
    const wrong = e.type === "correction" ? e.wrongEntryId : undefined;
    const p = counts.get(key) ?? {
      question: asked.question,
      entryId: e.entryId,
      ...(wrong ? { wrongEntryId: wrong } : {}),
      count: 0,
    };
    p.count++;
    counts.set(key, p);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.question.localeCompare(b.question));
}

export function statsParts(s: Stats, limit = 10): Part[] {
  const pct = `${(100 * s.answeredRate).toFixed(1)}%`;
  const parts: Part[] = [
    { type: "heading", text: "Usage report (last 90 days)" },
    {
      type: "fields",
      fields: [
        { label: "Questions", value: String(s.questions) },
        { label: "Answered", value: `${s.answered} (${pct})` },
        { label: "Taken back to the answer before", value: String(s.repeated) },
      ],
    },
  ];
  const list = (title: string, lines: string[]) =>
    parts.push({ type: "text", text: `**${title}**\n${lines.length ? lines.join("\n") : "- none yet"}` });
  list(
    "Top unanswered questions (similar ones grouped)",
    s.unanswered.slice(0, limit).map(
      (u) =>
        `- ${u.count}× “${literal(u.example)}”${
          u.questions.length > 1
            ? ` (also: ${u.questions
                .filter((q) => q !== u.example)
                .slice(0, 2)
                .map((q) => `“${literal(q)}”`)
                .join(", ")})`
            : ""
        }`,
    ),
  );
  list(
    "Entries with the most 👎",
    s.downvoted.slice(0, limit).map((d) => `- **${d.entryId}**: ${d.down} 👎, ${d.up} 👍`),
  );
  list(
    "Suggestion picks (alternate phrasings worth adding)",
    s.picks.slice(0, limit).map((p) => `- “${literal(p.question)}” → **${p.entryId}** (${p.count}×)`),
  );
  list(
    "“Not what I asked” corrections (phrasings worth adding)",
    s.corrections
      .slice(0, limit)
      .map(
        (c) =>
          `- “${c.question}” → \`${c.entryId}\`${c.wrongEntryId ? `, not \`${c.wrongEntryId}\`` : ""} (${c.count}×)`,
      ),
  );
  return parts;
}

export function statsReply(s: Stats): Reply {
  return reply(
    "stats",
    statsParts(s),
    `Usage report: ${s.questions} questions, ${(100 * s.answeredRate).toFixed(1)}% answered`,
    { visibility: "private" },
  );
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

function mostCommon(items: string[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i, (counts.get(i) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}
