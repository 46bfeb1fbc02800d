import { describe, expect, it } from "vitest";
import { buildQuestionAnswering } from "../../../src/core/questions.ts";
import { askReply, notTogetherNote } from "../../../src/core/replies/answers.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { knowledge } from "../../helpers/bot.ts";

const qa = buildQuestionAnswering(knowledge);
const { responses } = knowledge;

/** The answer's entry and the ids of the terms it never speaks of (ask.ts uncoveredOf). */
const asked = (q: string) => {
  const o = qa.asker.ask(q);
  if (o.kind !== "answer") throw new Error(`not answered: ${q} (${o.kind})`);
  return { entry: o.entry.id, uncovered: o.uncovered?.map((u) => u.id), outcome: o };
};

describe("an answer that never speaks of a term of ours the question names says so and offers the term (blind trials: 'GPUs in Firecracker' got the GPU answer alone)", () => {
  it("names a specific term the answer leaves out, not one it speaks of, one named in passing or a common word", () => {
    const gpu = asked("can firecracker do gpu passthrough?");
    expect(gpu.entry).toBe("gpu-and-special-hardware");
    expect(gpu.uncovered).toEqual(["firecracker"]);
    // The microVM answer speaks of Firecracker: nothing left out.
    expect(asked("what are the downsides of firecracker microvms?").uncovered).toBeUndefined();
    // Named in passing (glossary inPassing): a Dockerfile beside an answer on environments.
    expect(asked("Do we need separate Dockerfiles for dev vs prod?").uncovered).toBeUndefined();
    // Too common a name to be a gap: answers speak around Kubernetes without naming it.
    const k8s = asked("can kubernetes schedule gpu workloads?");
    expect(k8s.entry).toBe("gpu-and-special-hardware");
    expect(k8s.uncovered).toBeUndefined();
    // Review 32's: a term named as the setup, not in what is asked; "ingress" as incoming
    // traffic; and no second line where one already names a product the documents never mention.
    for (const q of [
      "we use canary releases and a service mesh, what's cheaper vms or containers?",
      "how do we handle spiky ingress traffic with vms?",
      "we run everything on k8s with an istio service mesh. should our postgres stay on a vm?",
    ])
      expect(asked(q).uncovered, q).toBeUndefined();
  });

  it("names a term by its name, without what its heading adds in brackets", () => {
    const { outcome } = asked("does containerd support gpus?");
    if (outcome.kind !== "answer" || !outcome.uncovered) throw new Error("no term left out");
    expect(notTogetherNote(outcome.uncovered, responses)).toContain("Container runtime together");
  });

  it("says it above the answer and offers the term's own answer after it", () => {
    const { outcome } = asked("can firecracker do gpu passthrough?");
    const reply: Reply = askReply(outcome, qa.context);
    const note = notTogetherNote(outcome.kind === "answer" ? (outcome.uncovered ?? []) : [], responses);
    expect(note).toContain("Firecracker");
    const at = reply.parts.findIndex((p) => p.type === "context" && p.text === note);
    const answerAt = reply.parts.findIndex((p) => p.type === "text");
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(answerAt);
    const offer = reply.parts.find((p) => p.type === "buttons" && p.label === responses.answer.onTheirOwn);
    expect(offer?.type === "buttons" && offer.buttons.map((b) => b.action)).toEqual([
      { type: "ask", entryId: "firecracker", via: "suggestion" },
    ]);
  });
});
