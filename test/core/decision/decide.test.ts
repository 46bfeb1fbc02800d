import { describe, expect, it } from "vitest";
import { ANSWER_KEYS, decide, parseAnswers, RECOMMENDATION_IDS } from "../../../src/core/decision/index.ts";
import { knowledgeOrThrow, publicScenarios } from "./fixtures.ts";

const knowledge = knowledgeOrThrow();

describe("decide", () => {
  it("still recommends with nothing answered, and says the checklist is unanswered", () => {
    const d = decide({}, knowledge);
    expect(RECOMMENDATION_IDS).toContain(d.recommendation);
    expect(d.unanswered).toEqual([...ANSWER_KEYS]);
    expect(d.reasons).toEqual([knowledge.rules.texts.unanswered]);
    // All options that tie at the base score are settled by the documented tie order.
    expect(d.recommendation).toBe(knowledge.rules.tieBreak[0]);
  });

  it("returns exactly the contract fields first, then the chat extras", () => {
    const d = decide({ isolation: "hard" }, knowledge);
    expect(Object.keys(d)).toEqual([
      "recommendation",
      "title",
      "scores",
      "reasons",
      "caveats",
      "unanswered",
      "runnerUp",
      "whyNotRunnerUp",
      "pivots",
      "caveatDetails",
    ]);
    expect(Object.keys(d.scores)).toEqual([...RECOMMENDATION_IDS]);
    expect(d.title).toBe(knowledge.recommendations.find((r) => r.id === d.recommendation)?.title);
  });

  it("reasons like the documents on clear-cut cases", () => {
    expect(decide({ isolation: "hard", deploys: "frequent", load: "spiky" }, knowledge).recommendation).toBe(
      "microvms",
    );
    expect(decide({ isolation: "hard", legacy: "yes", multiOs: "yes" }, knowledge).recommendation).toBe(
      "vms",
    );
    expect(decide({ hardware: "kernel" }, knowledge).recommendation).toBe("vms");
    expect(decide({ multiOs: "yes", maturity: "low" }, knowledge).recommendation).toBe("vms");
    expect(
      decide({ architecture: "microservices", state: "stateless", load: "spiky" }, knowledge).recommendation,
    ).toMatch(/^(containers|kubernetes-on-vms)$/);
    expect(
      decide({ maturity: "high", orchestration: "high", isolation: "strong" }, knowledge).recommendation,
    ).toBe("kubernetes-on-vms");
    expect(
      decide({ architecture: "mixed", state: "mixed", compliance: "strict" }, knowledge).recommendation,
    ).toBe("mixed-platform");
    const legacyMonolith = decide(
      { architecture: "monolith", legacy: "yes", compliance: "strict", maturity: "medium", multiOs: "no" },
      knowledge,
    );
    expect(legacyMonolith.recommendation).toBe("container-shaped");
  });

  it("adds the documents' caveats when they apply", () => {
    const containers = decide(
      { architecture: "microservices", state: "stateless", maturity: "low" },
      knowledge,
    );
    expect(containers.recommendation).toBe("containers");
    const text = containers.caveats.join(" ");
    expect(text).toMatch(/rootless/);
    expect(text).toMatch(/EKS, AKS, GKE or ECS/);
    const k8s = decide(
      { maturity: "high", orchestration: "high", state: "stateful", isolation: "strong" },
      knowledge,
    );
    expect(k8s.recommendation).toBe("kubernetes-on-vms");
    expect(k8s.caveatDetails.map((c) => c.text).join(" ")).toMatch(/service boundaries/);
    expect(k8s.caveats.join(" ")).toMatch(/leave databases where they run reliably/);
    expect(decide({ hardware: "kernel" }, knowledge).caveats.join(" ")).not.toMatch(/rootless/);
  });

  it("explains why the runner-up lost with the rules that separated them", () => {
    const d = decide({ isolation: "hard", deploys: "frequent", load: "spiky" }, knowledge);
    expect(d.runnerUp).not.toBe(d.recommendation);
    const title = knowledge.recommendations.find((r) => r.id === d.runnerUp)?.title ?? "";
    expect(d.whyNotRunnerUp.text).toContain(title);
    expect(d.whyNotRunnerUp.text).toContain(
      knowledge.rules.rules.find((r) => r.id === "isolation-hard")?.reason,
    );
    expect(d.whyNotRunnerUp.sources.length).toBeGreaterThan(0);
  });

  it("explains a tie with the tie-break text", () => {
    const d = decide({}, knowledge);
    expect(d.scores[d.recommendation]).toBe(d.scores[d.runnerUp]);
    expect(d.whyNotRunnerUp.sources).toEqual(knowledge.rules.texts.whyNotRunnerUpTied.sources);
  });

  it("lists pivots for unanswered keys too", () => {
    const d = decide({ isolation: "hard" }, knowledge);
    expect(d.pivots.some((p) => p.from === null)).toBe(true);
    expect(d.pivots.every((p) => p.recommendation !== d.recommendation)).toBe(true);
  });
});

describe("public evaluation scenarios", () => {
  it.each(publicScenarios().map((s) => [s.name, s] as const))("%s", (_, scenario) => {
    const d = decide(parseAnswers(scenario.answers), knowledge);
    expect(scenario.accept).toContain(d.recommendation);
    expect(d.reasons.length).toBeGreaterThan(0);
    for (const r of d.reasons) expect(r.sources.length).toBeGreaterThan(0);
  });
});
