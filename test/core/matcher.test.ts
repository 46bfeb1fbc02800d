import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { askJson } from "../../src/adapters/cli/ask.ts";
import { answerablesOf } from "../../src/core/answerable.ts";
import type { AskOutcome } from "../../src/core/ask.ts";
import { fill } from "../../src/core/fill.ts";
import { type DecisionInput, decide } from "../../src/core/matcher/decide.ts";
import { Matcher } from "../../src/core/matcher/matcher.ts";
import { defaultMatcherParams } from "../../src/core/matcher/params.ts";
import { rawWords, TextPipeline } from "../../src/core/matcher/text.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import { literal } from "../../src/core/render/inline.ts";
import { crossValidate } from "../../src/eval/crossValidation.ts";
import { judgedAnswer, miniSearchBaseline } from "../../src/eval/questionSet.ts";
import { readSet, scoreSet } from "../../src/eval/sets.ts";
import { loadKnowledge } from "../../src/knowledge/load.ts";
import { knowledgeDir, repoRoot } from "../../src/paths.ts";
import { createStore } from "../../src/store/index.ts";
import { makeBot, turn } from "../helpers/bot.ts";
import { evalDir } from "../helpers/paths.ts";

const knowledge = loadKnowledge(knowledgeDir);
const qa = buildQuestionAnswering(knowledge);
const ask = (q: string) => qa.asker.ask(q);
/** Read as naming no subject word: declined, or (the model sure enough) only offered with a "not ours?" note. */
const notOurs = (o: AskOutcome) =>
  (o.kind === "out-of-scope" && o.rule === "no-subject-word") ||
  (o.kind === "no-match" && o.why === "no-subject-word");
const answerId = (q: string) => {
  const o = ask(q);
  return o.kind === "answer" ? o.entry.id : o.kind;
};
const rate = (p: { pass: number; all: number }) => p.pass / Math.max(1, p.all);
const ours = (q: string) => judgedAnswer(q, qa);
const baseline = miniSearchBaseline(knowledge);

