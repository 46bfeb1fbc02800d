import { describe, expect, it } from "vitest";
import { Featurizer } from "../../../src/core/matcher/features.ts";
import { defaultMatcherParams } from "../../../src/core/matcher/params.ts";
import { TextPipeline } from "../../../src/core/matcher/text.ts";
import { loadKnowledge } from "../../../src/knowledge/load.ts";
import { knowledgeDir } from "../../../src/paths.ts";

const knowledge = loadKnowledge(knowledgeDir);

describe("Featurizer", () => {
  it("names a word's character n-grams of 3 and 4, bounded by < and >", () => {
    const featurizer = new Featurizer(new TextPipeline(knowledge.lexicon), defaultMatcherParams.features);
    const { chars } = featurizer.names("hypervisr gpu");
    expect(chars).toEqual(
      expect.arrayContaining(["c:<hy", "c:<hyp", "c:isr", "c:isr>", "c:sr>", "c:<gp", "c:<gpu", "c:gpu>"]),
    );
    expect(chars).not.toContain("c:<gpu>");
    expect(chars.every((c) => c.length >= 5 && c.length <= 6)).toBe(true);
  });

  it("gives the same features after its memory of words has been cleared", () => {
    // The memories of each word's n-grams and stem are bounded (a server reads words without
    // end): 55,000 words pass both bounds (20,000 and 50,000). A word read again after a memory
    // was emptied, or read first once it was full, must give what it gives a fresh pipeline.
    const text = new TextPipeline(knowledge.lexicon);
    const featurizer = new Featurizer(text, defaultMatcherParams.features);
    const question = "can we run databases in contianers on kubernetes?";
    const before = featurizer.names(question);
    expect(featurizer.names(question)).toEqual(before);
    for (let i = 0; i < 55_000; i++) featurizer.names(`w${i.toString(36)}x`);
    expect(featurizer.names(question)).toEqual(before);
    const fresh = new Featurizer(new TextPipeline(knowledge.lexicon), defaultMatcherParams.features);
    expect(featurizer.names("firecracker microvm snapshots")).toEqual(
      fresh.names("firecracker microvm snapshots"),
    );
    expect(text.stems(question)).toEqual(new TextPipeline(knowledge.lexicon).stems(question));
  });
});
