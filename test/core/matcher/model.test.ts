import { describe, expect, it } from "vitest";
import { type Example, SoftmaxModel, textKey } from "../../../src/core/matcher/model.ts";
import { defaultMatcherParams } from "../../../src/core/matcher/params.ts";
import { keysOf } from "../../../src/core/matcher/vocabulary.ts";

const vec = (ids: number[]) => ({ ids: Int32Array.from(ids), values: Float64Array.from(ids, () => 1) });

// Three classes told apart by features 0, 1 and 2; feature 3 is shared by all.
const examples: Example[] = [
  { vector: vec([0, 3]), label: 0 },
  { vector: vec([1, 3]), label: 1 },
  { vector: vec([2, 3]), label: 2 },
  { vector: vec([0]), label: 0 },
  { vector: vec([1]), label: 1 },
  { vector: vec([2]), label: 2 },
];

describe("SoftmaxModel", () => {
  const model = SoftmaxModel.train(4, 4, examples, defaultMatcherParams.training);

  it("learns which feature tells each class apart, with probabilities that sum to at most 1", () => {
    for (const c of [0, 1, 2]) {
      const top = model.top(vec([c, 3]), 4);
      expect(top[0]!.label).toBe(c);
      expect(top[0]!.probability).toBeGreaterThan(0.5);
      expect(top.reduce((s, t) => s + t.probability, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it("gives a class that no feature points at only the leftover probability", () => {
    const top = model.top(vec([0]), 4);
    expect(top.find((t) => t.label === 3)!.probability).toBeLessThan(top[0]!.probability);
  });

  it("explains a class by its features: the telling one weighs most", () => {
    const [first] = model.contributions(vec([0, 3]), 0).sort((a, b) => b.weight - a.weight);
    expect(first!.feature).toBe(0);
  });

  it("trains the same weights from the same examples", () => {
    const again = SoftmaxModel.train(4, 4, examples, defaultMatcherParams.training);
    expect(again.top(vec([1, 3]), 4)).toEqual(model.top(vec([1, 3]), 4));
  });

  it("keyed examples train the same weights in whatever order they are given (the order comes from the keys)", () => {
    const keyed = examples.map((e, i) => ({ ...e, key: textKey(`phrasing ${i}`) }));
    const reversed = [...keyed].reverse();
    const a = SoftmaxModel.train(4, 4, keyed, defaultMatcherParams.training);
    const b = SoftmaxModel.train(4, 4, reversed, defaultMatcherParams.training);
    expect(b.weights.weight).toEqual(a.weights.weight);
    // Another seed is another order: the seed still counts.
    const c = SoftmaxModel.train(4, 4, keyed, { ...defaultMatcherParams.training, seed: 7 });
    expect(c.weights.weight).not.toEqual(a.weights.weight);
  });

  it("keys one phrasing in two entries apart, so the copies are not trained back to back", () => {
    const keys = keysOf([
      { text: "what is containerd", label: 0 },
      { text: "what is containerd", label: 1 },
      { text: "docker vs containerd", label: 0 },
    ]);
    expect(new Set(keys).size).toBe(3);
    // The first copy keeps its text's key: adding a copy elsewhere moves nothing else.
    expect(keys[0]).toBe(textKey("what is containerd"));
    expect(keys[2]).toBe(textKey("docker vs containerd"));
  });

  it("restored from its weights, answers exactly as trained", () => {
    const restored = new SoftmaxModel(model.weights);
    for (const ids of [[0, 3], [1], [2, 3], [3]])
      expect(restored.top(vec(ids), 4)).toEqual(model.top(vec(ids), 4));
    expect(restored.epochs).toBe(model.epochs);
  });

  it("refuses a label outside its classes", () => {
    expect(() => SoftmaxModel.train(2, 4, examples, defaultMatcherParams.training)).toThrow(RangeError);
  });
});