// Floors on rates measured with `npm run eval` (see the README); they guard against regressions
// and are set a little under today's figures, never above what the matcher reaches.
describe("matcher quality on data it was not trained on", () => {
  it("cross-validation over the knowledge's own phrasings: ahead of MiniSearch at top-1, top-1 >= 63%, top-3 >= 80%", () => {
    const cv = crossValidate(answerablesOf(knowledge), knowledge.lexicon);
    expect(cv.vmvc.all).toBeGreaterThan(1000);
    expect(cv.vmvc.top1).toBeGreaterThan(cv.minisearch.top1);
    // Today 64.2% / 81.4% (61.2% / 78.8% before the exact-word tilt, params.lexical).
    expect(cv.vmvc.top1 / cv.vmvc.all).toBeGreaterThanOrEqual(0.63);
    expect(cv.vmvc.top3 / cv.vmvc.all).toBeGreaterThanOrEqual(0.8);
    // Five trainings and two indexes: a few seconds alone, far more beside browser tests on 2 cores.
  }, 180_000);

  it("the public question set: >= 95% answered right and >= 95% of off-topic questions declined", () => {
    const s = scoreSet(readSet(resolve(evalDir, "questions.jsonl")), ours);
    expect(rate(s.inScope)).toBeGreaterThanOrEqual(0.95);
    expect(rate(s.outOfScope)).toBeGreaterThanOrEqual(0.95);
  });

  it("real questions people asked in public: >= 82% right and ahead of MiniSearch, >= 85% of off-topic ones declined", () => {
    const lines = readSet(resolve(repoRoot, "test/fixtures/real-questions.jsonl"));
    expect(lines.filter((l) => "all" in l).length).toBeGreaterThanOrEqual(150);
    // At least 30 off-topic questions, not counting those near our subject (issue 11).
    expect(lines.filter((l) => "oos" in l && l.near !== true).length).toBeGreaterThanOrEqual(30);
    const s = scoreSet(lines, ours);
    const b = scoreSet(lines, baseline);
    // Today 137/162 (84.6%) against MiniSearch's 125/162, both judged on the same rendered answer;
    // 134-137 over five training seeds (npm run eval -- --seeds 5, 2026-12-02); 135-139 on
    // 2026-12-01 in the training order keyed by text, 135-138 in the order before it; 136-141
    // before questions with no subject word were only offered an entry. The floor sits one answer below that spread (it was 83%,
    // 84% until spelling corrections were kept to one edit).
    expect(rate(s.inScope)).toBeGreaterThanOrEqual(0.82);
    expect(s.inScope.pass).toBeGreaterThan(b.inScope.pass);
    // With what a best guess or "did you mean" offers, a right entry is one press away for 148/162
    // (MiniSearch's top 3 hold one for 151/162): most misses are unsure answers that say so.
    expect(rate(s.onePress)).toBeGreaterThanOrEqual(0.9);
    // Off-topic declined 40/43: 28/28 of the first ones, 12/15 of the 15 added later (10/15 when
    // scored once blind). The issue asks for 95%; this floor only keeps today's rate.
    expect(rate(s.outOfScope)).toBeGreaterThanOrEqual(0.85);
    expect(b.outOfScope.pass).toBe(0); // MiniSearch never declines: the reason for a matcher of our own
  });

  it("real questions held out from development: >= 80% right and ahead of MiniSearch", () => {
    // Collected after the matcher was built; only its totals are ever read (npm run eval).
    const lines = readSet(resolve(repoRoot, "test/fixtures/real-questions-holdout.jsonl"));
    const s = scoreSet(lines, ours);
    const b = scoreSet(lines, baseline);
    // Today 50/58 against MiniSearch's 40/58; off-topic declined 13/15. Over five training seeds it
    // reads 48 to 50 (npm run eval -- --seeds 5), in the training order keyed by text (2026-12-01)
    // as in the one before it: the floor sits one answer below that spread (it was 85%, the best
    // seed's 50/58).
    expect(rate(s.inScope)).toBeGreaterThanOrEqual(0.8);
    expect(s.inScope.pass).toBeGreaterThan(b.inScope.pass);
    expect(rate(s.outOfScope)).toBeGreaterThanOrEqual(0.75);
  });

  it("the fifth real set, held out (mostly off-topic questions sharing general words with ours): declined", () => {
    // Collected after the general-words tier; only its totals are ever read (npm run eval).
    const lines = readSet(resolve(repoRoot, "test/fixtures/real-questions-holdout5.jsonl"));
    const s = scoreSet(lines, ours);
    const b = scoreSet(lines, baseline);
    // Today 13/19 against MiniSearch's 11/19 (14/19 before the exact-word tilt); off-topic declined
    // 31/40 (30/40 before spelling corrections were kept to one edit, 21/40 without the
    // general-words tier).
    expect(rate(s.inScope)).toBeGreaterThanOrEqual(0.65);
    expect(s.inScope.pass).toBeGreaterThan(b.inScope.pass);
    expect(rate(s.outOfScope)).toBeGreaterThanOrEqual(0.75);
  });

  it("the seventh real set, held out (all in scope, from pages no earlier set used): ahead of MiniSearch", () => {
    // Collected a session later; only its totals are ever read (npm run eval).
    const lines = readSet(resolve(repoRoot, "test/fixtures/real-questions-holdout7.jsonl"));
    const s = scoreSet(lines, ours);
    const b = scoreSet(lines, baseline);
    // Today 35/49 against MiniSearch's 24/49 (31/49 before the exact-word tilt).
    expect(rate(s.inScope)).toBeGreaterThanOrEqual(0.65);
    expect(s.inScope.pass).toBeGreaterThan(b.inScope.pass);
  });

  it("the second to fourth and sixth real sets (collected blind, then read): floors, and ahead of MiniSearch on two", () => {
    // Today 34/52 against MiniSearch's 36/52 (off-topic 21/21), 45/64 against 48/64 (18/21), 40/46
    // against 35/46 (34/38) and 12/14 against 9/14 (18/27), both judged on the same rendered answer
    // (32/38 and 17/27 before spelling corrections were kept to one edit).
    // The matcher led on the second and third by one or two, and declined 20/27 of the sixth's
    // off-topic questions, until phrasings copied from evaluation sets were taken out of
    // knowledge/ (over five training seeds it now reads 34-35, 45-48 and 18-21). Before the
    // exact-word tilt: 36, 49, 35, 10.
    for (const [file, floor, offTopicFloor, ahead] of [
      ["real-questions-2.jsonl", 0.65, 0.95, false],
      ["real-questions-3.jsonl", 0.7, 0.8, false],
      ["real-questions-4.jsonl", 0.75, 0.8, true],
      // Scored once blind at 10/14 (MiniSearch 11/14 judged on the same rendered answer), off-topic
      // 19/27 (20/27 since lexicon otherSenses). 12/14 until 2026-12-02, when one answer was lost
      // at every seed: "… Let's say, I just delete it …" had been answered through "say", from an
      // alternate "why do people say a container should only do one thing", taken out because it
      // drew "why do people say containers are lighter than vms" (a blind trial's) to that entry.
      ["real-questions-6.jsonl", 0.75, 0.6, true],
    ] as const) {
      const lines = readSet(resolve(repoRoot, "test/fixtures", file));
      const s = scoreSet(lines, ours);
      const b = scoreSet(lines, baseline);
      expect(rate(s.inScope), file).toBeGreaterThanOrEqual(floor);
      if (ahead) expect(s.inScope.pass, file).toBeGreaterThan(b.inScope.pass);
      expect(rate(s.outOfScope), file).toBeGreaterThanOrEqual(offTopicFloor);
    }
  });

  it("the eighth real set, held out (collected after the exact-word tilt was built, scored once): ahead of MiniSearch", () => {
    // Only its totals are ever read (npm run eval). First scored at 31/45 against MiniSearch's 28/45,
    // and 27/45 without the tilt (02da2ba); 30/45 once the tilt was kept from overturning an entry
    // the model gives even odds (params.lexical.below); 30/45 against 26/45 today. Off-topic
    // declined 11/20 with or without it (13/20 since spelling corrections are one edit), near-domain 0/11.
    const lines = readSet(resolve(repoRoot, "test/fixtures/real-questions-holdout8.jsonl"));
    const s = scoreSet(lines, ours);
    const b = scoreSet(lines, baseline);
    expect(s.inScope.all).toBeGreaterThanOrEqual(40);
    expect(rate(s.inScope)).toBeGreaterThanOrEqual(0.65);
    expect(s.inScope.pass).toBeGreaterThan(b.inScope.pass);
    expect(rate(s.outOfScope)).toBeGreaterThanOrEqual(0.5);
  });

  it("the ninth real set, held out (mostly off-topic questions sharing a subject word): declined", () => {
    // Only its totals are ever read (npm run eval). Scored once: off-topic declined 10/15, the same
    // with and without the exact-word tilt (02da2ba); in scope 1/3, as MiniSearch (2/3 today).
    const s = scoreSet(readSet(resolve(repoRoot, "test/fixtures/real-questions-holdout9.jsonl")), ours);
    expect(s.outOfScope.all).toBeGreaterThanOrEqual(15);
    expect(rate(s.outOfScope)).toBeGreaterThanOrEqual(0.6);
  });

  it("our chat-style set: >= 90% get the right entry, off-topic ones are declined", () => {
    const s = scoreSet(readSet(resolve(repoRoot, "test/fixtures/dev-questions.jsonl")), ours);
    expect(rate(s.inScope)).toBeGreaterThanOrEqual(0.9);
    expect(rate(s.outOfScope)).toBeGreaterThanOrEqual(0.9);
  });
});

