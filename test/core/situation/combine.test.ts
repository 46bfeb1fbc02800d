import { describe, expect, it } from "vitest";
import { combinedReading } from "../../../src/core/situation/combine.ts";
import { type Reading, SituationReader } from "../../../src/core/situation/extract.ts";
import { knowledge } from "../../helpers/bot.ts";

const reader = new SituationReader(knowledge);
const values = (texts: string[]) =>
  Object.fromEntries(
    Object.entries(combinedReading(texts.map((t) => reader.read(t))).understood).map(([k, u]) => [
      k,
      u!.value,
    ]),
  );

describe("combinedReading: several messages' readings as one description", () => {
  it("keeps every message's answers, the later one's where two answer the same question", () => {
    expect(values(["we deploy daily", "traffic is spiky", "we are in PCI scope"])).toEqual({
      deploys: "frequent",
      load: "spiky",
      compliance: "strict",
    });
    expect(values(["we deploy daily", "we deploy monthly now"])).toEqual({ deploys: "regular" });
  });

  it("leaves a question a later message left in conflict unknown, and settles one an earlier message left so", () => {
    const daily = reader.read("we deploy daily");
    // A later message whose cues disagreed on the deploys: that question is unknown again.
    const unsure: Reading = { understood: {}, conflicts: ["deploys"], asksToChoose: false };
    const later = combinedReading([daily, unsure]);
    expect(later.understood).toEqual({});
    expect(later.conflicts).toEqual(["deploys"]);
    const settled = combinedReading([unsure, daily]);
    expect(settled.conflicts).toEqual([]);
    expect(Object.keys(settled.understood)).toEqual(["deploys"]);
  });

  it("asks to choose when the last message does, and reads nothing from no messages", () => {
    expect(
      combinedReading([reader.read("we deploy daily"), reader.read("vms or containers?")]).asksToChoose,
    ).toBe(true);
    expect(
      combinedReading([reader.read("vms or containers?"), reader.read("we deploy daily")]).asksToChoose,
    ).toBe(false);
    expect(combinedReading([])).toEqual({ understood: {}, conflicts: [], asksToChoose: false });
  });
});
