import { describe, expect, it } from "vitest";
import { explainText } from "../../src/adapters/cli/explain.ts";
import { FailureReports } from "../../src/core/failureReport.ts";
import { buildQuestionAnswering } from "../../src/core/questions.ts";
import { askReply } from "../../src/core/replies/answers.ts";
import { knowledge } from "../helpers/bot.ts";

const qa = buildQuestionAnswering(knowledge);
const reports = new FailureReports(knowledge.lexicon.failureReports!);

describe("a question that reports something failing (lexicon failureReports)", () => {
  it("is found by its failure phrase, whatever the apostrophes and case", () => {
    expect(reports.reportIn("The GPU passthrough stopped working after we moved the VM")).toBe(
      "stopped working",
    );
    expect(reports.reportIn("kata containers won't work on our nested hosts")).toBe("wont work");
    expect(reports.reportIn("Live migration keeps failing with a timeout")).toBe("keeps failing");
    expect(reports.reportIn("our build throws this error: no space left on device")).toBe(
      "throws this error",
    );
    expect(reports.reportIn("pods end in CrashLoopBackOff after the upgrade")).toBe("crashloopbackoff");
    // An independent review's, answered at first.
    expect(reports.reportIn("my VM won't boot after resizing the disk")).toBe("wont boot");
    expect(reports.reportIn("my pod is in ImagePullBackOff, any idea?")).toBe("imagepullbackoff");
    expect(reports.reportIn("docker build fails on the npm install step")).toBe("fails on");
    expect(reports.reportIn("GPU passthrough stopped working for me after the kernel update")).toBe(
      "stopped working",
    );
    // A what-if of the asker's own is still a report: "when I start it, it fails".
    expect(reports.reportIn("When I start the VM I get an error about the hypervisor")).toBe("get an error");
  });

  it("is no preference, plan, claim, concept, pushback, what-if or request to debug", () => {
    for (const q of [
      "containers don't work for us because we run windows",
      "we tried kubernetes but it didn't work out",
      "does live migration work as well for containers?",
      "can we keep old images for when a new release fails to start",
      // An independent review's, each offered instead of answered at first.
      "which workloads do not work in containers?",
      "is it true that databases don't work in containers?",
      "what fails to scale with VMs?",
      "I failed to explain containers to my manager, how do they differ from VMs?",
      "can a segfault in a container crash the host kernel?",
      "does kubernetes restart a pod that keeps crashing?",
      "what happens if our app fails to start in a container?",
      "what if my container keeps crashing, does kubernetes restart it?",
      "that won't work, we run a legacy windows app",
      "how do I debug a container that is stuck at starting?",
      "figure out why my container keeps failing",
      "can we run databases in containers?",
    ])
      expect(reports.reportIn(q), q).toBeUndefined();
    // The what-if ends with its clause: the next one reports.
    expect(reports.reportIn("if that helps, our VMs are slow, firecracker keeps crashing")).toBe(
      "keeps crashing",
    );
  });

  it("is offered the entries it matched, never answered, with a reply that says why", () => {
    const q = "the GPU passthrough stopped working after we moved the VM to a new host";
    const o = qa.asker.ask(q);
    expect(o.kind === "no-match" && o.why).toBe("failure-report");
    if (o.kind !== "no-match") return;
    // The entry an answer would have been (in a conversation the rule stands aside): offered first.
    const answered = qa.asker.ask(q, true);
    expect(answered.kind).toBe("answer");
    if (answered.kind !== "answer") return;
    expect(o.suggestions[0]?.id).toBe(answered.entry.id);
    const r = askReply(o, qa.context, "asked-1");
    expect(r.summary).toBe(knowledge.responses.decline.failureReport);
    const offers = r.parts.find((p) => p.type === "buttons");
    expect(offers?.type === "buttons" && offers.role).toBe("suggestions");
    expect(offers?.type === "buttons" && offers.buttons[0]?.action).toMatchObject({
      type: "ask",
      entryId: answered.entry.id,
    });
    // Without the failure, the same subject is answered.
    expect(qa.asker.ask("can the GPU be passed through to a VM?").kind).toBe("answer");
    // Asking between two of our sides, it is a choice the documents weigh (a blind measurement's).
    expect(qa.asker.ask("our containers keep getting OOMKilled, would VMs be better?").kind).toBe("answer");
  });

  it("says so in ask --explain, with the phrase that reported it", () => {
    expect(explainText("live migration of our VMs keeps failing with a timeout", qa)).toMatch(
      /^decision: did you mean \(it reports something failing .*: "keeps failing"\): [a-z-]+/m,
    );
  });
});
