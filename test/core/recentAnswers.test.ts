import { describe, expect, it } from "vitest";
import type { AskExplanation, AskOutcome } from "../../src/core/ask.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import { RECENT_ANSWERS, RecentAnswers } from "../../src/core/recentAnswers.ts";
import type { Reply } from "../../src/core/reply.ts";
import { Situations } from "../../src/core/situation/situations.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { knowledge, makeBot, turn } from "../helpers/bot.ts";

const qa = buildQuestionAnswering(knowledge);
const situations = new Situations(knowledge);

/** A RecentAnswers whose asker and reader count their calls; both share one explanation sink, as in Bot. */
function counted(capacity = RECENT_ANSWERS) {
  const calls = { ask: 0, read: 0, stems: 0, explained: [] as string[] };
  const sink = (explain: () => AskExplanation) => calls.explained.push(explain().question);
  const asker = buildQuestionAnswering(knowledge, undefined, sink).asker;
  const recent = new RecentAnswers(
    {
      ask: (t, inConversation) => {
        calls.ask++;
        return asker.ask(t, inConversation);
      },
      entry: (id) => asker.entry(id),
      explain: (t, c) => asker.explain(t, c),
    },
    {
      read: (t) => {
        calls.read++;
        return situations.read(t);
      },
    },
    (t) => {
      calls.stems++;
      return qa.stems(t);
    },
    sink,
    capacity,
  );
  return { recent, calls };
}

describe("RecentAnswers", () => {
  it("remembers a question asked in a conversation apart from the same question asked alone", () => {
    const { recent, calls } = counted();
    const q = "what about the learning curve?";
    const alone = recent.ask(q);
    const inConversation = recent.ask(q, true);
    // Alone it names no subject word: only offered, with a note that it does not look like ours.
    expect(alone).toMatchObject({ kind: "no-match", why: "no-subject-word" });
    expect(inConversation).toMatchObject({ kind: "answer", entry: { id: "team-skills-and-learning-curve" } });
    // Asked again either way: remembered, each as it was.
    expect(recent.ask(q)).toBe(alone);
    expect(recent.ask(q, true)).toBe(inConversation);
    expect(calls.ask).toBe(2);
  });

  it("gives what the asker, the reader and the stemmer give, and asks each once per text", () => {
    const { recent, calls } = counted();
    const texts = [
      "can we run databases in containers?",
      "what is a hypervisr",
      "who won the game last night",
      "We have 60 stateless services, deploy several times a day and no Kubernetes skills. What should we use?",
      "hello",
      "",
    ];
    for (let round = 0; round < 3; round++)
      for (const t of texts) {
        expect(recent.ask(t)).toEqual(qa.asker.ask(t));
        expect(recent.read(t)).toEqual(situations.read(t));
        expect(recent.stems(t)).toEqual(qa.stems(t));
      }
    expect(calls.ask).toBe(texts.length);
    expect(calls.read).toBe(texts.length);
    expect(calls.stems).toBe(texts.length);
  });

  it("forgets the least recently asked text beyond its capacity", () => {
    const { recent, calls } = counted(2);
    recent.ask("what is a container");
    recent.ask("what is a vm");
    recent.ask("what is a container"); // now the most recent
    recent.ask("what is a hypervisor"); // "what is a vm" goes
    expect(calls.ask).toBe(3);
    recent.ask("what is a container");
    expect(calls.ask).toBe(3);
    recent.ask("what is a vm");
    expect(calls.ask).toBe(4);
  });

  it("does not keep texts too long to be matched", () => {
    const { recent, calls } = counted();
    const long = "containers ".repeat(500);
    expect(recent.ask(long)).toEqual({ kind: "too-long" });
    recent.ask(long);
    expect(calls.ask).toBe(2);
  });

  it("hands the explanation sink every matched question, remembered or not", () => {
    const { recent, calls } = counted();
    for (let i = 0; i < 2; i++) {
      recent.ask("can we run databases in containers?");
      recent.ask("hello"); // small talk is not matched: nothing to explain
    }
    expect(calls.explained).toEqual([
      "can we run databases in containers?",
      "can we run databases in containers?",
    ]);
  });

  it("hands out frozen outcomes and readings, so no turn can change another's", () => {
    const { recent } = counted();
    const outcome: AskOutcome = recent.ask("can we run databases in containers?");
    expect(Object.isFrozen(outcome)).toBe(true);
    const reading = recent.read("we deploy several times a day, VMs or containers?");
    expect(Object.isFrozen(reading.understood)).toBe(true);
  });

  it("remembers a follow-up's resolution per text and per entry answered before it", () => {
    const { recent } = counted(2);
    let resolved = 0;
    const resolve = (tag: string) => () => {
      resolved++;
      return { tag };
    };
    const a = recent.resolution("and for VMs?", "boot-time", resolve("a"));
    expect(recent.resolution("and for VMs?", "boot-time", resolve("again"))).toBe(a);
    expect(resolved).toBe(1);
    // Another entry before it, or none: resolved again.
    expect(recent.resolution("and for VMs?", "hypervisor-role", resolve("b"))).toEqual({ tag: "b" });
    expect(recent.resolution("and for VMs?", undefined, resolve("c"))).toEqual({ tag: "c" });
    expect(resolved).toBe(3);
    // Forgotten with its text, beyond the capacity.
    recent.ask("what is a pod?");
    recent.ask("what is a hypervisor?");
    expect(recent.resolution("and for VMs?", "boot-time", resolve("d"))).toEqual({ tag: "d" });
    expect(resolved).toBe(4);
  });

  it("leaves follow-ups to their conversation: the same short question gets each thread's own answer", async () => {
    const bot = makeBot(new MemoryStore());
    // The question answered, or what a follow-up back to the answer before came back to.
    const shown = (r: Reply | undefined) =>
      r!.parts.find((p) => p.type === "subtitle" || p.type === "context");
    const answered = async (text: string, thread: string) =>
      shown((await bot.handle(turn({ text, thread })))[0]);
    await answered("can we run databases in containers?", "t1");
    await answered("what is a hypervisor?", "t2");
    const first = await answered("and for VMs?", "t1");
    const second = await answered("and for VMs?", "t2");
    // The same text, after two different topics: each is matched with its own thread's topic.
    const fresh = makeBot(new MemoryStore());
    await fresh.handle(turn({ text: "can we run databases in containers?", thread: "t1" }));
    await fresh.handle(turn({ text: "what is a hypervisor?", thread: "t2" }));
    const [alone2] = await fresh.handle(turn({ text: "and for VMs?", thread: "t2" }));
    const [alone1] = await fresh.handle(turn({ text: "and for VMs?", thread: "t1" }));
    expect(first).not.toEqual(second);
    expect(first).toEqual(shown(alone1));
    expect(second).toEqual(shown(alone2));
  });
});
