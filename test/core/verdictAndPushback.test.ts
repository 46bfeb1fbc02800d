import { describe, expect, it } from "vitest";
import { asksForAVerdict } from "../../src/core/followUp.ts";
import type { Reply } from "../../src/core/reply.ts";
import { createStore } from "../../src/store/index.ts";
import { buttons, knowledge, makeBot, press, turn } from "../helpers/bot.ts";

const texts = (r: Reply) => r.parts.flatMap((p) => (p.type === "text" ? [p.text] : []));
const { verdict, verdictChecklist } = knowledge.responses.followUp;

/** The reply to `question` asked right after the answer to `first`. */
async function replyAfter(first: string, question: string) {
  const bot = makeBot(await createStore("memory:"));
  const [answer] = await bot.handle(turn({ text: first }));
  const [r] = await bot.handle(turn({ text: question }));
  return { bot, answer: answer!, r: r! };
}

describe("a request for a verdict on the answer just given", () => {
  // Blind trials 28 and 29's, each declined as not covered before.
  it.each([
    ["how do VM and container isolation differ?", "ok but that's generic. yes or no for the card service?"],
    ["can we run postgres in containers?", "so bottom line: leave it where it is for now?"],
    ["how do we run untrusted code safely?", "do i need that tho? y/n"],
    ["how do we run untrusted code safely?", "thats a lot of new tools. overkill for one box?"],
    ["when do we need an orchestrator like kubernetes?", "worth it for 3 droplets?"],
    ["when do we need an orchestrator like kubernetes?", "bottom line for a 10 person team?"],
    ["how does density compare between VMs and containers?", "so w 1 droplet basically no savings right?"],
    ["can we run databases in containers?", "so probably not for us, right?"],
    // A blind trial's got only the sources; the second read as an empty description.
    ["is running postgres in a container a bad idea", "is that true for us?"],
    ["is running postgres in a container a bad idea", "does that apply to our case?"],
    ["how do we run untrusted code safely?", "what does that mean for a team of 2 admins"],
    // A pick between two options the answer offers (a blind trial's got the microVM definition).
    ["how do we run untrusted code safely?", "so VMs or microVMs?"],
  ])("after %j, %j gets the answer's bottom line and the checklist", async (first, q) => {
    const { bot, answer, r } = await replyAfter(first, q);
    expect(answer.kind).toBe("answer");
    const answered = answer.parts.find((p) => p.type === "subtitle");
    const question = answered?.type === "subtitle" ? answered.text.replace(/^Answering: /, "") : "";
    const of = bot.qa.entries.find((e) => e.question === question)!;
    expect(of, question).toBeDefined();
    expect(r.kind).toBe("answer");
    const said = texts(r);
    expect(said[0]).toBe(verdict);
    // The gist: the answer's first sentence, word for word.
    expect(of.answer.startsWith(said[1]!.replace(/\s+/g, " ").slice(0, 40))).toBe(true);
    expect(said).toContain(verdictChecklist);
    const start = buttons([r]).find((b) => b.action.type === "checklist.start");
    expect(start, q).toBeDefined();
    // The whole answer again, one press away.
    expect(buttons([r]).some((b) => b.action.type === "ask" && b.action.entryId === of.id)).toBe(true);
    // And the checklist starts from it.
    const started = await bot.handle(press(start!.action));
    expect(started.map((s) => s.kind)).toContain("checklist");
  });

  it.each([
    "so is the standup moved to 10:30, right?",
    "do i need a haircut? y/n",
    "so, what code editor do you use?",
    "so with portainer where do i find the logs?",
    // Review 34's chatter after an answer.
    "is kubecon worth it?",
    // Review 36's: a subject of its own named before "for".
    "is nomad worth it for us?",
    "is istio overkill for 10 services?",
    "bottom line for 2025?",
    "lunch at 1? y/n",
    "can you send me the slides? y/n",
    "bottom line: I need this by friday",
    "do they need it by tomorrow?",
    "so the cluster is down, right?",
    "that's overkill imo",
    "is that true?",
    "is that true for containers?",
    "does that apply to vms too?",
    "what does that mean for our database?",
    // Options the answer about Kubernetes does not offer.
    "so microvms or vms?",
  ])("does not take %j, a question of its own, as one", async (q) => {
    const { r } = await replyAfter("what does kubernetes actually do?", q);
    expect(texts(r)).not.toContain(verdict);
  });

  it("needs an answer before it, and leaves a question of our subject to stand on its own", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [alone] = await bot.handle(turn({ text: "so bottom line: leave it where it is for now?" }));
    expect(texts(alone!)).not.toContain(verdict);
    await bot.handle(turn({ text: "what does kubernetes actually do?" }));
    const [own] = await bot.handle(turn({ text: "yes or no: can containers run windows apps?" }));
    expect(own!.kind).toBe("answer");
    expect(texts(own!)).not.toContain(verdict);
  });

  it("leaves a follow-up with an answer of its own to it, and weighs a glossary term by its entry (review 34)", async () => {
    const { bot, r } = await replyAfter(
      "what does kubernetes actually do?",
      "do we really need it for 3 services?",
    );
    expect(texts(r)).not.toContain(verdict);
    expect(bot.qa.asker.ask("what does kubernetes actually do?").kind).toBe("answer");
    const subtitle = r.parts.find((p) => p.type === "subtitle");
    expect(subtitle?.type === "subtitle" && subtitle.text).toBe(
      `Answering: ${bot.qa.asker.entry("orchestration-kubernetes")!.question}`,
    );
    const { r: after } = await replyAfter("what is kubernetes?", "so probably not for us, right?");
    expect(texts(after)[0]).toBe(verdict);
    const gist = bot.qa.asker.entry("orchestration-kubernetes")!.answer;
    expect(gist.replace(/\s+/g, " ").startsWith(texts(after)[1]!.slice(0, 40))).toBe(true);
  });

  it("reads what asks for one, and not a new question opened with 'so'", () => {
    expect(asksForAVerdict("yay or nay?")).toBe("asked");
    expect(asksForAVerdict("is it worth it for us?")).toBe("asked");
    expect(asksForAVerdict("would we even need that?")).toBe("asked");
    expect(asksForAVerdict("ok so leave it where it is for now?")).toBe("confirming");
    expect(asksForAVerdict("cheaper overall, right?")).toBe("confirming");
    expect(asksForAVerdict("and then?")).toBeUndefined();
    expect(asksForAVerdict("so why use a data store?")).toBeUndefined();
    expect(asksForAVerdict("so how do I debug it?")).toBeUndefined();
    expect(asksForAVerdict("so bottom line?")).toBe("asked");
    expect(asksForAVerdict("bottom line: I need this by friday")).toBeUndefined();
    expect(asksForAVerdict("can you send me the slides? y/n")).toBeUndefined();
    expect(asksForAVerdict("so we keep it on VMs.")).toBeUndefined();
  });
});

