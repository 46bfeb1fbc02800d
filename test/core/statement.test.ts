import { describe, expect, it } from "vitest";
import { statesSomething } from "../../src/core/walkthrough/statement.ts";

describe("a sentence typed in a checklist's thread, read as an answer only when it states something", () => {
  it.each([
    "we run our customers' own code in sandboxes, so it's untrusted",
    "we have jenkins pipelines and some terraform, but no dedicated platform people",
    "like I said: small platform team, some terraform, CI in gitlab",
    "hmm, we do have a platform team",
    "it's customer code, so untrusted",
    "all linux",
    "our traffic is very spiky around sales events",
    // a statement about the team that does not say "we"
    "game servers keep match state in memory, player data is in a managed database",
    "really spiky, huge peaks on launch days and weekends",
    "strict, we're audited under SOC 2 and ISO 27001",
    "bursty, when a big experiment kicks off",
    "a managed cluster like GKE would be fine",
    "the regulators want real separation between tenants",
    // a negation whose subject is left out (blind trial 24's was answered as a question)
    "we're on EKS, dont need our own control plane",
    "dont need gpus",
  ])("states %j", (text) => {
    expect(statesSomething(text)).toBe(true);
  });

  it.each([
    // questions, with or without a question mark, and negated ones that mean the opposite
    "do we really ship several times a day?",
    "isnt customer code untrusted",
    "dont we run untrusted customer code",
    "hey, do we run untrusted code",
    "has anyone checked if we run untrusted code",
    "howdy, how often do teams deploy daily",
    "lol we deploy daily? more like never",
    "we deploy daily. Can containers handle that",
    "we deploy daily, can containers handle that",
    "we run customer code - how should we isolate it",
    // wishes, plans and doubts, which the reader would take as today's facts or the other way round
    "I want to know how untrusted customer code is isolated",
    "we want to deploy daily",
    "we will have a platform team next quarter",
    "running our own clusters would be a nightmare",
    "our CTO wants a platform team",
    "daily would be ideal",
    "we lack a platform team",
    "we plan to deploy daily next year",
    "I doubt we run untrusted code",
    "maybe untrusted customer code",
    // requests
    "explain hard isolation for untrusted code",
    "tell me whether untrusted customer code needs hard isolation",
    "please explain rollback for teams that deploy daily",
    "show me how to run windows containers on linux",
    // suppositions and hearsay
    "suppose we had a platform team",
    "if we ran customers code it would be untrusted",
    "Bob says we run untrusted customer code but I disagree",
  ])("does not state %j", (text) => {
    expect(statesSomething(text)).toBe(false);
  });
});
