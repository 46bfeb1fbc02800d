import { describe, expect, it } from "vitest";
import { askJson } from "../../../src/adapters/cli/ask.ts";
import { asksForPrice, asksToWrite } from "../../../src/core/ask.ts";
import { buildQuestionAnswering } from "../../../src/core/questions.ts";
import { askReply, unnamedNote } from "../../../src/core/replies/answers.ts";
import { knowledge } from "../../helpers/bot.ts";

const qa = buildQuestionAnswering(knowledge);
const { responses } = knowledge;

describe("an answer to a question naming a product the documents never mention says so (lexicon notInDocuments)", () => {
  it("names them as the lexicon writes them, in the question's order, parts of hyphenated words and plurals too", () => {
    // (An offer of "did you mean" names them too: which it gets is the matcher's close call.)
    const unnamed = (q: string) => {
      const o = qa.asker.ask(q);
      if (o.kind !== "answer" && o.kind !== "no-match") throw new Error(`not answered: ${q} (${o.kind})`);
      return o.unnamed;
    };
    expect(unnamed("kata containers vs gvisor")).toEqual(["gVisor"]);
    expect(unnamed("lxc or a kvm guest for our build servers")).toEqual(["LXC"]);
    expect(unnamed("can i run docker in wsl2 instead of a vm")).toEqual(["WSL2"]);
    expect(unnamed("systemd-nspawn containers vs vms for isolation")).toEqual(["systemd-nspawn"]);
    expect(unnamed("is an nspawn-based sandbox a container")).toEqual(["nspawn"]);
    expect(unnamed("unikernels vs containers for isolation")).toEqual(["unikernel"]);
    expect(unnamed("podman or lxc for running containers")).toEqual(["Podman", "LXC"]);
    // A blind trial's questions on named tools: scanners, KubeVirt, a GPU vendor.
    expect(unnamed("Which image scanning tool should we use, Trivy or Snyk?")).toEqual(["Trivy", "Snyk"]);
    expect(unnamed("can we run VMs inside kubernetes? like KubeVirt")).toEqual(["KubeVirt"]);
    // Another trial's: HPC runtimes and named compliance regimes (the documents say "compliance").
    expect(unnamed("is apptainer more secure than docker containers?")).toEqual(["Apptainer"]);
    // Read as "gpu" by the synonyms, and still named (a blind trial's got the answer on clashing
    // library versions without a word on it).
    expect(unnamed("students each want different cuda versions on the same box")).toEqual(["CUDA"]);
    expect(unnamed("does pci dss allow containers in the cardholder environment")).toEqual(["PCI DSS"]);
    // An ordinary word is a name only in its phrase: the bus, a ship's helm.
    expect(unnamed("can I do GPU PCI passthrough to a VM?")).toBeUndefined();
    expect(unnamed("with a platform team at the helm, should we run containers or vms?")).toBeUndefined();
    expect(unnamed("helm charts or plain manifests for kubernetes deployments")).toEqual(["Helm chart"]);
    expect(unnamed("do hipaa rules let us run patient data in containers")).toEqual(["HIPAA"]);
    // A name of several words, where its words stand in a row (and in the plural).
    expect(unnamed("is live migration possible with containers?")).toEqual(["live migration"]);
    expect(unnamed("do live migrations work for containers")).toEqual(["live migration"]);
    expect(unnamed("is live-migration possible with containers?")).toEqual(["live migration"]);
    expect(unnamed("can a windows container run on linux hosts?")).toEqual(["Windows containers"]);
    // Not across punctuation: this asks about Windows, and containers or VMs.
    expect(unnamed("which is better for windows: containers or vms?")).toBeUndefined();
    expect(unnamed("can we migrate containers live between hosts")).toBeUndefined();
    // Names the documents do use, no product at all, and words that are also products but are
    // not listed for that reason: nothing to say.
    expect(unnamed("what are kata containers")).toBeUndefined();
    expect(unnamed("can we run databases in containers?")).toBeUndefined();
    expect(unnamed("we run a swarm of microservices, should they be containers or vms")).toBeUndefined();
    expect(unnamed("containers vs vms for our ranchers' inventory app")).toBeUndefined();
  });

  it("a long message answered on one sentence names only what that sentence names", () => {
    const message =
      "We host everything on a Proxmox cluster in our own rack today, and the team that runs it is small. " +
      "Most services are stateless web apps, but there is one reporting job that runs every night. " +
      "We are planning the next year and would like to settle one question before the budget is set. " +
      "Can the billing service keep its Postgres data in a container safely?";
    const o = qa.asker.ask(message);
    if (o.kind !== "answer" || !o.focus) throw new Error(`not answered on a sentence: ${o.kind}`);
    expect(o.focus).not.toMatch(/proxmox/i);
    expect(o.unnamed).toEqual(["Postgres"]);
    const named = qa.asker.ask(message.replace("in a container safely", "in a container on Proxmox safely"));
    if (named.kind !== "answer" || !named.focus) throw new Error(`not answered on a sentence: ${named.kind}`);
    expect(named.unnamed).toEqual(["Postgres", "Proxmox"]);
  });

  it("a request to write code or verse is declined, with the entry surely matched offered (asksToWrite)", () => {
    const write = (q: string) => {
      const o = qa.asker.ask(q);
      return o.kind === "no-match" && o.why === "write" ? o : undefined;
    };
    // Blind trial 13's, and the poem left over from trial 12.
    for (const q of [
      "lol ok. can you write me a dockerfile for a node app",
      "write a haiku about kubernetes",
      // Trial 15.
      "can you help me write a cover letter for a devops job?",
      "write me a poem about docker",
      "generate a k8s manifest for my app",
    ])
      expect(write(q), q).toBeDefined();
    // The Dockerfile entry is one press away; the verse gets what the documents cover instead.
    const dockerfile = write("can you write me a dockerfile for a node app")!;
    expect(dockerfile.suggestions.map((e) => e.id)).toEqual(["dockerfile"]);
    const haiku = askReply(write("write a haiku about kubernetes")!, qa.context, "asked-0");
    expect(haiku.summary).toBe(responses.decline.cannotWrite);
    const menu = haiku.parts.find((p) => p.type === "buttons");
    expect(menu?.type === "buttons" && menu.buttons.map((b) => b.action.type)).toEqual(["topics", "help"]);
    // Questions about writing one, and requests for what the documents say, are no requests to
    // write (an independent review's, each of which was declined).
    for (const q of [
      "how do i write a dockerfile?",
      "give me a summary of vms vs containers",
      "compose file or k8s manifests for a 3-service app?",
      "create an image from our code?",
      "give me some examples of untrusted code",
      "give me a recommendation for our code",
      "write once run anywhere code, is that containers?",
      // A second review's.
      "give me the config options for kata containers",
      "give me the dockerfile best practices",
    ])
      expect(asksToWrite(q), q).toBe(false);
    // A product the documents never mention is still named.
    expect(write("write me a dockerfile that runs under podman")?.unnamed).toEqual(["Podman"]);
  });

  it("an answer to a question asking for a price says the documents give none (asksForPrice)", () => {
    // (A question only offered "did you mean" carries no note: its reading is asksForPrice's.)
    const priced = (q: string) => {
      const o = qa.asker.ask(q);
      if (o.kind === "no-match") return asksForPrice(q);
      if (o.kind !== "answer") throw new Error(`not answered: ${q} (${o.kind})`);
      return o.priced === true;
    };
    expect(priced("how much does EKS cost per month?")).toBe(true);
    expect(priced("what would 50 VMs cost on AWS per month roughly")).toBe(true);
    expect(priced("is container pricing lower than vm pricing")).toBe(true);
    // Comparing costs is what the documents do: no note.
    expect(priced("which is cheaper, vms or containers?")).toBe(false);
    expect(priced("what hidden costs come with adopting containers")).toBe(false);
    // Rates of releases and prices paid in other coin (an independent review).
    expect(priced("we release once a month, are vms fine?")).toBe(false);
    expect(priced("we have 200 deploys per month, is kubernetes worth it?")).toBe(false);
    expect(priced("what price do we pay in performance for VM isolation?")).toBe(false);
    expect(priced("how much does kubernetes cost us in engineering time?")).toBe(false);
    // Money in a place is still money (a third review).
    expect(priced("how much do vms cost in the cloud?")).toBe(true);
    const outcome = qa.asker.ask("how much does EKS cost per month?");
    if (outcome.kind !== "answer") throw new Error(outcome.kind);
    const reply = askReply(outcome, qa.context, "asked-1");
    expect(reply.parts[1]).toEqual({ type: "context", text: responses.answer.noPrices });
    // Exact figures asked for: the same kind of note (trial 12).
    const ms = qa.asker.ask("how many ms does a firecracker microvm boot in");
    if (ms.kind !== "answer") throw new Error(ms.kind);
    expect(askReply(ms, qa.context, "asked-2").parts[1]).toEqual({
      type: "context",
      text: responses.answer.noFigures,
    });
    // Milliseconds asked for "in ms" (trial 13), not "in seconds", which the documents give.
    const inMs = qa.asker.ask("how fast do firecracker vms boot in ms?");
    expect(inMs.kind === "answer" && inMs.figures).toBe(true);
    // A share asked for "in percent" (trial 15).
    const percent = qa.asker.ask("what's the CPU overhead of a hypervisor in percent?");
    expect(percent.kind === "answer" && percent.figures).toBe(true);
    // Or "like percent", "what percent" (a blind trial's), not a share the question states.
    for (const q of ["how much overhead does a vm add, like percent", "what percent slower are vms?"]) {
      const share = qa.asker.ask(q);
      expect(share.kind === "answer" && share.figures, q).toBe(true);
    }
    const stated = qa.asker.ask("90 percent of our apps are java, is the vm overhead worth it?");
    expect(stated.kind === "answer" && stated.figures).toBeFalsy();
    // Not Microsoft (an independent review's).
    const azure = qa.asker.ask("can we run windows containers in ms azure?");
    expect(azure.kind === "answer" && azure.figures).toBeFalsy();
    const plain = qa.asker.ask("how fast do microvms boot compared to containers");
    expect(plain.kind === "answer" && plain.figures).toBeFalsy();
    // A duration of work asks for figures; a start-up time is answered in the documents' ranges.
    const migration = qa.asker.ask("how long will migrating 400 vms take");
    expect(migration.kind === "answer" && migration.figures).toBe(true);
    const boot = qa.asker.ask("how long does a vm take to boot");
    expect(boot.kind === "answer" && boot.figures).toBeFalsy();
    // The names the trials asked about that none of the five documents uses.
    const o = qa.asker.ask(
      "what about VMware Tanzu or OpenShift Virtualization to run vms and containers together",
    );
    expect(o.kind === "answer" || o.kind === "no-match" ? o.unnamed : undefined).toEqual([
      "Tanzu",
      "OpenShift Virtualization",
    ]);
    // A registry and a secret store by name (trial 15).
    for (const [q, name] of [
      ["which container registry should we use, docker hub or github?", "Docker Hub"],
      ["how should we handle secrets like DB passwords inside containers? vault?", "Vault"],
    ] as const) {
      const said = qa.asker.ask(q);
      expect(said.kind === "answer" || said.kind === "no-match" ? said.unnamed : undefined, q).toEqual([
        name,
      ]);
    }
    // A game-server orchestrator (trial 13), offered "did you mean" with the name said.
    const agones = qa.asker.ask("agones vs just plain k8s for our game servers?");
    expect(agones.kind === "answer" || agones.kind === "no-match" ? agones.unnamed : undefined).toEqual([
      "Agones",
    ]);
    // A nomad is a word too: only HashiCorp's is a name.
    const nomads = qa.asker.ask("digital nomad team, we work remotely: vms or containers?");
    expect("unnamed" in nomads ? nomads.unnamed : undefined).toBeUndefined();
    const hashicorp = qa.asker.ask("hashicorp nomad or kubernetes for our containers?");
    expect("unnamed" in hashicorp ? hashicorp.unnamed : undefined).toEqual(["HashiCorp Nomad"]);
  });

  it("the reply says it right under the question answered, before the answer, and ask --json shows it", () => {
    const outcome = qa.asker.ask("podman or lxc for running containers");
    if (outcome.kind !== "answer") throw new Error(outcome.kind);
    const note = unnamedNote(["Podman", "LXC"], responses);
    expect(note).toBe(responses.answer.notInDocuments.replace("{names}", "Podman and LXC"));
    const reply = askReply(outcome, qa.context, "asked-1");
    const kinds = reply.parts.map((p) => p.type);
    const at = reply.parts.findIndex((p) => p.type === "context" && p.text === note);
    expect(kinds[0]).toBe("subtitle");
    expect(at).toBe(1);
    expect(at).toBeLessThan(kinds.indexOf("text"));
    expect(askJson("podman or lxc for running containers", qa).text).toContain(note);
    expect(unnamedNote(["gVisor", "LXC", "Nomad"], responses)).toContain("gVisor, LXC, and Nomad");
  });

  it("'did you mean' says it in a line of its own above its text, and a decline in its one sentence", () => {
    const gvisor = qa.asker.ask("gvisor");
    expect(gvisor.kind).toBe("no-match");
    const offered = askReply(gvisor, qa.context);
    expect(offered.parts[0]).toEqual({
      type: "context",
      text: responses.decline.notInDocuments.replace("{names}", "gVisor"),
    });
    expect(offered.parts[1]?.type).toBe("text");
    // A decline says why once (a blind trial read the line and "don't cover that" as the same twice).
    for (const [q, names] of [
      ["is portainer any good", "Portainer"],
      ["how do i configure istio mtls", "Istio"],
      ["how much would we save moving off heroku", "Heroku"],
    ] as const) {
      const o = qa.asker.ask(q);
      expect(o.kind, q).toBe("out-of-scope");
      const reply = askReply(o, qa.context);
      expect(reply.parts[0], q).toEqual({
        type: "text",
        text: responses.decline.notCoveredNamed.replace("{names}", names),
      });
      expect(
        reply.parts.filter((p) => p.type === "context" || p.type === "text"),
        q,
      ).toHaveLength(1);
    }
    // And not when the question names none.
    const plain = askReply(qa.asker.ask("how do i center a div"), qa.context);
    expect(plain.parts[0]?.type).toBe("text");
  });
});