describe("'that's wrong' under an answer", () => {
  it.each([
    // A blind trial's, and others in its words: each was declined as outside what the bot knows.
    "thats wrong, ASGs scale in like 60s with warm pools",
    "that's not true",
    "i disagree",
    "you're wrong about that",
    "that's outdated tbh",
    "thats wrong because warm pools exist",
    "i disagree with that",
    // A third review's, declined once a pause was required right after the words.
    "thats not true at all",
    "youre wrong there",
    "thats wrong in our experience",
  ])("%j gets that the bot only reports the documents, and where that answer comes from", async (q) => {
    const { answer, r } = await replyAfter("how does autoscaling compare between vms and containers?", q);
    expect(r.kind).toBe("answer");
    expect(r.parts[0]).toMatchObject({ type: "context" });
    expect(texts(r)).toEqual([knowledge.responses.followUp.contested]);
    expect(r.parts.filter((p) => p.type === "sources")).toEqual(
      answer.parts.filter((p) => p.type === "sources"),
    );
    // "Not what I asked" is one press away, in case the answer missed the question instead.
    expect(buttons([r]).map((b) => b.action.type)).toContain("not-this");
  });

  it.each([
    "its not true that containers are always more secure, right?",
    "what's wrong with vms?",
    "is that wrong?",
    // A review's: statements that go on without a pause dispute nothing the bot said.
    "its wrong to run docker as root",
    "its outdated software from 2005 and only runs on windows server 2008",
    "i disagree with my boss, he wants k8s",
    "its not true isolation then",
  ])("leaves %j, which asks a question or disputes nothing said", async (q) => {
    const { r } = await replyAfter("how does autoscaling compare between vms and containers?", q);
    expect(texts(r)).not.toContain(knowledge.responses.followUp.contested);
  });

  it("quotes where the documents disagree, when the answer says they do (a blind trial's got the sections alone)", async () => {
    const { r } = await replyAfter(
      "can we run databases in containers?",
      "thats wrong, postgres on k8s is totally fine in prod",
    );
    const said = texts(r);
    expect(said[0]).toBe(knowledge.responses.followUp.contestedDisagree);
    expect(said[1]).toMatch(/disagree/i);
    expect(said[1]).toContain("(000)");
    expect(said[1]).toContain("(004)");
    expect(said[2]).toBe(knowledge.responses.followUp.contested);
  });

  it("needs an answer before it", async () => {
    const bot = makeBot(await createStore("memory:"));
    const [r] = await bot.handle(turn({ text: "thats wrong" }));
    expect(texts(r!)).not.toContain(knowledge.responses.followUp.contested);
  });
});

