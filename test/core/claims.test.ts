import { describe, expect, it } from "vitest";
import { claimAsked } from "../../src/core/claims.ts";

describe("claimAsked", () => {
  it("takes the claim a message asks the source of, in the ways people ask", () => {
    const cases: [string, string][] = [
      [
        "which doc says the containers inside VM thing? I want to show my lead",
        "the containers inside VM thing",
      ],
      [
        "Which document says that a single kernel compromise can reach many workloads? Please give me the exact section.",
        "a single kernel compromise can reach many workloads",
      ],
      ["where do the docs say to keep databases on vms?", "to keep databases on vms"],
      ["which doc says containers are cheaper", "containers are cheaper"],
      ["which doc mentions that containers share the host kernel?", "containers share the host kernel"],
      [
        "Does the process-centric document actually claim that containers give a better audit trail than VMs?",
        "containers give a better audit trail than VMs",
      ],
      // In a later sentence, and without what it is for.
      [
        "so basically yes, we'd rebuild a hundred images. which doc says the rebuild-and-redeploy bit, I want to send it on",
        "the rebuild-and-redeploy bit",
      ],
    ];
    for (const [message, claim] of cases) expect(claimAsked(message), message).toBe(claim);
  });

  it("takes none from a request for the answer before's sources, or a question of what a document says", () => {
    for (const message of [
      "which doc says that?",
      "which docs back that up",
      "which doc is that from?",
      "what documents do you use?",
      "what does the 2026 document say about microvms?",
      "which is cheaper, vms or containers?",
      // A topic, not a claim: that answer.
      "which document covers ci pipelines?",
      // Which option, not which document (an independent review's).
      "which one backs up easier, a VM or a container?",
      "which one supports gpus better?",
    ])
      expect(claimAsked(message), message).toBeUndefined();
  });
});