describe("matching", () => {
  it("handles typos, abbreviations, plurals, word forms and word order through character n-grams and stems", () => {
    expect(answerId("what is a hypervsior")).toMatch(/^hypervisor(-role)?$/);
    expect(answerId("what is a hypervisor")).toMatch(/^hypervisor(-role)?$/);
    expect(answerId("can we run postgres in k8s")).toBe("stateful-workloads-and-databases");
    expect(answerId("containerizing databases")).toBe(answerId("containerize database"));
    expect(answerId("vms boot time versus containers")).toBe(answerId("containers versus vms boot time"));
    expect(answerId("how fast do contianers start compared to vms")).toBe("boot-time");
  });

  it("reads past sentences that only acknowledge before a question ('fine. how many …': a blind trial's 'fine' pulled another entry)", () => {
    expect(answerId("fine. how many containers can I fit on one host?")).toBe(
      "resource-overhead-and-density",
    );
    expect(answerId("ok whatever. how many containers can I fit on one host?")).toBe(
      answerId("how many containers can I fit on one host?"),
    );
    // Alone, or before too little to ask anything, they are what they were.
    expect(ask("fine.").kind).toBe(ask("fine").kind);
    expect(answerId("thanks. what is a hypervisor?")).toMatch(/^hypervisor(-role)?$/);
  });

  it("skips chat fillers ('hmm', 'tho', 'pls'): a short question of topic words stays one", () => {
    expect(answerId("hmm, monitoring tho")).toBe(answerId("monitoring"));
    expect(answerId("hmm, monitoring tho")).not.toBe("out-of-scope");
    // "honestly", "literally": a request for the recommendation stays one (blind trial 19's was
    // declined, its unknown filler words diluting it).
    expect(ask("Honestly, can you just tell me what to recommend to my boss?")).toMatchObject({
      kind: "intent",
      intent: "recommend",
    });
  });

  it("reads two subject words typed as one as two, and a subject word as known even where no phrasing uses it", () => {
    expect(answerId("what is dockercompose")).toBe("docker-compose");
    expect(answerId("what is katacontainer")).toBe(answerId("what is kata container"));
    // The Kata Containers term or the microVM entry (which covers Kata and gVisor): either answers it.
    expect(["kata-containers", "microvms"]).toContain(
      answerId("if we have gvisor, do we still need katacontainer?"),
    );
    // Nor is such a word read as a typo of a near one: "helm" was "help", the checklist intent.
    expect(ask("helm").kind).toBe("out-of-scope");
  });

  it("reads a general term misspelt only as a letter added, dropped, swapped or changed for a keyboard neighbour: its other neighbours are everyday words", () => {
    // "pitch" is one letter from "patch", "spicy" from "spiky", "audio" from "audit" (blind trial
    // 20: "thx, gonna pitch this to the team" got the patching answer).
    for (const q of ["gonna pitch this to the team", "spicy food recipes", "what audio format is best"]) {
      expect(ask(q).kind, q).not.toBe("answer");
    }
    expect(answerId("how do we handle pacthing")).toBe("patching-and-updates");
    expect(answerId("what is the best backuo strategy?")).toBe("backup-and-disaster-recovery");
    // A domain term is still read through any one typo.
    expect(answerId("what is a hypervisr")).toMatch(/^hypervisor(-role)?$/);
  });

  it("reads a misspelt word the lexicon rewrites ('rollbak', 'virtualizaton'), which no stem of the knowledge is, as that word (a blind trial's was declined)", () => {
    expect(answerId("rollbak how")).toBe("rollback");
    expect(answerId("rollbak how")).toBe(answerId("rollback how"));
    expect(answerId("what is virtualizaton")).toBe(answerId("what is virtualization"));
    // Only as the speller reads general terms: a letter more or less, swapped or a keyboard neighbour.
    expect(ask("rollbuck how").kind).not.toBe("answer");
    // Nor a word the key begins or ends with: "graphic" is no "graphics" (the GPU), a second review's.
    expect(answerId("can we run graphic design software in containers")).not.toBe("gpu-and-special-hardware");
  });

  it("asks 'what are they?' after sentences naming a subject as what that subject is (a blind trial's founder got when containers win)", () => {
    const founder =
      "hi, I'm a founder, not technical. my CTO keeps saying we should use containers. what are they in plain english?";
    expect(answerId(founder)).toBe(answerId("what are containers?"));
    expect(answerId("k8s keeps coming up in meetings. what's that?")).toBe(answerId("what is kubernetes?"));
    expect(answerId("kata containers came up in a meeting. so what are they?")).toBe("kata-containers");
    // Only for what something is: not "what are they used for?".
    expect(qa.asker.ask("we run containers. what are they used for?")).not.toMatchObject({
      focus: "what are containers used for?",
    });
    // Only one name, opening or ending the sentence just before (a second review's): "that" is the
    // error here, and two names are no one thing.
    for (const [text, rewritten] of [
      ["we got an error starting the vm: exit code 137. what is that?", "what is vm?"],
      ["we run kubernetes. our bill doubled. what is that?", "what is kubernetes?"],
      ["we thought about vms and containers. what are those?", "what are containers?"],
      ["we use docker compose for local dev. what's that?", "what's docker compose?"],
    ])
      expect(qa.asker.ask(text!), text).not.toMatchObject({ focus: rewritten });
    // (As the rewrite reads it where it applies.)
    expect(qa.asker.ask("kata containers came up in a meeting. so what are they?")).toMatchObject({
      focus: "so what are kata containers?",
    });
  });

  it("never reads a name the documents do not mention (lexicon notInDocuments) as a typo of one of ours", () => {
    // "kustomize" stems to "kustom", one edit from "custom", a word our answers use.
    const x = qa.asker.explain("kustomize overlays for staging");
    expect(x.features.map((f) => f.feature)).not.toContain("w:custom");
    // It stays a word the knowledge does not know: one of the three content words.
    expect(x.result.known).toBeCloseTo(2 / 3, 2);
  });

  it("people joining a team are not by themselves our subject: onboarding questions need our words", () => {
    // Never answered outright: declined, or offered as a question with no subject word.
    const pto = ask("how many days of PTO do new hires get");
    expect(pto.kind === "out-of-scope" || (pto.kind === "no-match" && pto.why === "no-subject-word")).toBe(
      true,
    );
    expect(answerId("new hires wait days for a working dev environment, would docker help")).toBe(
      "onboarding-new-developers",
    );
  });

  it("reads a text it read before the same, whatever its caller did with the words it got", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const first = rawWords(text);
        const kept = [...first];
        first.push("changed");
        first.reverse();
        expect(rawWords(text)).toEqual(kept);
      }),
    );
  });

  it("reads chat's 'w/o' and 'w/' as 'without' and 'with'", () => {
    expect(rawWords("containers w/o kubernetes, postgres w/ replicas")).toEqual([
      "containers",
      "without",
      "kubernetes",
      "postgres",
      "with",
      "replicas",
    ]);
    expect(rawWords("tcp/ip w/o")).toEqual(["tcp/ip", "without"]);
  });

  it("reads 'c++' and 'c#' as words of their own, not as the letter of 'pattern c'", () => {
    expect(rawWords("C++20 services")).toEqual(["cpp20", "services"]);
    expect(rawWords("Why C++, C# or F#? notepad++ and pattern C")).toEqual([
      "why",
      "cpp",
      "csharp",
      "or",
      "fsharp",
      "notepadpp",
      "and",
      "pattern",
      "c",
    ]);
    expect(ask("explain virtual inheritance in c++").kind).toBe("out-of-scope");
  });

  it("keeps the verb 'contain' apart from 'container', which Porter stems alike", () => {
    const text = new TextPipeline(knowledge.lexicon);
    const container = text.stems("container")[0]!;
    for (const verb of ["contain", "contains", "contained", "containing"])
      expect(text.stems(verb)).not.toContain(container);
    // The nouns and the -ize family still share the subject word's stem.
    for (const noun of ["containers", "containerized", "dockerized"])
      expect(text.stems(noun)).toContain(container);
    expect(ask("and what does it contain?")).not.toMatchObject({
      kind: "answer",
      entry: { id: "what-is-a-container" },
    });
  });

  it("reads the documents' names of the hybrid patterns, which our sources lines show, as what they name", () => {
    // Practical differences in 2026 (004): Pattern A is Kubernetes on VMs, B microVM runtimes,
    // C the mixed workload platform. Before the lexicon named them, A got the mixed platform's
    // answer, B was declined and C only offered.
    expect(answerId("what is pattern a")).toBe("kubernetes-on-vms");
    expect(answerId("Pattern A?")).toBe("kubernetes-on-vms");
    expect(answerId("tell me about pattern B")).toMatch(/^microvms?$/);
    expect(answerId("what's pattern c")).toBe("mixed-workload-platform");
    // "a" is an article before a content word: "this pattern a good fit" names no pattern.
    const text = new TextPipeline(knowledge.lexicon);
    expect(text.canonicalWords("pattern a or pattern b")).toEqual(
      text.canonicalWords("kubernetes vm or microvm"),
    );
    expect(text.canonicalWords("is the sidecar pattern a good fit")).toEqual([
      "is",
      "the",
      "sidecar",
      "pattern",
      "a",
      "good",
      "fit",
    ]);
    // Where nothing makes "pattern" a common noun, the letter names a pattern even before a
    // content word: a bare "pattern a" at the start, or after a verb or preposition.
    expect(text.canonicalWords("pattern a drawbacks")).toEqual(
      text.canonicalWords("kubernetes vm drawbacks"),
    );
    expect(text.canonicalWords("is pattern A right for us")).toEqual(
      text.canonicalWords("is kubernetes vm right for us"),
    );
    for (const common of ["is this pattern a good fit", "which pattern a startup should use"])
      expect(text.canonicalWords(common).join(" ")).toMatch(/(this|which) pattern a /);
    expect(text.canonicalWords("should we adopt pattern a now?")).toEqual(
      text.canonicalWords("should we adopt kubernetes vm now?"),
    );
  });

  it("reads a startup sized or kinded as a young company, not start-up time (lexicon synonyms)", () => {
    // A blind trial's got the boot time answer.
    for (const q of [
      "kubernetes vs vms for a 15 person startup?",
      "containers or vms for a small startup?",
      "what should a fintech startup run on?",
    ])
      expect(answerId(q), q).not.toBe("boot-time");
    expect(answerId("how fast is container startup?")).toBe("boot-time");
  });

  it("reads a subject word in a pair of its other sense as someone else's (lexicon otherSenses)", () => {
    for (const q of [
      "my jupyter kernel restarts when i load the dataset",
      "how many hidden layers should a neural network have",
      "virtual destructor or not in this base class?",
      "rails schema migration fails on a new column",
      // A blind trial's was told it "sounds like our subject".
      "css: how do I vertically center a div inside a flex container",
      // (Words of our own, not a question of any set.)
      "why does my navbar overflow the .container class on mobile?",
      "should the container class wrap the whole page or only the main column?",
      // A second blind trial's "container div" was, too.
      "how do I center the text in a container div",
      "are css container queries supported in every browser yet?",
      // A blind trial's git questions got the rollback answer.
      "git revert a commit on main",
      "how do I revert commit abc123 that is already pushed",
    ])
      expect(notOurs(ask(q)), q).toBe(true);
    // A question with general subject words beside such a pair stays ours: "sql transaction
    // rollback when an insert fails" is still answered (tried and reverted: declining these also
    // declined in-scope questions such as "schema migration during a blue green deployment: how
    // do we roll back?", an independent review's).
    expect(answerId("should we git revert a bad deployment or rollback to the previous image?")).toBe(
      "rollback",
    );
    // A word of the domain beside them keeps the question ours.
    expect(
      answerId("does the transaction rollback work the same when postgres runs in a container?"),
    ).not.toBe("out-of-scope");
    // Beside any other word the subject word is ours again.
    expect(answerId("how do we revert a bad release with containers")).toBe("rollback");
    expect(answerId("what is the kernel")).toMatch(/kernel/);
    expect(answerId("where does data go when a container dies")).not.toBe("out-of-scope");
    // One sense per discourse: once a question uses the word in another sense, the same word
    // elsewhere in it has that sense too, also in another of its sentences when they are matched
    // on their own (a long message; ask.ts bestPart)...
    const svm =
      "switching the kernel of my classifier from linear to rbf changed the accuracy. is the rbf kernel overfitting?";
    expect(notOurs(ask(svm))).toBe(true);
    const long =
      "My svm does well with a linear kernel on the small churn dataset we collected last spring from the support tickets of our biggest customers, and the precision and recall figures look fine to me and to the rest of the analytics group that reviews them every week. Why does changing the kernel lower the accuracy?";
    expect(answerId("Why does changing the kernel lower the accuracy?")).toMatch(/kernel/);
    expect(notOurs(ask(long))).toBe(true);
    // "Sorry" opening a message or asking pardon turns to nothing else (an independent review's).
    expect(
      notOurs(
        ask(
          "Sorry for the basic question. We use an rbf kernel in our svm. Why does the kernel matter so much?",
        ),
      ),
    ).toBe(true);
    // Not past a word that turns to something else (an independent review's).
    expect(
      notOurs(ask("I only know the rbf kernel from ML, sorry: what happens if the kernel crashes?")),
    ).toBe(false);
    // ... except where it makes one of the knowledge's own phrases with a word beside it.
    expect(qa.asker.explain("virtual functions inside a virtual machine").result.onTopic).toBe(true);
    expect(ask("my jupyter kernel keeps dying, is the host kernel too old?").kind).toBe("answer");
    // Only the word as written, and only that word: "migrate" is no "migration", and EC2 still
    // names a virtual machine beside a "virtual agent".
    for (const q of [
      "how do we migrate our django app to aws",
      "should our virtual agent run on ec2?",
      "what's the best patch method for our fleet?",
      // Two words as written and in order: no stopword skipped, no hyphen part taken alone.
      "cold start: functions vs virtual machines",
      "should we run the monitoring agent on each virtual machine?",
      "which cloud has first-class container support?",
      "planning a django migration off heroku: what should we check?",
    ])
      expect(ask(q).kind, q).not.toBe("out-of-scope");
    // Compared by stem, so plurals count; and what is left is no short question ("virtual env").
    for (const q of [
      "neural-network training loss is flat",
      "jupyter kernels keep dying",
      "what are ioc containers?",
      "virtual env",
      "blur kernel",
    ])
      expect(notOurs(ask(q)), q).toBe(true);
    // Only the word of the pair is left out: "cri-o" stays whole. The subject word is compared
    // as written: "virtualization" shares a stem with "virtual" but is ours.
    for (const q of [
      "run a jupyter kernel on cri-o",
      "which virtualization method is the cheapest to run?",
      "how should we bootstrap containers for local dev?",
    ])
      expect(ask(q).kind, q).not.toBe("out-of-scope");
    // Pairs are found within a sentence, also in code ("svm.SVC(kernel='rbf')", "Jupyter: kernel").
    for (const q of [
      "why is svm.SVC(kernel='rbf') so slow on large data?",
      "Jupyter: kernel keeps dying when I load a big dataframe",
      "how do I squash django migrations?",
      "monkey patching a module in pytest",
      "best social networking app for developers",
      // Pictures and crashes, not container images or the shared kernel.
      "how do i compress a png image for the web",
    ])
      expect(ask(q).kind, q).toBe("out-of-scope");
    // However sure the model is of an entry (patching, the kernel, special hardware: over 0.5
    // each, where a question with no subject word is offered it), the word was someone else's.
    for (const q of ["monkey patching", "how does the kernel trick work", "what is a virtual card"]) {
      const explained = qa.asker.explain(q);
      expect(explained.result.confidence, q).toBeGreaterThan(defaultMatcherParams.decide.withoutSubjectWord);
      expect(explained.decision, q).toMatchObject({ kind: "decline", rule: "no-subject-word" });
    }
    // Only "boot" left, a general word: never the shared-kernel entry, and nothing surely (since
    // 2026-12-01 offered as "did you mean" beside the start-up entry; since "without" stopped
    // being a stopword, the model gives start-up time 0.16, just over decide.generalWordsOnly,
    // and it is a best guess).
    const panic = ask("kernel panic on boot after installing a new wifi card");
    expect(panic.kind === "answer" ? panic.entry.id : "").not.toBe("shared-vs-isolated-kernel");
    expect(panic.kind === "answer" ? panic.unsure : true).toBe(true);
    for (const q of ["how do we compress container images?", "why do containers share the host kernel?"])
      expect(ask(q).kind, q).not.toBe("out-of-scope");
    // Not across a comma: "uses Jupyter, kernel upgrades on the hosts" is about the host kernel.
    for (const q of [
      "our data team uses jupyter, kernel upgrades on the hosts break their notebooks; how often should we do them?",
      "which rbac role lets a service account use the patch verb?",
      "qcow2 image resize fails after growing the disk",
    ])
      expect(ask(q).kind, q).not.toBe("out-of-scope");
  });

  it("takes no subject word from the knowledge's own phrasings through otherSenses", () => {
    const entries = answerablesOf(knowledge);
    const withSenses = new Matcher(entries, knowledge.lexicon);
    const without = new Matcher(entries, { ...knowledge.lexicon, otherSenses: [] });
    const changed = entries.flatMap((e) =>
      [...e.phrasings, ...e.keywords].filter((p) => {
        const a = withSenses.match(p);
        const b = without.match(p);
        return a.onTopic !== b.onTopic || a.generalOnly !== b.generalOnly;
      }),
    );
    expect(changed).toEqual([]);
    // A sentence of a long message, matched on its own (ask.ts bestPart), takes the word in the
    // sense the rest of the message uses it in.
    const sentence = "why does changing the kernel lower the accuracy?";
    expect(withSenses.match(sentence).onTopic).toBe(true);
    expect(withSenses.match(sentence, `My svm does well with a linear kernel. ${sentence}`).onTopic).toBe(
      false,
    );
    expect(withSenses.match(sentence, `We share the host kernel. ${sentence}`).onTopic).toBe(true);
    expect(withSenses.match("svm with a linear kernel").onTopic).toBe(false);
    expect(without.match("svm with a linear kernel").onTopic).toBe(true);
  });

  it("never declines a single topic word: it answers or offers 'did you mean'", () => {
    for (const word of ["rollbacks", "cost", "performance", "monitoring", "logs", "patching", "networking"]) {
      expect(ask(word).kind, word).not.toBe("out-of-scope");
    }
  });

  it("does not take a short question of weak words alone (lexicon.weakwords) for one of ours", () => {
    // "time" names boot time among our topics, but is a weak word: alone it names no subject.
    expect(knowledge.lexicon.weakwords).toContain("time");
    for (const q of ["what time is it?", "time"]) {
      expect(ask(q), q).toMatchObject({ kind: "out-of-scope", rule: "no-subject-word" });
    }
    // With a topic word that is not weak beside it, it is one of ours.
    expect(ask("boot time?").kind).not.toBe("out-of-scope");
  });

  it("answers the questions the issue quoted with a related entry, never declines them", () => {
    const expected: [string, RegExp][] = [
      [
        "difference between VMs and docker containers, in plain english?",
        /vm-vs-container-difference|head-to-head/,
      ],
      ["what is a hypervisr", /hypervisor/],
      ["pros and cons of microvms", /microvm/],
    ];
    for (const [q, id] of expected) expect(answerId(q), q).toMatch(id);
  });

  it("reads 'going back to VMs' as a move, not a backup (a blind trial's got the backup answer)", () => {
    const text = new TextPipeline(knowledge.lexicon);
    expect(text.canonicalWords("going back to vms")).toEqual(text.canonicalWords("returning to vms"));
    expect(answerId("would going back to plain VMs be cheaper than our k8s cluster")).toBe("cost-comparison");
    expect(answerId("how do we back up containers")).toBe("backup-and-disaster-recovery");
    // "back up" is left as written: "scale back up" is no backup (a review's, when it was read as one).
    expect(answerId("how fast can we scale back up after scaling to zero")).not.toBe(
      "backup-and-disaster-recovery",
    );
    expect(answerId("we need to scale back up after the sale, vms or containers?")).not.toBe(
      "backup-and-disaster-recovery",
    );
  });

  it("reads a breakout as an escape from the container, and not 'break out' of a monolith (a trial's)", () => {
    expect(answerId("is container breakout a real risk")).toBe("container-security");
    expect(answerId("can a process break out of a docker container")).toBe("container-security");
    expect(answerId("how do we break out services from the monolith")).not.toBe("container-security");
  });

  it("takes 'why do people say …' for no question about one service per container", () => {
    // (An alternate "why do people say a container should only do one thing" drew a blind trial's
    // question there.)
    expect(answerId("why do people say containers are lighter than vms")).toBe("what-is-a-container");
  });

  it("keeps 'different' apart from 'the difference between'", () => {
    expect(answerId("what is the difference between a docker image and a container")).toBe("container-image");
  });

  it("reads 'bit by bit', 'piece by piece' and 'gradually' as one word for a change made in parts", () => {
    // Before the lexicon had them, "bit" and "piece" were unknown words: the first got the
    // answer on security controls during a migration, "gradually" the rollout strategies.
    for (const q of [
      "can we migrate bit by bit?",
      "can we migrate gradually",
      "can we move to containers piece by piece",
      "can we migrate incrementally?",
    ])
      expect(answerId(q), q).toBe("migration-path");
  });

  it("reads doing without an orchestrator as a phrase: 'containers without kubernetes' is not what kubernetes does", () => {
    for (const q of [
      "can we run containers without kubernetes?",
      "containers w/o an orchestrator in prod",
      "docker in production with no k8s, is that ok?",
    ])
      expect(answerId(q), q).toBe("containers-without-kubernetes");
    // "without" is still a stopword elsewhere (review 31's: these went to the entry above when
    // it was a word), and kubernetes alone asks about kubernetes.
    expect(answerId("can we run containers without a vm?")).not.toBe("containers-without-kubernetes");
    expect(answerId("can we do ci without containers?")).not.toBe("containers-without-kubernetes");
    expect(answerId("what does kubernetes actually do?")).not.toBe("containers-without-kubernetes");
  });

  it("answers what gets harder with containers from the entry on their downsides (blind trial 28's got density or the migration order)", () => {
    for (const q of [
      "what are the downsides of containers?",
      "i mean the downsides of containers. disadvantages. what gets harder",
      "whats the catch tho? what will hurt us if we move to docker",
    ])
      expect(answerId(q), q).toBe("container-downsides");
    // Not those of VMs (blind trial 29's got the downsides of containers).
    // Review 33's: nor those of VMs, microVMs or containers on VMs.
    // They have an entry of their own (blind trial 29's "What is bad with VMs?" got the definition).
    for (const q of [
      "what are the disadvantages of VMs?",
      "cons of vms",
      "vm downsides",
      "what gets harder with virtual machines",
      "what is the catch if we just stay on VMs for everything?",
    ])
      expect(answerId(q), q).toBe("vm-downsides");
    expect(answerId("what gets harder when we use microvms?")).toBe("microvms");
  });

  it("takes another language version per site for clashing dependencies, not several operating systems (blind trial 21)", () => {
    // "different ... versions" had matched "different kernel versions per app" (VMs).
    expect(answerId("different sites need different PHP versions. can containers handle that?")).toBe(
      "dependency-conflicts",
    );
  });

  it("keeps words that other entries' phrasings share apart from them (blind trial 21)", () => {
    // "group" was the cgroup's "control group"; "hardened" and "VMs" the VM hardening answer.
    expect(answerId("so should we go one container per site, or group them?")).toBe(
      "one-service-per-container",
    );
    expect(answerId("are hardened containers as isolated as VMs, yes or no?")).toBe("container-security");
    expect(answerId("how well isolated is a hardened vm?")).toBe("vm-hardening");
    // "VMware" was the hypervisor's word.
    expect(
      answerId("Our ops team is 12 people who know VMware inside out. Do they all need retraining?"),
    ).toBe("team-skills-and-learning-curve");
  });

  it("tells beginning something from start-up time", () => {
    // "where do we start" was read as start-up ("boot"), and "how fast do containers start?" got
    // the myth that fast start-up means a better architecture.
    expect(answerId("where do we start with containers?")).toBe("migration-path");
    expect(answerId("how fast do containers start?")).toBe("boot-time");
    // Starting one is start-up still, and a young company is no start-up time (a review's).
    expect(answerId("where do we start the container?")).toBe("boot-time");
    expect(answerId("we are a startup, should we use containers?")).not.toBe("boot-time");
    expect(answerId("do startups need kubernetes?")).not.toBe("boot-time");
    expect(answerId("containers start in milliseconds so they are better, right?")).toBe(
      "myth-faster-startup-better-architecture",
    );
  });

  it("declines out-of-scope questions, and greets, thanks and helps", () => {
    for (const q of ["recipe for banana bread", "weather tomorrow in paris", "how do i center a div"])
      expect(ask(q).kind, q).toBe("out-of-scope");
    expect(ask("hi").kind).toBe("smalltalk");
    expect(ask("thanks!").kind).toBe("smalltalk");
    expect(ask("what can you do").kind).toBe("smalltalk");
  });

  it("trains the same model from the same knowledge: identical rankings and probabilities", () => {
    const entries = answerablesOf(knowledge);
    const a = new Matcher(entries, knowledge.lexicon);
    const b = new Matcher(entries, knowledge.lexicon);
    for (const q of ["can we run databases in containers", "kubernetes on vms pros", "contianer secrity"])
      expect(a.match(q)).toEqual(b.match(q));
  });

  it("one added phrasing moves the answers to next to no other question (training order keyed by text)", () => {
    // Ordered by position, one new alternate moved 31 of 974 evaluation questions to other entries,
    // as much as another training seed: no authoring change could be measured. Keyed by the
    // phrasings' text, that alternate moved none.
    const entries = answerablesOf(knowledge);
    const added = entries.map((e) =>
      e.id === "migration-path"
        ? {
            ...e,
            phrasings: [...e.phrasings, "what's the plan for taking a big estate off virtual machines"],
          }
        : e,
    );
    const a = new Matcher(entries, knowledge.lexicon);
    const b = new Matcher(added, knowledge.lexicon);
    const questions = ["real-questions.jsonl", "dev-questions.jsonl", "real-questions-3.jsonl"].flatMap((f) =>
      readSet(resolve(repoRoot, "test/fixtures", f)).map((l) => l.q),
    );
    const moved = questions.filter((q) => a.match(q).ranked[0]?.id !== b.match(q).ranked[0]?.id);
    expect(questions.length).toBeGreaterThan(300);
    expect(moved.length, moved.join("\n")).toBeLessThanOrEqual(3);
  });

  it("explains a match: the features that drove it, the nearest phrasing and the runner-ups", () => {
    const x = qa.asker.explain("can we run postgres in containers");
    expect(x.decision).toMatchObject({ kind: "answer", id: "stateful-workloads-and-databases" });
    expect(x.features.length).toBeGreaterThan(0);
    expect(x.features.map((f) => f.feature)).toContain("w:databas");
    expect(x.nearest).toBeTruthy();
    expect(x.result.ranked.length).toBeGreaterThan(1);
    expect(qa.asker.explain("recipe for banana bread").decision).toMatchObject({ kind: "decline" });
  });

  it("matches a question without the words that ask how to say the answer (lexicon styleRequests)", () => {
    // A blind trial's: with ", in plain english" it got the microVMs entry, whose phrasings say
    // "plain containers".
    const q = "whats the diffrence in isolation between a vm and a container";
    expect(answerId(q)).toBe("isolation-models");
    expect(answerId(`${q}, in plain english`)).toBe("isolation-models");
    expect(qa.asker.explain(`${q}, in plain english`).decision).toMatchObject({ id: "isolation-models" });
    expect(answerId("eli5: what is a hypervisor")).toBe(answerId("what is a hypervisor"));
    expect(answerId("tl;dr what is kubernetes")).toBe(answerId("what is kubernetes"));
  });

  it("recognises the checklist said in plain words (intents.yaml), without taking FAQ questions", () => {
    for (const q of [
      "checklist please",
      "help me decide between vms and containers",
      "which should we use for our team?",
    ])
      expect(ask(q).kind, q).toBe("intent");
    for (const q of ["when should we pick vms", "how do i decide", "can we run databases in containers?"])
      expect(ask(q).kind, q).toBe("answer");
    // Whether one side would help is a question about it, not the checklist (a blind trial's
    // "would containers help?" after the CI answer started it).
    for (const q of ["would containers help?", "would docker help with our slow builds?"])
      expect(ask(q).kind, q).not.toBe("intent");
    // Unless it asks to decide (an independent review's lost the checklist).
    for (const q of ["help me decide on containers", "walk me through choosing containers"])
      expect(ask(q).kind, q).toBe("intent");
  });

  it("answers a long message on its telling sentence and says which part it answered", async () => {
    const filler = "Our team had a long planning week and the coffee machine broke twice. ".repeat(16);
    const text = `${filler}\nAnyway, the real thing I wanted to ask: can we run postgres in a container?`;
    expect(text.length).toBeGreaterThan(1000);
    const o = ask(text);
    expect(o).toMatchObject({
      kind: "answer",
      entry: { id: "stateful-workloads-and-databases" },
      focus: "Anyway, the real thing I wanted to ask: can we run postgres in a container?",
    });
    const bot = makeBot(await createStore("memory:"));
    const [reply] = await bot.handle(turn({ text, via: "direct" }));
    expect(reply!.parts[1]).toEqual({
      type: "context",
      text: fill(knowledge.responses.decline.answeredPart, {
        part: literal(o.kind === "answer" ? o.focus! : ""),
      }),
    });
    expect(ask("how do containers differ from vms? what about boot time?").kind).toBe("answer");
  });

  it("answers a short message's one question after a lead-in that names nothing of ours, which the whole was declined for (blind trial 26)", () => {
    const question =
      "Do the sources say anything about running Windows-based workloads, since some of our treasury applications are Windows only?";
    const text = `Returning to the matter at hand. ${question}`;
    expect(qa.asker.explain(text).decision.kind).toBe("decline");
    expect(ask(text)).toMatchObject({ kind: "answer", focus: question });
    // Not when the question alone is declined as well, nor after a lead-in with words of another
    // subject, which is why the whole was declined (an independent review's).
    expect(ask("Coffee first. Where do I find the printer settings?").kind).toBe("out-of-scope");
    expect(ask("Our CFO wants to cut the AWS bill by 30 percent. Where do we start?").kind).toBe(
      "out-of-scope",
    );
  });

  it("declines texts over 4,000 characters before matching", () => {
    expect(ask("container ".repeat(401)).kind).toBe("too-long");
    expect(ask("container ".repeat(10_000)).kind).toBe("too-long");
  });

  it("never throws and keeps confidence in 0..1 for any input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => {
        const r = askJson(q, qa);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        expect(typeof r.text).toBe("string");
      }),
      { numRuns: 300 },
    );
  });
});

