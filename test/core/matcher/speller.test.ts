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

  it("a Speller corrects a word shorter than its shortest only for two swapped letters (params.features.shortestTypo)", () => {
    const known = new Map([
      ["train", 3],
      ["root", 3],
    ]);
    expect(defaultMatcherParams.features.shortestTypo).toBe(5);
    // "rain" is a word of its own, one edit from "train".
    expect(new Speller(known, Number.POSITIVE_INFINITY, 5).correct("rain")).toBeUndefined();
    expect(new Speller(known, Number.POSITIVE_INFINITY, 4).correct("rain")).toBe("train");
    // From five letters on, one edit is still read as a typo.
    expect(new Speller(known, Number.POSITIVE_INFINITY, 5).correct("trian")).toBe("train");
    // Below, two neighbouring letters swapped still are ("csot"), but a letter dropped is not.
    const cost = new Map([["cost", 2]]);
    expect(new Speller(cost, Number.POSITIVE_INFINITY, 5).correct("csot")).toBe("cost");
    expect(new Speller(cost, Number.POSITIVE_INFINITY, 5).correct("cot")).toBeUndefined();
    // Nor a word of two or three letters ("mv" is no "vm").
    expect(new Speller(new Map([["vm", 2]]), Number.POSITIVE_INFINITY, 5).correct("mv")).toBeUndefined();
  });

  it("a Speller without substitutions reads a letter more or less, two swapped, or one changed for a keyboard neighbour", () => {
    const known = new Map([
      ["patch", 2],
      ["scaling", 2],
    ]);
    const strict = new Speller(known, 7, 5, false);
    expect(strict.correct("pitch")).toBeUndefined();
    expect(new Speller(known, 7, 5).correct("pitch")).toBe("patch");
    expect(strict.correct("scalling")).toBe("scaling");
    expect(strict.correct("scaing")).toBe("scaling");
    expect(strict.correct("sclaing")).toBe("scaling");
    // Never two edits, whatever twoEditsFrom says.
    expect(strict.correct("scallinng")).toBeUndefined();
    // One letter changed only for its neighbour on the keyboard, as typos are ("backuo").
    const backup = new Speller(new Map([["backup", 1]]), 7, 5, false);
    expect(backup.correct("backuo")).toBe("backup");
    expect(backup.correct("bsckup")).toBe("backup");
    expect(backup.correct("backum")).toBeUndefined();
    // Not in a word shorter than six letters: "latch" is no "patch" (a third review's).
    expect(new Speller(new Map([["patch", 1]]), 7, 5, false).correct("latch")).toBeUndefined();
  });

  it("the matcher passes shortestTypo to its spellers: 'is it raining?' is not about training", () => {
    const entries = answerablesOf(knowledge);
    const at = (shortestTypo: number) =>
      new Matcher(entries, knowledge.lexicon, {
        params: { ...defaultMatcherParams, features: { ...defaultMatcherParams.features, shortestTypo } },
      });
    const [five, four] = [at(5), at(4)];
    expect(five.knows("rain")).toBe(false);
    expect(four.knows("rain")).toBe(true);
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