describe("a typed 'that's not what I asked' under an answer", () => {
  const { prompt } = knowledge.responses.correction;

  it.each([
    "that's not what i asked",
    "thats vm to containers, opposite of what i asked",
    "wrong answer lol",
    "hm, that doesn't answer my question",
    "you literally just pasted the same thing again",
    "thats not what I'm asking",
    "nope, different question",
    // Frustration beside it asks nothing of our subject (review 35's).
    "thats not what i asked lol, is this thing even working",
    "wrong answer. how is this even related",
    "that's not what I need",
    // (A blind trial's was declined.)
    "you already said that",
  ])("%j gets the question's next matches, like the button, in a new message", async (q) => {
    const { bot, answer, r } = await replyAfter("how do we migrate from vms to containers?", q);
    const pressed = buttons([answer]).find((b) => b.action.type === "not-this")!;
    expect(r.kind).toBe("decline");
    expect(r.placement).toBe("here");
    expect(texts(r)[0]).toBe(prompt);
    // The same entries the button offers.
    const [viaButton] = await bot.handle(press(pressed.action));
    const offered = (x: Reply) =>
      buttons([x]).flatMap((b) => (b.action.type === "ask" ? [b.action.entryId] : []));
    expect(offered(r)).toEqual(offered(viaButton!));
    expect(offered(r).length).toBeGreaterThan(0);
    expect(offered(r)).not.toContain("migration-path");
  });

  it("after a pick from those, re-ranks the same question without either answer", async () => {
    const { bot, r } = await replyAfter("how do we migrate from vms to containers?", "not what i asked");
    const pick = buttons([r]).find((b) => b.action.type === "ask")!;
    await bot.handle(press(pick.action));
    const [again] = await bot.handle(turn({ text: "wrong one again" }));
    expect(texts(again!)[0]).toBe(prompt);
    const ids = buttons([again!]).flatMap((b) => (b.action.type === "ask" ? [b.action.entryId] : []));
    expect(ids).not.toContain("migration-path");
    expect(ids).not.toContain(pick.action.type === "ask" ? pick.action.entryId : "");
  });

  it.each([
    ["sorry wrong question. how do containers handle networking", "networking"],
    ["i think you misread the question, i meant databases specifically", "stateful-workloads-and-databases"],
    ["our last migration wasnt what we wanted. how do we avoid a big bang cutover", "rollout-strategies"],
    ["that's not right, containers are more secure than vms", "myth-containers-more-secure"],
  ])("asks %j as what it says (review 34)", async (q, id) => {
    const { bot, r } = await replyAfter("how do we migrate from vms to containers?", q);
    expect(texts(r)).not.toContain(prompt);
    const subtitle = r.parts.find((p) => p.type === "subtitle");
    expect(subtitle?.type === "subtitle" && subtitle.text).toBe(
      `Answering: ${bot.qa.asker.entry(id)!.question}`,
    );
  });

  it("takes agreement for none", async () => {
    const { r } = await replyAfter(
      "how do we migrate from vms to containers?",
      "yeah its not what we need right now, we're 3 people",
    );
    expect(texts(r)).not.toContain(prompt);
  });

  it("answers a question said with it, and needs an answer before it", async () => {
    const { r } = await replyAfter(
      "what are the downsides of containers?",
      "No, sorry, I asked about the VMs, not containers. What makes VMs hard to run?",
    );
    expect(r.kind).toBe("answer");
    expect(texts(r)).not.toContain(prompt);
    const bot = makeBot(await createStore("memory:"));
    const [alone] = await bot.handle(turn({ text: "that's not what i asked" }));
    expect(texts(alone!)).not.toContain(prompt);
  });
});

