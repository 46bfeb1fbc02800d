import { describe, expect, it } from "vitest";
import { PreferenceReader } from "../../../src/core/matcher/preference.ts";
import { buildQuestionAnswering } from "../../../src/core/questions.ts";
import { loadKnowledge } from "../../../src/knowledge/load.ts";
import { knowledgeDir } from "../../../src/paths.ts";

const knowledge = loadKnowledge(knowledgeDir);
const reader = new PreferenceReader(knowledge.lexicon);
const qa = buildQuestionAnswering(knowledge);
const answerId = (q: string) => {
  const o = qa.asker.ask(q);
  return o.kind === "answer" ? o.entry.id : o.kind;
};

describe("which side a question asks for, by its word order (lexicon.yaml preference)", () => {
  it("reads the first of two sides joined by 'instead of', 'over', 'more sense than', ', not'", () => {
    expect(reader.read("when to pick docker instead of a virtual machine")).toEqual({
      side: "containers",
      favours: true,
    });
    expect(reader.read("when is a VM a better choice than a container")).toEqual({
      side: "VMs",
      favours: true,
    });
    expect(reader.read("VMs, not containers, for this?")).toEqual({ side: "VMs", favours: true });
    expect(reader.read("when do containers make more sense than vms")).toEqual({
      side: "containers",
      favours: true,
    });
  });

  it("reads against a side named alone after 'not to use', 'shouldn't we use', 'avoid', or before 'a bad idea'", () => {
    expect(reader.read("in which cases should we avoid containers")).toEqual({
      side: "containers",
      favours: false,
    });
    expect(reader.read("when shouldn't we use vms")).toEqual({ side: "VMs", favours: false });
    expect(reader.read("when are virtual machines a bad idea")).toEqual({ side: "VMs", favours: false });
  });

  it("reads nothing where the order says no side, or says both", () => {
    expect(reader.read("vms vs containers")).toBeUndefined();
    expect(reader.read("how do containers differ from VMs")).toBeUndefined();
    expect(reader.read("when to use containers")).toBeUndefined();
    // Against one side beside another: only `over` reads two sides.
    expect(reader.read("when not to use vms and when containers")).toBeUndefined();
    expect(reader.read("containers over VMs, or VMs over containers?")).toBeUndefined();
    // Against a side only in a question of when to choose (an independent review's): "why not use
    // X?" argues for it; a statement of what the team does not use yet asks when it wins.
    expect(reader.read("why not use containers?")).toBeUndefined();
    expect(reader.read("we don't use containers yet, when would they make sense?")).toBeUndefined();
    expect(
      reader.read("we avoid containers because of compliance, when do they make sense?"),
    ).toBeUndefined();
    expect(reader.read("containers are a bad idea for databases")).toBeUndefined();
    // A bare "not" only after a comma: "containers are not VMs" says what they are.
    expect(reader.read("containers are not vms")).toBeUndefined();
  });
});

describe("the entries that say when to choose a side answer the side asked for", () => {
  it("answers with the side the order asks for, where the words alone named the other", () => {
    expect(answerId("when does it make sense to pick docker instead of a virtual machine")).toBe(
      "when-to-choose-containers",
    );
    expect(answerId("in what cases would a container be a better choice than a vm")).toBe(
      "when-to-choose-containers",
    );
    expect(answerId("when are containers the wrong choice")).toBe("when-to-choose-vms");
    expect(answerId("when should we avoid using vms")).toBe("when-to-choose-containers");
    expect(answerId("when is a virtual machine a better fit than a container")).toBe("when-to-choose-vms");
  });

  it("keeps a statement's side: 'we don't use containers yet, when would they make sense?' is when containers win", () => {
    expect(answerId("we don't use containers yet, when would they make sense?")).toBe(
      "when-to-choose-containers",
    );
  });

  it("moves nothing but those two entries: a question about databases stays one", () => {
    expect(answerId("should we run postgres in containers instead of vms")).toBe(
      "stateful-workloads-and-databases",
    );
    const explained = qa.asker.explain("when is a virtual machine a better fit than a container");
    expect(explained.result.preference).toEqual({ side: "VMs", favours: true });
  });
});
