import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { askJson } from "../../src/adapters/cli/ask.ts";
import { briefRequest } from "../../src/core/brief.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import { firstSentence } from "../../src/core/replies/answers.ts";
import { createStore } from "../../src/store/index.ts";
import { type StateStore, StoreUnavailableError } from "../../src/store/store.ts";
import { buttons, knowledge, makeBot, press, turn } from "../helpers/bot.ts";

describe("a question asked for in short", () => {
  it.each([
    ["One line please: VMs or containers?", "VMs or containers?"],
    ["what's a hypervisor, in one sentence?", "what's a hypervisor?"],
    ["tl;dr: do we need kubernetes", "do we need kubernetes"],
    ["briefly, why do containers start faster?", "why do containers start faster?"],
    ["can we run databases in containers (short answer please)", "can we run databases in containers"],
    // A blind trial's, answered in full.
    [
      "give me one sentence: should a 5 person startup use kubernetes",
      "should a 5 person startup use kubernetes",
    ],
    ["answer in one line: can we run databases in containers?", "can we run databases in containers?"],
  ])("reads %j as %j", (text, rest) => {
    expect(briefRequest(text)).toBe(rest);
  });

  it.each([
    "tl;dr?",
    "in short?",
    "explain briefly",
    "is this a one line change",
    "a one-line summary of pattern a",
    "is there a short answer?",
    "can you explain it in one sentence",
  ])("leaves %j alone", (text) => {
    expect(briefRequest(text)).toBeUndefined();
  });

  it("takes the first sentence to end before one that opens with a quote or a bracket (a review's)", () => {
    expect(firstSentence("Build it once. “Build once, deploy anywhere” is the rule.")).toBe("Build it once.");
    expect(firstSentence("Build it once. (See the pipeline.) Then ship.")).toBe("Build it once.");
    expect(firstSentence("Use VMs, e.g. for legacy apps. Containers suit the rest.")).toBe(
      "Use VMs, e.g. for legacy apps.",
    );
  });

  it("answers with the first sentence, its sources and the whole answer one press away", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "one line please: can we run databases in containers?" }));
    const entry = bot.qa.asker.entry("stateful-workloads-and-databases")!;
    expect(r!.parts[0]).toEqual({ type: "subtitle", text: `Answering: ${entry.question}` });
    expect(r!.parts).toContainEqual({
      type: "text",
      text: `${knowledge.responses.answer.inShort} ${firstSentence(entry.answer)}`,
    });
    expect(r!.parts.some((p) => p.type === "sources")).toBe(true);
    // Not the details, which are most of an answer.
    const detail = JSON.stringify(entry.details.slice(0, 60)).slice(1, -1);
    expect(JSON.stringify(r!.parts)).not.toContain(detail);
    const [whole] = buttons([r!], "menu");
    expect(whole!.label).toBe(knowledge.responses.answer.wholeAnswer);
    const [full] = await bot.handle(press(whole!.action));
    expect(JSON.stringify(full!.parts)).toContain(detail);
  });
});

