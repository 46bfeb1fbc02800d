import { describe, expect, it } from "vitest";
import { askJson } from "../../src/adapters/cli/ask.ts";
import { rawWords } from "../../src/core/matcher/text.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import { SmallTalkReader } from "../../src/core/smalltalk.ts";
import { createStore } from "../../src/store/index.ts";
import { knowledge, makeBot, turn } from "../helpers/bot.ts";

const qa = buildQuestionAnswering(knowledge);
const which = (q: string) => {
  const o = qa.asker.ask(q);
  return o.kind === "smalltalk" ? o.which : o.kind;
};
const { responses } = knowledge;

describe("small talk", () => {
  it("says what the bot does not do when asked, alone or with courtesy words (a blind trial's got a decline or the checklist)", async () => {
    for (const q of [
      "what can't you do",
      "Is there anything you can't help me with on this topic?",
      "can you answer in spanish?",
      "ok, can i export this recommendation as a pdf?",
      "hi, what are your limitations?",
    ])
      expect(which(q), q).toBe("limits");
    const a = askJson("what can't you do", qa);
    expect(a.text).toContain(responses.limits.reply.replaceAll("`", ""));
    // Not mixed with what it does, nor with a question of our subject.
    expect(which("what can you do")).toBe("help");
    // (A blind trial's "what can you help with?" started the checklist.)
    expect(which("what can you help with?")).toBe("help");
    expect(which("what cant you do with containers")).not.toBe("limits");
    // Limits that may be the subject's: not the bot's (a review's "any limitations?" after an answer).
    expect(which("any limitations?")).not.toBe("limits");
    expect(which("what are the limits")).not.toBe("limits");
    expect(which("can you answer in russian?")).toBe("limits");
    // After an answer too: the bot's limitations, not the answer's caveats (a third review's).
    const bot = makeBot(await createStore("memory:"));
    await bot.handle(turn({ text: "what is a hypervisor?" }));
    const [after] = await bot.handle(turn({ text: "what are your limitations?" }));
    expect(after!.kind).toBe("smalltalk");
    expect(which("thanks, what can't you do")).toBe("limits");
    expect(which("help, what can't you do")).toBe("help");
  });

  it("takes thanks, greetings and acknowledgements mixed with courtesy words as small talk", () => {
    // "thanks, that helps" started the checklist (the intent learnt "help me decide").
    expect(which("thanks, that helps")).toBe("thanks");
    expect(which("thank you very much!")).toBe("thanks");
    expect(which("ok thanks")).toBe("thanks");
    expect(which("hey, thanks again")).toBe("thanks");
    expect(which("hi there")).toBe("greeting");
    expect(which("lol ok")).toBe("acknowledgement");
    expect(which("that helps")).toBe("acknowledgement");
    expect(which("got it, makes sense")).toBe("acknowledgement");
    // A blind trial's "hey there, how are you today?" and "thanks bye" were declined as off topic.
    expect(which("hey there, how are you today?")).toBe("greeting");
    expect(which("thanks bye")).toBe("thanks");
    expect(which("obrigado!")).toBe("thanks");
    expect(which("ok bye")).toBe("acknowledgement");
    // A letter held down (blind trial 18's "hiii what's up" was declined as off topic).
    expect(which("hiii what's up")).toBe("greeting");
    expect(which("heyyy")).toBe("greeting");
    expect(which("ok cooool thanks")).toBe("thanks");
    expect(which("hiii, whats a hypervisor?")).not.toBe("greeting");
    expect(which("what can you do")).toBe("help");
    expect(which("hi, what can you do?")).toBe("help");
    expect(which("ok help")).toBe("help");
    // Not with another word: "help me decide" is the checklist said in words.
    expect(which("help me decide")).toBe("intent");
  });

  it("takes thanks that open or close a short remark asking nothing of our subject as thanks (seventeenth blind trial)", () => {
    for (const q of [
      "hm ok. thanks!",
      "ty fam 🙏",
      "thanks, this is useful for my slide deck",
      "thanks, thats basically what our CTO said",
    ])
      expect(which(q), q).toBe("thanks");
    // A remark naming our subject is a question or a correction, even without a question mark
    // (an independent review's).
    for (const q of [
      "thanks, vms vs containers",
      "cost of vms vs containers thanks",
      "thanks, compliance is moderate actually",
      "cool, firecracker it is. thanks!",
      // Complaints are no thanks (a fourth review's).
      "thanks, not helpful",
      "thanks but that doesnt answer my question",
    ])
      expect(which(q), q).not.toBe("thanks");
    // A remark that asks, in words, a wh-word or the imperative, is a question.
    for (const q of [
      "thanks, is that true for VMs",
      "thanks! what about GPUs",
      "thanks. now what about databases",
      "thanks, explain microvms",
      "thanks, and for VMs",
      "thanks but why not containers",
      "thanks, this is useful. what about kubernetes on vms for a bank",
      "cool. does firecracker need kvm? thanks",
    ])
      expect(which(q), q).not.toBe("thanks");
  });

  it("leaves any other message with another word to the matcher", () => {
    for (const q of [
      "thanks, and for VMs?",
      "hi, can we run databases in containers?",
      "ok so what about cost",
    ])
      expect(qa.asker.ask(q).kind, q).not.toBe("smalltalk");
    expect(which("hi, can we run databases in containers?")).toBe("answer");
    // A question of confirmation is no acknowledgement, though "ok" is one.
    expect(which("is that ok?")).not.toBe("acknowledgement");
    expect(which("is that right?")).not.toBe("acknowledgement");
  });

  it("ignores a pattern with no word in it instead of reading forever", () => {
    const patterns = [...responses.acknowledgement.patterns, "👍", ":)"];
    const reader = new SmallTalkReader({
      ...responses,
      acknowledgement: { ...responses.acknowledgement, patterns },
    });
    expect(reader.of(rawWords("ok thanks"))).toBe("thanks");
    expect(reader.of(rawWords("what is a vm"))).toBeUndefined();
  });

  it("answers an acknowledgement with its own reply, not 'you're welcome' nor a decline", () => {
    const a = askJson("lol ok", qa);
    expect(a.answered).toBe(true);
    expect(a.text).toContain(responses.acknowledgement.reply.replaceAll("`", ""));
    expect(a.text).not.toContain(responses.thanks.reply.replaceAll("`", ""));
  });

  it("takes questions about the bot itself as help, and thanks to a 'friend' as thanks (a blind trial's)", () => {
    expect(which("are you chatgpt?")).toBe("help");
    expect(which("how do you decide what to recommend?")).toBe("help");
    // Several at once (trial 10).
    expect(which("who are you and who built you? are you chatgpt?")).toBe("help");
    // Chat spellings (trial 11).
    expect(which("lol ok. are u chatgpt?")).toBe("help");
    // "robot" was read as a typo of "root": the rootless containers answer, as a best guess.
    expect(which("are you a robot?")).toBe("help");
    expect(which("r u real")).toBe("help");
    expect(which("what docs do u use")).toBe("documents");
    // "anyway", "btw" are courtesy words (blind trial 19's was declined as off topic).
    expect(which("what are your sources anyway")).toBe("documents");
    // Trial 12's: not a checklist, not a figure.
    expect(which("ok thanks you very helpful")).toBe("thanks");
    expect(which("you were very helpful")).toBe("acknowledgement");
    // Trial 14's, which was "outside what I know".
    expect(which("thx ur a lifesaver")).toBe("thanks");
    expect(which("thanks, you're a real lifesaver")).toBe("thanks");
    expect(which("what documents do you use exactly?")).toBe("documents");
    expect(which("ok thank you very much friend")).toBe("thanks");
    // Trial 21's, each "outside what I know": slang, a good wish, two questions about the bot in one.
    expect(which("aight ty fam ✌️")).toBe("thanks");
    expect(which("cool, thanks! have a nice weekend")).toBe("thanks");
    expect(which("have a good one")).toBe("acknowledgement");
    expect(which("are you a real person or a bot?")).toBe("help");
    // "or" beside a subject word is still a question.
    expect(which("or containers?")).toBe("answer");
  });

  it("greets a greeting that says who is speaking, but not one that asks or describes the system", () => {
    // A blind trial's were declined as outside what the bot knows.
    for (const q of [
      "hello, I lead the infra team at a regional hospital group",
      "hi! i run the compute for a ML research lab at a university",
      "hi, I am the cto of a small fintech",
    ])
      expect(which(q), q).toBe("greeting");
    for (const q of [
      "hello, we are a small team. is docker worth it for us?",
      "hi, we run 40 microservices on vms and deploy daily",
      "hi, i need a recommendation for our setup",
      "i lead the infra team at a regional hospital group",
      // A question without its mark is still a question.
      "Hello, I work on a web app and I have cors issues. How can I handle it",
      // How they feel or what they are doing, no introduction (an independent review's were greeted).
      "hey, I'm lost",
      "hello, we are having trouble with our printer",
      "hi, we are moving to aws lambda",
      "hello, we are a bit lost",
    ])
      expect(which(q), q).not.toBe("greeting");
    // In a conversation on our subject it is no opening.
    const o = qa.asker.ask("hi, I am the cto of a small fintech", true);
    expect(o.kind === "smalltalk" && o.which).not.toBe("greeting");
  });

  it("answers 'what are your sources?' with the five documents, with courtesy words but not pointing back", () => {
    expect(which("What are your sources?")).toBe("documents");
    expect(which("where does your information come from")).toBe("documents");
    expect(which("thanks, what are your sources?")).toBe("documents");
    expect(which("hi, what are your sources please")).toBe("documents");
    // Asking to read or cite them (a blind trial's were declined as outside what the bot knows).
    expect(which("where can I read the original documents?")).toBe("documents");
    expect(which("can you cite the documents")).toBe("documents");
    expect(which("where does your info come from?")).toBe("documents");
    // About the last answer: left to the matcher (and to the follow-up, after an answer).
    expect(which("what are your sources for that?")).not.toBe("documents");
    expect(which("what are your sources for this answer")).not.toBe("documents");
    const a = askJson("which documents do you use?", qa);
    expect(a.answered).toBe(true);
    expect(a.text).toContain(responses.documents.intro);
    // By the title each gives itself; 001 has none, so by our name for it, saying so.
    for (const d of knowledge.documents)
      expect(a.text).toContain(d.title ?? responses.documents.untitled.replace("{short}", d.short));
    expect(knowledge.documents.filter((d) => !d.title).map((d) => d.doc.slice(0, 3))).toEqual(["001"]);
  });
});