describe("the decision rules (params.decide)", () => {
  const p = defaultMatcherParams.decide;
  const result = (over: Partial<DecisionInput>): DecisionInput => ({
    ranked: [
      { id: "a", score: 0.5 },
      { id: "b", score: 0.1 },
    ],
    confidence: 0.5,
    offTopic: 0,
    known: 1,
    onTopic: true,
    generalOnly: false,
    sides: 0,
    ...over,
  });

  it("answers a clear winner", () => {
    expect(decide(result({}), p)).toEqual({
      kind: "answer",
      id: "a",
      confidence: 0.5,
      unsure: false,
      alternatives: [],
    });
  });

  it("offers both when the runner-up is within the margin, unless they answer the same thing", () => {
    const close = result({
      ranked: [
        { id: "a", score: 0.3 },
        { id: "b", score: 0.29 },
        { id: "c", score: 0.01 },
      ],
    });
    expect(decide(close, p)).toMatchObject({ kind: "suggest", ids: ["a", "b"], why: "close" });
    expect(decide(close, p, () => true)).toMatchObject({ kind: "answer", id: "a" });
  });

  it("suggests when nothing is probable enough, and declines when nothing is close", () => {
    const low = result({
      ranked: [
        { id: "a", score: p.answer / 2 },
        { id: "b", score: p.suggest },
      ],
      confidence: p.answer / 2,
    });
    expect(decide(low, p)).toMatchObject({ kind: "suggest", ids: ["a", "b"], why: "unsure" });
    const none = result({ ranked: [{ id: "a", score: p.suggest / 2 }], confidence: p.suggest / 2 });
    expect(decide(none, p)).toMatchObject({ kind: "decline", rule: "nothing-close" });
  });

  it("names the rule that declined", () => {
    const withoutSubject = (confidence: number) => decide(result({ onTopic: false, confidence }), p);
    expect(withoutSubject(p.withoutSubjectWord * 0.9)).toMatchObject({
      kind: "decline",
      rule: "no-subject-word",
    });
    // Without a subject word, even a sure model only offers its entry ("how do i undo my last git
    // commit" is not about rolling back a release), from params.withoutSubjectWord on.
    expect(withoutSubject(p.withoutSubjectWord)).toMatchObject({ kind: "suggest", why: "no-subject-word" });
    expect(decide(result({ onTopic: false, confidence: 0.99 }), p)).toMatchObject({
      kind: "suggest",
      ids: ["a"],
      why: "no-subject-word",
    });
    // The off-topic class still declines it first.
    expect(decide(result({ onTopic: false, confidence: 0.9, offTopic: 0.95 }), p)).toMatchObject({
      kind: "decline",
      rule: "off-topic-class",
    });
    expect(decide(result({ known: 0 }), p)).toMatchObject({ kind: "decline", rule: "unknown-words" });
    expect(decide(result({ offTopic: 0.6 }), p)).toMatchObject({ kind: "decline", rule: "off-topic-class" });
    expect(decide(result({ offTopic: 0.4 }), p)).toMatchObject({ kind: "answer" });
    // Between two of our sides, the off-topic class declines nothing.
    expect(decide(result({ offTopic: 0.6, sides: 1 }), p)).toMatchObject({ rule: "off-topic-class" });
    expect(decide(result({ offTopic: 0.6, sides: 2 }), p)).toMatchObject({ kind: "answer" });
    // Only general subject words ("patch", "ci"): answered only when the model is sure enough.
    const general = (confidence: number) =>
      result({ generalOnly: true, confidence, ranked: [{ id: "a", score: confidence }] });
    expect(decide(general(p.generalWordsOnly / 2), p)).toMatchObject({
      kind: "decline",
      rule: "general-words-only",
    });
    expect(decide(general(Math.max(p.generalWordsOnly, p.answer) * 2), p)).toMatchObject({ kind: "answer" });
  });

  it("counts the sides a question names, by whole words (lexicon sides), and never declines one between two as off topic", () => {
    const m = new Matcher(answerablesOf(knowledge), knowledge.lexicon);
    const q = "home automation on a raspberry pi: docker or a vm?";
    expect(m.match(q).sides).toBe(2);
    // Its other words are the off-topic class's; before, that declined it.
    expect(m.match(q).offTopic).toBeGreaterThan(m.match(q).confidence);
    expect(ask(q).kind).not.toBe("out-of-scope");
    expect(m.match("vms, containers or microvms for untrusted code").sides).toBe(3);
    // "machine" alone is no virtual machine, nor the verb "contain" a container (as written, not by
    // stem), nor a "css container" one of ours (lexicon otherSenses).
    expect(m.match("reach the host machine from a docker container").sides).toBe(1);
    expect(m.match("does the vm contain my excel file").sides).toBe(1);
    expect(m.match("css container queries for the dashboard we host in a vm").sides).toBe(1);
  });

  it("tells general subject words from ours: a question with only general ones is flagged, one with ours is not", () => {
    const m = new Matcher(answerablesOf(knowledge), knowledge.lexicon);
    expect(m.match("how do we patch production servers").generalOnly).toBe(true);
    expect(m.match("how do we patch container images").generalOnly).toBe(false);
    expect(m.match("how do we patch vms").generalOnly).toBe(false);
    // A short question made of topic words counts as ours ("rollbacks", "cost").
    expect(m.match("rollbacks").generalOnly).toBe(false);
  });
});
