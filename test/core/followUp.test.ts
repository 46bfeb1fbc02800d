import { resolve as resolvePath } from "node:path";
import { describe, expect, it } from "vitest";
import { FOLLOW_UP, FollowUpContexts, resolve } from "../../src/core/followUp.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import type { Turn } from "../../src/core/turn.ts";
import { readSet } from "../../src/eval/sets.ts";
import { repoRoot } from "../../src/paths.ts";
import { MemoryStore } from "../../src/store/memory.ts";
import { knowledge, turn } from "../helpers/bot.ts";

const qa = buildQuestionAnswering(knowledge);
const fixture = (name: string) => readSet(resolvePath(repoRoot, "test/fixtures", name));
const sets = [fixture("real-questions.jsonl"), fixture("dev-questions.jsonl")].flat();
const contexts = [
  "stateful-workloads-and-databases",
  "boot-time",
  "containers-without-kubernetes",
  "cost-comparison",
  "hypervisor",
];
const followUp = (q: string, entryId: string) => resolve(qa.asker, qa, q, { entryId }).followUp;

describe("when a question follows up (FOLLOW_UP)", () => {
  it.each([
    ["and for VMs?", "continues"],
    // A later trial's "vs vms?" got the definition of a VM.
    ["vs vms?", "continues"],
    ["versus containers?", "continues"],
    // Named no subject word: the model is sure of an entry alone, so it is only offered one.
    ["is that safe?", "no-subject"],
    ["what are the risks?", "no-subject"],
    ["how long does that take?", "no-subject"],
    ["what are the downsides?", "no-subject"],
  ])("takes %j as a follow-up (%s) after any answer", (q, reason) => {
    for (const c of contexts) expect(followUp(q, c)?.reason, `${q} after ${c}`).toBe(reason);
  });

  it.each(["why?", "how so?", "why is that?", "but why"])(
    "takes %j as asking for the reasons an answer gives, or as a follow-up after one that gives none",
    (q) => {
      for (const c of contexts) {
        const withReasons = Boolean(qa.asker.entry(c)?.details);
        expect(followUp(q, c)?.reason, `${q} after ${c}`).toBe(withReasons ? "reasons" : "no-subject");
      }
      expect(contexts.some((c) => qa.asker.entry(c)?.details)).toBe(true);
      expect(contexts.some((c) => !qa.asker.entry(c)?.details)).toBe(true);
    },
  );

  it.each([
    "what is a container?",
    "what about cost?",
    "kubernetes",
    "is it cheaper to run containers",
    // Only general subject words: a subject of its own, never the previous answer again.
    "how do we handle staging?",
    "how do we handle clusters?",
  ])("takes %j as a question of its own", (q) => {
    for (const c of contexts) expect(followUp(q, c), `${q} after ${c}`).toBeUndefined();
  });

  it.each([
    "and what about backups?",
    "but what about monitoring?",
    "and rollbacks?",
    "also, what about windows?",
  ])("never answers %j, which names a topic of its own, with the previous answer again", (q) => {
    const alone = qa.asker.ask(q);
    expect(alone.kind).toBe("answer");
    const topic = alone.kind === "answer" ? alone.entry.id : "";
    for (const c of contexts) {
      const r = resolve(qa.asker, qa, q, { entryId: c });
      const answered = r.outcome.kind === "answer" ? r.outcome.entry.id : r.outcome.kind;
      // The question's own answer, whatever came before (here the topic before adds nothing).
      expect(answered, `${q} after ${c}`).toBe(topic);
    }
    // Its word is rarer across the entries than any side every answer speaks of.
    const rarest = Math.max(...qa.stems(q).map(qa.rarity));
    expect(rarest).toBeGreaterThanOrEqual(FOLLOW_UP.topicRarity);
    for (const side of ["VMs", "containers", "Kubernetes", "production"])
      expect(Math.max(...qa.stems(side).map(qa.rarity)), side).toBeLessThan(FOLLOW_UP.topicRarity);
  });

  it("answers 'what about …' of a topic named without a subject word in the conversation's subject", () => {
    const skills = ["operational-skills", "team-skills-and-learning-curve"];
    for (const c of contexts) {
      const r = resolve(qa.asker, qa, "what about the people side, like skills?", { entryId: c });
      expect(r.followUp?.reason, `after ${c}`).toBe("no-subject");
      expect(r.outcome.kind === "answer" && skills.includes(r.outcome.entry.id), `after ${c}`).toBe(true);
    }
    for (const c of contexts) {
      const r = resolve(qa.asker, qa, "what about the learning curve?", { entryId: c });
      expect(r.outcome.kind === "answer" && r.outcome.entry.id, `after ${c}`).toBe(
        "team-skills-and-learning-curve",
      );
    }
    // A topic word whose stem only is the entry's: "manager" is no managed service (a second review's).
    for (const c of contexts) {
      const r = resolve(qa.asker, qa, "what about my manager?", { entryId: c });
      expect(r.outcome.kind === "answer" && r.outcome.entry.id, `after ${c}`).not.toBe(
        "managed-container-services",
      );
    }
    // Alone it names no subject: declined, not answered.
    expect(qa.asker.ask("what about the people side, like skills?")).toMatchObject({
      kind: "out-of-scope",
      rule: "no-subject-word",
    });
    // Three content words only after "what about": as a plain question it stands on its own.
    for (const c of contexts)
      expect(followUp("the people side, like skills?", c), `after ${c}`).toBeUndefined();
    // "though" closing a short follow-up is no word of its own.
    for (const c of contexts)
      expect(followUp("is that safe for a bank though", c)?.reason, `after ${c}`).toBe("no-subject");
  });

  it("answers a follow-up the model alone was sure of, only offered for naming no subject word, in the conversation's subject when the topic before only brings its answer back ('and cost wise?')", () => {
    const alone = qa.asker.ask("and cost wise?");
    expect(alone.kind === "no-match" && alone.why).toBe("no-subject-word");
    const r = resolve(qa.asker, qa, "and cost wise?", { entryId: "scaling-and-autoscaling" });
    expect(r.outcome.kind === "answer" && r.outcome.entry.id).toBe("cost-comparison");
    expect(r.followUp?.reason).toBe("no-subject");
    // With the topic before, the scaling answer again.
    const combined = qa.asker.ask(
      "How does scaling and autoscaling compare between VMs and containers? and cost wise?",
    );
    expect(combined.kind === "answer" && combined.entry.id).toBe("scaling-and-autoscaling");
  });

  it.each([
    "what about pizza for lunch?",
    "what about my git commit history?",
    "and how about our budget and timeline?",
  ])("keeps declining %j after an answer", (q) => {
    const alone = qa.asker.ask(q);
    expect(alone.kind).toBe("out-of-scope");
    for (const c of contexts)
      expect(resolve(qa.asker, qa, q, { entryId: c }).outcome, `after ${c}`).toEqual(alone);
  });

  it("asks the question before about the one side a follow-up names ('and for VMs?'), when that has its own entry", () => {
    const r = resolve(qa.asker, qa, "and for VMs?", { entryId: "when-to-choose-containers" });
    expect(r.matched).toBe("In which situations are VMs the better choice?");
    expect(r.outcome.kind === "answer" && r.outcome.entry.id).toBe("when-to-choose-vms");
    expect(r.followUp).toMatchObject({ reason: "continues", of: { id: "when-to-choose-containers" } });
    // A question that names that side already is about it too: the start-up answer covers both.
    const both = resolve(qa.asker, qa, "and for VMs?", { entryId: "boot-time" });
    expect(both.matched).toBe("How fast do VMs and containers start? and for VMs?");
    // Without the sides, the topic before wins as it did.
    const without = resolve(qa.asker, { ...qa, sides: undefined }, "and for VMs?", {
      entryId: "when-to-choose-containers",
    });
    expect(without.outcome.kind === "answer" && without.outcome.entry.id).toBe("when-to-choose-containers");
  });

  it("answers a swapped question only with an entry that asks about the side named, after any entry", () => {
    let swapped = 0;
    for (const [q, written] of [
      ["and for VMs?", "VMs"],
      ["and for containers?", "containers"],
      ["and for microVMs?", "microVMs"],
    ] as const) {
      const side = qa.sides.only(q, qa.stems(q))!;
      expect(side.as).toBe(written);
      for (const e of qa.entries) {
        const r = resolve(qa.asker, qa, q, { entryId: e.id });
        if (r.matched === q || r.matched.startsWith(e.question)) continue;
        swapped++;
        const answered = r.outcome.kind === "answer" ? r.outcome.entry : undefined;
        expect(answered && qa.sides.names(answered.question, side), `${q} after ${e.id}: ${r.matched}`).toBe(
          true,
        );
      }
    }
    expect(swapped).toBeGreaterThan(0);
  });

  it("reads typos and words that are parts of names the documents never mention as the words they are", () => {
    // "bakups" is as rare as "backups": a topic of its own, not the answer before again.
    const r = resolve(qa.asker, qa, "and bakups?", { entryId: "stateful-workloads-and-databases" });
    expect(r.outcome.kind === "answer" && r.outcome.entry.id).toBe("backup-and-disaster-recovery");
    // "cloud" is a word of ours, though "cloud-init" is a name the documents never mention.
    expect(qa.knows("cloud")).toBe(true);
    expect(resolve(qa.asker, qa, "what about the cloud?", { entryId: "boot-time" }).followUp).toBeDefined();
  });

  it("reads sides as written and as the matcher reads them (lexicon sides)", () => {
    const vms = qa.sides.only("vms", qa.stems("vms"))!;
    expect(vms.as).toBe("VMs");
    expect(qa.sides.only("virtual machines", qa.stems("virtual machines"))).toBe(vms);
    expect(qa.sides.only("vms cost", qa.stems("vms cost"))).toBeUndefined();
    expect(qa.sides.only("", [])).toBeUndefined();
    const containers = qa.sides.only("docker", qa.stems("docker"))!;
    expect(qa.sides.swap("Can we run databases in Docker containers?", vms)).toBe(
      "Can we run databases in VMs?",
    );
    expect(qa.sides.swap("When should we choose virtual machines?", containers)).toBe(
      "When should we choose containers?",
    );
    expect(qa.sides.swap("What is a hypervisor?", vms)).toBeUndefined();
    // As written: the verb "contain" names no container, though it shares their stem.
    expect(qa.sides.only("and what does it contain?", qa.stems("and what does it contain?"))).toBeUndefined();
    // No stem names two sides ("micro vms" would read as "micro" and a VM).
    const stems = knowledge.lexicon.sides.map((s) => new Set(s.words.flatMap((w) => qa.stems(w))));
    stems.forEach((a, i) => {
      for (const b of stems.slice(i + 1)) expect([...a].filter((x) => b.has(x))).toEqual([]);
    });
  });

  it("keeps declining off-topic questions after an answer: at most 1.5% of them become follow-ups", () => {
    const offTopic = [
      ...new Set([...sets.filter((l) => "oos" in l).map((l) => l.q), ...knowledge.lexicon.offTopic]),
    ].filter((q) => {
      // Declined alone, or only offered an entry for naming no subject word.
      const o = qa.asker.ask(q);
      return o.kind === "out-of-scope" || (o.kind === "no-match" && o.why === "no-subject-word");
    });
    expect(offTopic.length).toBeGreaterThan(100);
    const taken = contexts.flatMap((c) => offTopic.filter((q) => followUp(q, c)));
    // Today: 10 of 925, "how do I get a new monitor" ("monitor" is a subject word) and "who is on
    // call this week" after each of the five answers: over 1% once the phrasings copied from
    // evaluation sets were taken out of knowledge/ (5 of 725 when this test was written).
    expect(taken.length / (offTopic.length * contexts.length)).toBeLessThanOrEqual(0.015);
  });

  it.each(["what's the weather like today?", "seen the new movie yet?"])(
    "never takes %j, with a word the knowledge never uses, as a follow-up",
    (q) => {
      const alone = qa.asker.ask(q);
      expect(alone).toMatchObject({ kind: "out-of-scope", rule: "no-subject-word" });
      for (const c of contexts) {
        const r = resolve(qa.asker, qa, q, { entryId: c });
        expect(r.followUp, `after ${c}`).toBeUndefined();
        expect(r.outcome, `after ${c}`).toEqual(alone);
      }
      expect(qa.stems(q).some((s) => !qa.knows(s))).toBe(true);
    },
  );

  it("never answers a question only offered for naming no subject word by the topic before it", () => {
    const q = "how do i undo my last git commit";
    const alone = qa.asker.ask(q);
    expect(alone.kind === "no-match" && alone.why).toBe("no-subject-word");
    for (const c of contexts) {
      const r = resolve(qa.asker, qa, q, { entryId: c });
      expect(r.followUp, `after ${c}`).toBeUndefined();
      expect(r.outcome, `after ${c}`).toEqual(alone);
      expect(r.matched).toBe(q);
    }
  });

  it("leaves a torn question torn when the topic before settles it on an entry naming none of its own topics", () => {
    // A blind trial's: after "what is a microvm?" it got the microVMs entry.
    const q = "do we need kubernetes for 3 containers lol";
    const alone = qa.asker.ask(q);
    expect(alone.kind).toBe("no-match");
    const r = resolve(qa.asker, qa, q, { entryId: "microvm" });
    expect(r.followUp).toBeUndefined();
    expect(r.outcome).toEqual(alone);
  });

  it("leaves almost every question of the public sets to stand on its own", () => {
    const inScope = sets.filter((l) => !("oos" in l)).map((l) => l.q);
    const taken = contexts.flatMap((c) => inScope.filter((q) => followUp(q, c)));
    // Those that do are follow-ups in their own threads ("And why does it boot faster than a VM?").
    expect(taken.length / (inScope.length * contexts.length)).toBeLessThanOrEqual(0.01);
    expect(FOLLOW_UP.maxWords).toBeGreaterThanOrEqual(FOLLOW_UP.shortQuestion);
  });
});

