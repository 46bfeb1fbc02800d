import { describe, expect, it } from "vitest";
import {
  ANSWER_KEYS,
  ANSWER_VALUES,
  decide,
  parseAnswers,
  RECOMMENDATION_IDS,
  reasonOfAnswer,
  scored,
} from "../../../src/core/decision/index.ts";
import { knowledgeOrThrow, publicScenarios } from "./fixtures.ts";

const knowledge = knowledgeOrThrow();
const { labels } = knowledge.rules;

describe("reasonOfAnswer", () => {
  it("gives the reason of the rule one answer fires, the one counting most for the pick first", () => {
    const answers = parseAnswers({ state: "mixed", load: "spiky", deploys: "regular" });
    const rule = (id: string) => knowledge.rules.rules.find((r) => r.id === id)!;
    expect(reasonOfAnswer(answers, knowledge, "state", "mixed-platform")).toEqual({
      text: rule("state-mixed").reason,
      sources: rule("state-mixed").sources,
    });
    // An unanswered question fires nothing.
    expect(reasonOfAnswer(answers, knowledge, "hardware", "mixed-platform")).toBeUndefined();
    // For every answer and option: the fired rule of that question weighing most for the option,
    // or nothing where none weighs for it (a reason against the pick would argue with it).
    for (const key of ANSWER_KEYS)
      for (const value of ANSWER_VALUES[key])
        for (const id of RECOMMENDATION_IDS) {
          const fired = knowledge.rules.rules.filter(
            (r) => r.when.key === key && r.when.values.includes(value),
          );
          const weightOf = (r: (typeof fired)[number]) => r.weights[id] ?? 0;
          const best = Math.max(0, ...fired.map(weightOf));
          const r = reasonOfAnswer(parseAnswers({ [key]: value }), knowledge, key, id);
          if (best === 0) expect(r, `${key}=${value} for ${id}`).toBeUndefined();
          else
            expect(weightOf(fired.find((f) => f.reason === r?.text)!), `${key}=${value} for ${id}`).toBe(
              best,
            );
        }
  });
});

