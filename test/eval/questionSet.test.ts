import { describe, expect, it } from "vitest";
import { type EvalCase, type Judged, score } from "../../src/eval/questionSet.ts";

const cases: EvalCase[] = [
  { q: "right away", all: [["kernel"]] },
  { q: "offered", all: [["kernel"]] },
  { q: "missed", all: [["kernel"]] },
  { q: "declined, offers right", all: [["kernel"]] },
  { q: "off topic", oos: true },
];
const answers: Record<string, Judged> = {
  "right away": { answered: true, text: "They share the host Kernel.", id: "a", offered: [] },
  offered: {
    answered: true,
    text: "Images are built once.",
    id: "b",
    offered: [
      { id: "c", text: "Costs differ." },
      { id: "a", text: "They share the host kernel." },
    ],
  },
  missed: {
    answered: true,
    text: "Costs differ.",
    id: "c",
    offered: [{ id: "b", text: "Images are built once." }],
  },
  "declined, offers right": {
    answered: false,
    text: "Did you mean one of these?",
    id: null,
    offered: [{ id: "a", text: "They share the host kernel." }],
  },
  "off topic": {
    answered: false,
    text: "Outside what I know.",
    id: null,
    offered: [{ id: "a", text: "kernel" }],
  },
};

describe("score: answered right, and right one press away", () => {
  it("counts an in-scope question one press away when the answer or any offered entry passes", () => {
    const s = score(cases, (q) => answers[q]!);
    expect(s.inScope).toEqual({ pass: 1, all: 4 });
    // The first, and the two whose offers hold a right answer; an off-topic question is never counted.
    expect(s.onePress).toEqual({ pass: 3, all: 4 });
    expect(s.outOfScope).toEqual({ pass: 1, all: 1 });
    expect(s.failures).toHaveLength(3);
  });
});