describe("what was shown last (FollowUpContexts)", () => {
  it("an answer shown after the recommendation was brought forward is the later one, within one millisecond too", async () => {
    // A clock that stands still: every event in one millisecond.
    const contexts = new FollowUpContexts(new MemoryStore(), () => 1_000);
    const t = turn();
    await contexts.rememberRecommendation(t, { isolation: "standard" });
    await contexts.remember(t, { entryId: "boot-time" });
    await contexts.bringForward(t);
    const broughtForward = (await contexts.recallRecommendation(t))!.at;
    expect((await contexts.recall(t))!.at).toBeLessThan(broughtForward);
    // (It was brought forward to now + 1, so an answer in that millisecond counted as before it.)
    await contexts.remember(t, { entryId: "stateful-workloads-and-databases" });
    expect((await contexts.recall(t))!.at).toBeGreaterThan(broughtForward);
  });

  it("keeps what the team told of itself, the last few messages' answers, each 30 minutes, until a recommendation is decided", async () => {
    let now = 1_000;
    const contexts = new FollowUpContexts(new MemoryStore({ now: () => now }), () => now);
    const said = (i: number) => ({ deploys: { value: "frequent", evidence: `told ${i}` } });
    const evidence = async (t: Turn) => (await contexts.recallTold(t)).map((u) => u.deploys?.evidence);
    const t = turn();
    for (let i = 1; i <= FOLLOW_UP.toldKept + 2; i++) await contexts.rememberTold(t, said(i));
    expect(await evidence(t)).toEqual(Array.from({ length: FOLLOW_UP.toldKept }, (_, i) => `told ${i + 3}`));
    // Each message ages on its own, though the list is written again.
    await contexts.forget(t);
    expect(await contexts.recallTold(t)).toEqual([]);
    await contexts.rememberTold(t, said(1));
    now += FOLLOW_UP.ttlMs / 2;
    await contexts.rememberTold(t, said(2));
    now += FOLLOW_UP.ttlMs / 2 + 100;
    expect(await evidence(t)).toEqual(["told 2"]);
    // A recommendation that takes them in forgets them; one that does not (a what-if) keeps them.
    await contexts.rememberRecommendation(t, { deploys: "frequent" });
    expect(await evidence(t)).toEqual(["told 2"]);
    await contexts.forgetTold(t);
    expect(await contexts.recallTold(t)).toEqual([]);
    // Apart per person outside threads; in a thread, everyone's, like its recommendation.
    const alone = turn({ thread: undefined });
    await contexts.rememberTold(alone, said(3));
    expect(await evidence(alone)).toEqual(["told 3"]);
    expect(await contexts.recallTold(turn({ thread: undefined, user: { id: "U2", name: "Bo" } }))).toEqual(
      [],
    );
    const inThread = turn({ thread: "T9" });
    expect(await contexts.recallTold(inThread)).toEqual([]);
    await contexts.rememberTold(inThread, said(4));
    expect(await evidence(turn({ thread: "T9", user: { id: "U2", name: "Bo" } }))).toEqual(["told 4"]);
  });
});