describe("answers kept short once asked for ('please keep answers short', a trial's)", () => {
  const entry = () => knowledge.faq.find((e) => e.id === "stateful-workloads-and-databases")!;
  const inShort = () => `${knowledge.responses.answer.inShort} ${firstSentence(entry().answer)}`;
  const detail = () => JSON.stringify(entry().details!.slice(0, 60)).slice(1, -1);
  const question = "can we run databases in containers?";

  it("says so, answers that person in short in every conversation until asked for full answers, and no one else", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [set] = await bot.handle(turn({ text: "ok thanks, please keep your answers short from now on" }));
    expect(set!.kind).toBe("smalltalk");
    expect(set!.summary).toBe(knowledge.responses.shortAnswers.reply);
    const [short] = await bot.handle(turn({ text: question, conversation: "elsewhere", thread: undefined }));
    expect(short!.parts).toContainEqual({ type: "text", text: inShort() });
    expect(JSON.stringify(short!.parts)).not.toContain(detail());
    // The whole answer stays one press away.
    const [whole] = buttons([short!], "menu");
    const [full] = await bot.handle(press(whole!.action));
    expect(JSON.stringify(full!.parts)).toContain(detail());
    // Someone else in the same conversation still gets answers in full.
    const [theirs] = await bot.handle(turn({ text: question, user: { id: "u2", name: "Grace" } }));
    expect(JSON.stringify(theirs!.parts)).toContain(detail());
    const [unset] = await bot.handle(turn({ text: "full answers again please" }));
    expect(unset!.summary).toBe(knowledge.responses.fullAnswers.reply);
    const [again] = await bot.handle(turn({ text: question, conversation: "third" }));
    expect(JSON.stringify(again!.parts)).toContain(detail());
  });

  it("keeps it in the store, so a restart with the same SQLite file remembers it", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "vmvc-length-")), "state.db");
    const first = await createStore(`sqlite:${file}`);
    await makeBot(first).handle(turn({ text: "be concise" }));
    await first.close();
    const second = await createStore(`sqlite:${file}`);
    const [r] = await makeBot(second).handle(turn({ text: question, conversation: "later" }));
    await second.close();
    expect(r!.parts).toContainEqual({ type: "text", text: inShort() });
  });

  it("answers in full when the store cannot say, and does not claim to keep what it could not", async () => {
    const store = await createStore("memory:");
    const down = (key: string) => {
      if (key.startsWith("answer-length:")) throw new StoreUnavailableError("down");
    };
    const wrapped: Partial<StateStore> = {
      get: async (key) => (down(key), store.get(key)),
      set: async (key, value, options) => (down(key), store.set(key, value, options)),
      delete: async (key) => (down(key), store.delete(key)),
    };
    // The memory store, except that the preference's key is unreachable.
    const failing = new Proxy(store, {
      get: (target, name) => {
        if (typeof name === "string" && name in wrapped) return wrapped[name as keyof StateStore];
        const value = Reflect.get(target, name);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const bot = makeBot(failing);
    const [r] = await bot.handle(turn({ text: question }));
    expect(JSON.stringify(r!.parts)).toContain(detail());
    // Not kept, so not confirmed: the store's error reaches the surface, which apologises (as for
    // a press; test/e2e/store-outage.test.ts).
    await expect(bot.handle(turn({ text: "please keep answers short" }))).rejects.toThrow(
      StoreUnavailableError,
    );
  });

  it("leaves what asks for the answer before in short, and follow-ups, as they were", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: question }));
    // "keep it short" alone may ask for that answer in short: no preference is set by it.
    const [it] = await bot.handle(turn({ text: "keep it short" }));
    expect(it!.summary).not.toBe(knowledge.responses.shortAnswers.reply);
    const [next] = await bot.handle(turn({ text: "what is a hypervisor?" }));
    expect(
      next!.parts.some((p) => p.type === "text" && p.text.startsWith(knowledge.responses.answer.inShort)),
    ).toBe(false);
    await bot.handle(turn({ text: "short answers please" }));
    const [why] = await bot.handle(turn({ text: "why?" }));
    expect(why!.parts).toContainEqual({ type: "text", text: knowledge.responses.followUp.reasons });
  });

  it("tells `vmvc ask`, which answers each question on its own, that nothing is kept there", () => {
    const qa = buildQuestionAnswering(knowledge);
    expect(askJson("please keep answers short", qa).text).toContain(
      knowledge.responses.shortAnswers.notKept.replaceAll("`", ""),
    );
    // "full answers again" is told what `ask` does, not the short answers' advice (a review's).
    expect(askJson("full answers again", qa).text).toContain(
      knowledge.responses.fullAnswers.notKept.replaceAll("`", ""),
    );
    // The advice works there: a question asked for in one line is answered in short; so is one
    // after "keep answers short," (a second review's got it in full).
    for (const asked of [`one line please: ${question}`, `keep answers short, ${question}`]) {
      const one = askJson(asked, qa);
      expect(one.id, asked).toBe(entry().id);
      expect(one.text, asked).toContain(inShort().replaceAll("**", ""));
      expect(one.text, asked).not.toContain(JSON.parse(`"${detail()}"`));
    }
  });

  it.each(["tldr only", "be brief", "brief answers", "shorter answers please"])(
    "gives the answer just shown in short too, when %j follows it (a review's only got the confirmation)",
    async (said) => {
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: question }));
      const [r] = await bot.handle(turn({ text: said }));
      expect(r!.parts[0]).toEqual({ type: "context", text: knowledge.responses.shortAnswers.keptBeside });
      expect(r!.parts).toContainEqual({ type: "text", text: inShort() });
      expect(JSON.stringify(r!.parts)).not.toContain(detail());
      // And kept: the next answer comes in short.
      const [next] = await bot.handle(turn({ text: "what is a hypervisor?" }));
      expect(
        next!.parts.some((p) => p.type === "text" && p.text.startsWith(knowledge.responses.answer.inShort)),
      ).toBe(true);
    },
  );

  it("only confirms it with no answer just shown", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "tldr only" }));
    expect(r!.summary).toBe(knowledge.responses.shortAnswers.reply);
  });

  it.each(["tell me more", "more detail please", "full answer please", "show the whole answer"])(
    "gives the whole of an answer shown in short for %j (a review's got its gist again)",
    async (said) => {
      for (const first of ["keep answers short", undefined]) {
        const bot = makeBot(await createStore("memory:"));
        if (first) await bot.handle(turn({ text: first }));
        const [short] = await bot.handle(turn({ text: first ? question : `one line please: ${question}` }));
        expect(short!.parts).toContainEqual({ type: "text", text: inShort() });
        const [whole] = await bot.handle(turn({ text: said }));
        expect(whole!.parts[0]).toEqual({ type: "subtitle", text: `Answering: ${entry().question}` });
        expect(JSON.stringify(whole!.parts)).toContain(detail());
      }
      // After an answer shown in full, not the same answer again.
      const bot = makeBot(await createStore("memory:"));
      await bot.handle(turn({ text: question }));
      const [again] = await bot.handle(turn({ text: said }));
      expect(JSON.stringify(again!.parts)).not.toContain(detail());
    },
  );

  it("shows the whole answer once: 'tell me more' after it takes back to it (a second review's got it twice)", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "keep answers short" }));
    await bot.handle(turn({ text: question }));
    const [whole] = await bot.handle(turn({ text: "show the whole answer" }));
    expect(JSON.stringify(whole!.parts)).toContain(detail());
    // Nothing more to say: said so, with the related questions that go further (a blind trial's
    // got the answer's first sentence again, as "takes me back to my answer above").
    const [again] = await bot.handle(turn({ text: "tell me more" }));
    expect(again!.parts).toContainEqual({ type: "text", text: knowledge.responses.followUp.nothingMore });
    expect(again!.parts).not.toContainEqual({ type: "text", text: knowledge.responses.followUp.sameAnswer });
    expect(JSON.stringify(again!.parts)).not.toContain(detail());
    expect(again!.parts.some((p) => p.type === "buttons" && p.role === "followups")).toBe(true);
  });

  it("gives the FAQ entry a glossary term leads to for 'more detail on that' (a blind trial's was declined)", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [term] = await bot.handle(turn({ text: "keep it short please: what's a microVM?" }));
    const microvm = bot.qa.asker.entry("microvm")!;
    expect(term!.parts[0]).toEqual({ type: "subtitle", text: `Answering: ${microvm.question}` });
    const [more] = await bot.handle(turn({ text: "ok now give me more detail on that" }));
    const deeper = bot.qa.asker.entry(microvm.related[0]!)!;
    expect(deeper.kind).not.toBe("term");
    expect(more!.parts[0]).toEqual({ type: "subtitle", text: `Answering: ${deeper.question}` });
    // And the conversation follows it: "why?" is about the entry shown.
    const [why] = await bot.handle(turn({ text: "why?" }));
    expect(JSON.stringify(why!.parts)).toContain(deeper.question);
  });

  it("takes 'details?' at a running checklist's question as about the checklist, not the answer before (a second review's)", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "keep answers short", thread: "th1" }));
    await bot.handle(turn({ text: question, thread: "th1" }));
    const [root] = await bot.handle(turn({ text: "/vmvc checklist", thread: undefined }));
    await bot.handle(press(root!.inThread!, { thread: "th1" }));
    const [r] = await bot.handle(turn({ text: "details?", thread: "th1" }));
    expect(JSON.stringify(r!.parts)).not.toContain(detail());
    expect(r!.summary).toContain(knowledge.responses.walkthrough.typedInThread.slice(0, 40));
  });

  it.each(["keep answers short, thanks a lot", "keep answers short, i'm on mobile"])(
    "confirms %j, and answers no question there (reviews')",
    async (text) => {
      const bot = makeBot(await createStore("memory:"));
      const [r] = await bot.handle(turn({ text }));
      expect(r!.kind).not.toBe("decline");
      expect(r!.kind).not.toBe("answer");
    },
  );

  it("shows a glossary term's FAQ entry whole once for 'tell me more' (a second review's got it twice)", async () => {
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "keep answers short" }));
    await bot.handle(turn({ text: "what is a microvm?" }));
    const [first] = await bot.handle(turn({ text: "tell me more" }));
    expect(first!.parts[0]?.type).toBe("subtitle");
    const [second] = await bot.handle(turn({ text: "tell me more" }));
    expect(second!.parts).toContainEqual({ type: "text", text: knowledge.responses.followUp.nothingMore });
  });

  it("says answers are full already to 'full answers again' when short ones were never asked for", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "full answers again" }));
    expect(r!.summary).toBe(knowledge.responses.fullAnswers.already);
  });

  it("takes the request and answers the question after it: 'keep answers short, what is a microVM?' (a review's)", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: `keep answers short, ${question}` }));
    expect(r!.parts[0]).toEqual({ type: "context", text: knowledge.responses.shortAnswers.keptBeside });
    expect(r!.parts).toContainEqual({ type: "text", text: inShort() });
    const [next] = await bot.handle(turn({ text: "what is a hypervisor?" }));
    expect(
      next!.parts.some((p) => p.type === "text" && p.text.startsWith(knowledge.responses.answer.inShort)),
    ).toBe(true);
    const [full] = await bot.handle(turn({ text: `full answers again. ${question}` }));
    expect(JSON.stringify(full!.parts)).toContain(detail());
    // Not a greeting or anything else before a question.
    const [hello] = await makeBot(await createStore("memory:")).handle(turn({ text: `hello, ${question}` }));
    expect(JSON.stringify(hello!.parts)).toContain(detail());
  });
});