describe("decide", () => {
  it("makes no headline recommendation with nothing answered: it names the leading options", () => {
    const d = decide({}, knowledge);
    expect(RECOMMENDATION_IDS).toContain(d.recommendation);
    expect(d.provisional).toBe(true);
    expect(d.unanswered).toEqual([...ANSWER_KEYS]);
    expect(d.reasons).toEqual([knowledge.rules.texts.unanswered]);
    expect(d.leading.map((l) => l.id)).toContain(d.recommendation);
    expect(d.leading.length).toBe(3);
    expect(d.decisive.length).toBeGreaterThan(0);
    // Nothing tells the tied options apart, and the decision says so instead of picking by order.
    expect(d.close?.decidedBy).toBeNull();
    expect(d.whyNotRunnerUp.text).toContain("none of your answers tells them apart");
  });

  it("warns that the documents say nothing of GPUs in microVMs when microVMs are picked for a GPU workload", () => {
    const gpu = knowledge.rules.caveats.find((c) => c.id === "gpus-in-microvms")!;
    const d = decide({ isolation: "hard", hardware: "gpu", maturity: "high" }, knowledge);
    expect(d.recommendation).toBe("microvms");
    expect(d.caveats).toContain(gpu.text);
    expect(
      decide({ isolation: "hard", hardware: "none", maturity: "high" }, knowledge).caveats,
    ).not.toContain(gpu.text);
  });

  it("is provisional below three answers and firm from three on", () => {
    expect(decide({ isolation: "hard", load: "spiky" }, knowledge).provisional).toBe(true);
    expect(decide({ isolation: "hard", load: "spiky", maturity: "high" }, knowledge).provisional).toBe(false);
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
      "provisional",
      "leading",
      "constraints",
      "excluded",
      "close",
      "decisive",
      "runnerUp",
      "whyNotRunnerUp",
      "whyNot",
      "pivots",
      "caveatDetails",
    ]);
    expect(Object.keys(d.scores)).toEqual([...RECOMMENDATION_IDS]);
    // Why not every other option.
    expect(Object.keys(d.whyNot).sort()).toEqual(
      RECOMMENDATION_IDS.filter((id) => id !== d.recommendation).sort(),
    );
    expect(d.title).toBe(knowledge.recommendations.find((r) => r.id === d.recommendation)?.title);
  });

  it("says why not each option: ruled out, level with the pick, or further down", () => {
    // Three options level at the top; legacy software rules the container-only options out.
    const d = decide(
      {
        isolation: "strong",
        deploys: "regular",
        state: "stateful",
        legacy: "yes",
        hardware: "none",
        load: "spiky",
      },
      knowledge,
    );
    const level = RECOMMENDATION_IDS.filter(
      (id) => id !== d.recommendation && d.scores[id] === d.scores[d.recommendation],
    );
    expect(level.length).toBeGreaterThanOrEqual(2);
    for (const id of level) {
      // Never "has more in its favour" when the scores are equal: the tie and what broke it.
      expect(d.whyNot[id]!.text, id).toMatch(/both scored/);
      expect(d.whyNot[id]!.text, id).not.toContain("simply has more");
    }
    expect(d.excluded.length).toBeGreaterThan(0);
    for (const id of d.excluded)
      expect(d.whyNot[id]!.text, id).toContain(d.constraints.find((c) => c.excluded.includes(id))!.text);
    // An option further down, allowed and behind: its own score against the pick's.
    const below = decide(
      { architecture: "microservices", deploys: "frequent", load: "spiky", maturity: "high" },
      knowledge,
    );
    const further = RECOMMENDATION_IDS.find(
      (id) =>
        id !== below.recommendation &&
        id !== below.runnerUp &&
        !below.excluded.includes(id) &&
        below.scores[id] < below.scores[below.recommendation],
    )!;
    expect(below.whyNot[further]!.text).toContain(
      `scored ${scored(below.scores[further], labels)} against ${scored(below.scores[below.recommendation], labels)} for ${below.title}`,
    );
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
    // An old core on another operating system beside new services: split the platform.
    expect(decide({ architecture: "mixed", legacy: "yes", multiOs: "yes" }, knowledge).recommendation).toBe(
      "mixed-platform",
    );
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
    expect(k8s.caveats.join(" ")).toMatch(/move the stateless services first/);
    expect(k8s.caveats.join(" ")).toMatch(/eases version upgrades/);
    expect(decide({ hardware: "kernel" }, knowledge).caveats.join(" ")).not.toMatch(/rootless/);
  });

  it("explains why the runner-up lost with what counts against it, not what favours it", () => {
    const d = decide({ isolation: "hard", deploys: "frequent", load: "spiky", maturity: "high" }, knowledge);
    expect(d.recommendation).toBe("microvms");
    expect(d.runnerUp).toBe("vms");
    const reason = (id: string) => knowledge.rules.rules.find((r) => r.id === id)?.reason ?? "?";
    expect(d.whyNotRunnerUp.text).toContain("Virtual machines");
    // isolation=hard favours VMs too, so it is no argument against them.
    expect(d.whyNotRunnerUp.text).not.toContain(reason("isolation-hard"));
    expect(d.whyNotRunnerUp.text).toContain(reason("deploys-frequent"));
    expect(d.whyNotRunnerUp.sources.length).toBeGreaterThan(0);
  });

  it("names the hard requirement when the runner-up is ruled out", () => {
    const d = decide({ isolation: "hard", legacy: "yes", architecture: "microservices" }, knowledge);
    expect(d.recommendation).toBe("vms");
    expect(d.excluded).not.toContain("vms");
    expect(d.whyNotRunnerUp.text).toContain("Hard requirement");
    expect(d.constraints.map((c) => c.id)).toEqual([
      "hard-isolation-needs-a-hypervisor",
      "legacy-needs-a-full-os",
      "legacy-beside-new-services",
    ]);
  });

  it("decides a tie by the answers and says it was close", () => {
    // Found by search: microVMs and VMs tie at 3; isolation=hard favours both, maturity=medium
    // favours neither, so the first separating answer decides.
    const answers = { isolation: "hard", maturity: "medium", multiOs: "no" } as const;
    const d = decide(answers, knowledge);
    expect(d.close).not.toBeNull();
    if (d.scores[d.recommendation] === d.scores[d.runnerUp]) {
      expect(d.close?.decidedBy).not.toBeNull();
      expect(d.whyNotRunnerUp.text).toContain("the tie goes to");
    }
    expect(d.close?.text).toMatch(new RegExp(`^${d.title} ${scored(d.scores[d.recommendation], labels)}, `));
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