describe("blind trial 30's follow-ups", () => {
  const { sources, simpler } = knowledge.responses.followUp;

  it.each([
    ["is re-architecting an app for containers worth it?", "which doc says the rearchitecting part?"],
    ["what are microvms?", "which doc is the one pushing microvms"],
    // Review 36's: a verb of disagreeing or arguing, and a side every answer names.
    ["should gpu workloads run in vms or containers?", "which doc disagrees?"],
    ["should gpu workloads run in vms or containers?", "which doc argues for containers?"],
  ])("after %j, %j gets that answer's sources", async (first, q) => {
    const { r } = await replyAfter(first, q);
    expect(texts(r)[0]).toBe(sources);
    expect(r.parts.some((p) => p.type === "sources")).toBe(true);
  });

  it("gives the answer in short for 'simpler please' with who the asker is not", async () => {
    const { r } = await replyAfter(
      "how do containers get hardened?",
      "simpler please, im not a security guy",
    );
    expect(texts(r)[0]).toBe(simpler);
    const { r: familiar } = await replyAfter(
      "what is kubernetes",
      "simpler please, im not familiar with kubernetes",
    );
    expect(texts(familiar)[0]).toBe(simpler);
    // Not what the asker is unsure of, which is a question (review 35's).
    const { bot, r: asked } = await replyAfter(
      "what is a pod",
      "simpler please, im not sure what namespaces are",
    );
    const subtitle = asked.parts.find((p) => p.type === "subtitle");
    expect(subtitle?.type === "subtitle" && subtitle.text).toBe(
      `Answering: ${bot.qa.asker.entry("namespace")!.question}`,
    );
  });

  it("leaves 'which doc …' questions of another topic or of the documents themselves to be asked", async () => {
    for (const q of ["which docs mention cost?", "which document is the most recent?"]) {
      const { r } = await replyAfter("what are microvms?", q);
      expect(texts(r)[0], q).not.toBe(sources);
    }
  });

  it("gives the bottom line for a check of the answer in the asker's own terms, not the answer again", async () => {
    const { r } = await replyAfter(
      "can we run databases in containers?",
      "so basically the scraper and the node api first, wordpress+mysql last?",
    );
    expect(texts(r)[0]).toBe(verdict);
  });
});
