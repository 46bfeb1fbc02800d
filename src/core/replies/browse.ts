import type { CompareAspect, DocumentInfo, Myth, Responses, Topic } from "../../knowledge/schema.ts";
import type { Answerable } from "../answerable.ts";
import { rawWords } from "../matcher/text.ts";
import type { Part, Reply } from "../reply.ts";
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

const words = (s: string) => rawWords(s).map((w) => w.replace(/s$/, ""));

/** Finds the aspect a user named ("boot", "startup time", "the cost of VMs") by id, name or alias. */
export function findAspect(aspects: CompareAspect[], query: string): CompareAspect | undefined {
  const q = ` ${words(query).join(" ")} `;
  let best: { aspect: CompareAspect; length: number } | undefined;
  for (const a of aspects) {
    for (const name of [a.id.replace(/-/g, " "), a.name, ...a.aliases]) {
      const n = words(name).join(" ");
      if (n && q.includes(` ${n} `) && (!best || n.length > best.length))
        best = { aspect: a, length: n.length };
    }
  }
  return best?.aspect;
}

export function compareReply(ctx: BrowseContext, aspectQuery?: string): Reply {
  if (!aspectQuery) {
    return reply(
      "compare",
      [
        { type: "heading", text: "Virtual machines vs containers" },
        {
          type: "fields",
          fields: ctx.compare.map((a) => ({
            label: a.name,
            value: `**VMs:** ${a.vms}\n**Containers:** ${a.containers}`,
          })),
        },
        {
          type: "sources",
          sources: citeAll(
            ctx.compare.flatMap((a) => a.sources),
            ctx.documents,
          ),
        },
        aspectButtons(ctx.compare),
      ],
      "Virtual machines vs containers, aspect by aspect",
    );
  }
  const aspect = findAspect(ctx.compare, aspectQuery);
  if (!aspect) {
    return reply(
      "notice",
      [{ type: "text", text: ctx.responses.errors.unknownAspect }, aspectButtons(ctx.compare)],
      "Unknown aspect",
    );
  }
  const parts: Part[] = [
    { type: "heading", text: `${aspect.name}: VMs vs containers` },
    {
      type: "fields",
      fields: [
        { label: "Virtual machines", value: aspect.vms },
        { label: "Containers", value: aspect.containers },
      ],
    },
  ];
  if (aspect.note) parts.push({ type: "text", text: aspect.note });
  parts.push({ type: "sources", sources: citeAll(aspect.sources, ctx.documents) });
  return reply("compare", parts, `${aspect.name}: VMs — ${aspect.vms} Containers — ${aspect.containers}`);
}

function aspectButtons(aspects: CompareAspect[]): Part {
  return {
    type: "buttons",
    role: "menu",
    label: "Compare one aspect",
    buttons: aspects.slice(0, 24).map((a) => button(a.name, { type: "compare", aspect: a.id })),
  };
}

export function topicsReply(ctx: BrowseContext, topicQuery?: string): Reply {
  const topic = topicQuery ? findTopic(ctx.topics, topicQuery) : undefined;
  if (!topic) {
    const intro = topicQuery
      ? `I don't have a topic called “${topicQuery}”. These are the topics I cover:`
      : "These are the topics I cover:";
    return reply(
      "topics",
      [
        { type: "text", text: intro },
        { type: "text", text: ctx.topics.map((t) => `- **${t.title}:** ${t.description}`).join("\n") },
        {
          type: "buttons",
          role: "menu",
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
        label: "Questions",
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
      { type: "heading", text: "Myths about VMs and containers" },
      { type: "text", text: lines },
      {
        type: "sources",
        sources: citeAll(
          ctx.myths.flatMap((m) => m.sources),
          ctx.documents,
        ),
      },
      {
        type: "buttons",
        role: "followups",
        label: "Read more",
        buttons: ctx.myths
          .slice(0, 10)
          .map((m) => button(m.myth, { type: "ask", entryId: m.entry, via: "myth" })),
      },
    ],
    "Myths about VMs and containers",
  );
}
