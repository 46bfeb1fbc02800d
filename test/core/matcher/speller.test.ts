import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { answerablesOf } from "../../../src/core/answerable.ts";
import { Matcher } from "../../../src/core/matcher/matcher.ts";
import { defaultMatcherParams } from "../../../src/core/matcher/params.ts";
import { Speller } from "../../../src/core/matcher/speller.ts";
import { knowledge } from "../../helpers/bot.ts";

const dir = mkdtempSync(join(tmpdir(), "vmvc-speller-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("spelling corrections (params.features.spellingEdits)", () => {
  it("a Speller corrects two edits only from its twoEditsFrom length", () => {
    const known = new Map([["container", 3]]);
    // One edit: a swap, a letter dropped.
    expect(new Speller(known, Number.POSITIVE_INFINITY).correct("contianer")).toBe("container");
    expect(new Speller(known, Number.POSITIVE_INFINITY).correct("containr")).toBe("container");
    // Two: a product name, not a typo.
    expect(new Speller(known, Number.POSITIVE_INFINITY).correct("portainer")).toBeUndefined();
    expect(new Speller(known, 7).correct("portainer")).toBe("container");
  });

  it("the matcher reads an unknown product name as itself at one edit, trained or loaded from its cache", () => {
    const entries = answerablesOf(knowledge);
    const question = "is portainer any good";
    const at = (spellingEdits: 1 | 2) => ({
      ...defaultMatcherParams,
      features: { ...defaultMatcherParams.features, spellingEdits },
    });
    const cache = { dir, minExamples: 0 };
    for (const edits of [1, 2] as const) {
      const trained = new Matcher(entries, knowledge.lexicon, { params: at(edits), cache });
      const loaded = new Matcher(entries, knowledge.lexicon, { params: at(edits), cache });
      expect([trained.cacheStatus, loaded.cacheStatus]).toEqual(["stored", "loaded"]);
      for (const m of [trained, loaded]) {
        // "portainer" as "container" (two edits) makes the question one of ours.
        expect(m.match(question).onTopic, `${edits} edits, ${m.cacheStatus}`).toBe(edits === 2);
      }
    }
  });
});
