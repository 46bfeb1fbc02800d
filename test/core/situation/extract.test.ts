import { describe, expect, it } from "vitest";
import { ANSWER_VALUES, type AnswerKey } from "../../../src/core/decision/contract.ts";
import { SituationReader } from "../../../src/core/situation/extract.ts";
import { situationsSchema } from "../../../src/knowledge/situationSchema.ts";
import { knowledge } from "../../helpers/bot.ts";

const reader = new SituationReader(knowledge);
const values = (text: string) =>
  Object.fromEntries(Object.entries(reader.read(text).understood).map(([k, u]) => [k, u.value]));

describe("SituationReader", () => {
  it("reads the issue's example, quoting the words behind each answer", () => {
    const r = reader.read(
      "We're three engineers with a legacy Solaris app, a couple of releases a year and a regulator breathing down our neck — VMs or containers?",
    );
    expect(r.understood).toEqual({
      compliance: { value: "strict", evidence: "regulator" },
      deploys: { value: "rare", evidence: "couple of releases a year" },
      multiOs: { value: "yes", evidence: "Solaris" },
      legacy: { value: "yes", evidence: "legacy" },
    });
    expect(r.asksToChoose).toBe(true);
  });

  it("reads the cue phrases the issue names", () => {
    expect(values("we load third-party plugins we don't control")).toMatchObject({ isolation: "hard" });
    expect(values("we ship a few releases a year")).toMatchObject({ deploys: "rare" });
    expect(values("SOX applies to all of it")).toMatchObject({ compliance: "strict" });
    expect(values("we run Solaris next to Linux")).toMatchObject({ multiOs: "yes" });
    expect(values("we run our own patched kernel")).toMatchObject({ hardware: "kernel" });
    expect(values("the shop has seasonal peaks")).toMatchObject({ load: "spiky" });
  });

  it("negation flips a cue to its group's negated value, or drops it", () => {
    expect(values("nothing regulated here")).toEqual({ compliance: "none" });
    expect(values("there is no database of our own")).toEqual({ state: "stateless" });
    expect(values("we'd rather not run clusters")).toEqual({ orchestration: "low" });
    expect(values("we don't need GPUs")).toEqual({ hardware: "none" });
    // A skill the team does not have is no platform maturity.
    expect(values("platform engineering just isn't a skill we have")).toEqual({});
    // A negated cue without a negated value says nothing.
    expect(values("it is not a monolith")).toEqual({});
    // A negator in another clause does not reach the cue.
    expect(values("not sure, we are regulated")).toEqual({ compliance: "strict" });
    // Nor past a joiner onto what is said to be the only one (blind trial 21's what-if read no
    // legacy software and dropped "only linux").
    expect(values("we had no legacy software and only linux")).toEqual({ legacy: "no", multiOs: "no" });
    expect(values("no legacy software and windows")).toEqual({ legacy: "no" });
  });

  it("reads a regulator's demand for hypervisor separation as hard isolation (blind trial 21)", () => {
    expect(
      values("the regulator requires hypervisor separation between the claims data and the fraud services"),
    ).toEqual({
      isolation: "hard",
      compliance: "strict",
    });
  });

  it("the negation window counts words that say something, not filler", () => {
    expect(values("none of our workloads are in scope for any audit")).toEqual({ compliance: "none" });
    expect(values("~8 flask services, none of them keep state")).toEqual({
      architecture: "microservices",
      state: "stateless",
    });
    // "stateful" is not the word "state": an agency name says nothing.
    expect(values("we are a state agency")).toEqual({});
  });

  it("the past and the possible say nothing of today", () => {
    expect(values("we used to be a monolith")).toEqual({});
    expect(values("we used to run Windows and Linux side by side")).toEqual({});
    expect(values("we might add GPUs next year")).toEqual({});
    expect(values("we add GPUs next year")).toEqual({ hardware: "gpu" });
  });

  it("the past says nothing, not the opposite, even for cues with a negated value; a passive is no past", () => {
    // load, state and orchestration have negated values: the past must not pick them.
    expect(values("Our load used to be unpredictable.")).toEqual({});
    expect(values("we used to run our own clusters")).toEqual({});
    expect(values("Terraform is used to run our own clusters")).toEqual({ orchestration: "high" });
    expect(values("We are planning for spiky traffic on launch day")).toEqual({ load: "spiky" });
  });

  it("a negating phrase negates as a negator does, also inside a cue's gaps", () => {
    // "load is … flat" would read steady with "far from" in its gap; negated, steady says nothing.
    expect(values("our load is far from flat")).toEqual({});
    expect(values("our load is pretty flat")).toEqual({ load: "steady" });
    expect(values("we are far from regulated")).toEqual({ compliance: "none" });
    // Doubt is no negation: "not sure about compliance yet" says nothing about it.
    expect(values("not sure about compliance yet")).toEqual({});
    // (Not "…, maybe SOC2 next year": a regime named beside the doubt is read, as "SOC 2" always
    // was; the reader has no future tense for compliance.)
    expect(values("we are not regulated")).toEqual({ compliance: "none" });
    // Quoted from its first word; only inside one clause.
    expect(reader.read("we are far from regulated").understood).toEqual({
      compliance: { value: "none", evidence: "far from regulated" },
    });
    expect(values("we are far, from what I hear, regulated")).toEqual({ compliance: "strict" });
    // "anything but": "but" there sets nothing against anything (tokens.ts).
    expect(values("we are anything but regulated")).toEqual({ compliance: "none" });
    expect(values("our load is anything but spiky")).toEqual({ load: "steady" });
    expect(values("it was a monolith, but now it is 30 services")).toEqual({ architecture: "microservices" });
    // Dropping and removing are no negations in a description (what-ifs: followUp.ts supposition).
    expect(values("when new episodes drop the traffic spikes 10x")).toEqual({ load: "spiky" });
    expect(values("we want to remove the ops burden of our legacy windows apps")).toMatchObject({
      legacy: "yes",
    });
  });

  it("a rate between two bands reads as both, which leaves it open; '-ish' is said loosely", () => {
    // 3 a week is more than weekly (regular) and less than daily (frequent).
    for (const text of ["we deploy several times a week", "we deploy 2-3 times a week"]) {
      const r = reader.read(text);
      expect(r.understood, text).toEqual({});
      expect(r.conflicts, text).toEqual(["deploys"]);
    }
    expect(values("we deploy twice a week")).toEqual({ deploys: "regular" });
    // Another reading of the key settles it (a second review).
    expect(values("we deploy daily, with hotfixes several times a week")).toEqual({ deploys: "frequent" });
    expect(values("we deploy every day")).toEqual({ deploys: "frequent" });
    expect(values("we deploy every two weeks-ish")).toEqual({ deploys: "regular" });
  });

  it("a word of another value in a cue's gap stops the cue (situations.yaml notAcross)", () => {
    // "tenants run our code" is standard; "untrusted" between its words is not a filler.
    expect(values("our tenants run untrusted code")).toEqual({ isolation: "hard" });
    expect(values("our tenants run our code")).toEqual({ isolation: "standard" });
    // Customers' plugins are untrusted code; our own developers' are not (an independent review).
    expect(values("customers upload their own javascript plugins that we execute server side")).toEqual({
      isolation: "hard",
    });
    expect(values("our developers install their own plugins in vscode")).toEqual({});
    // ...and customers' plugins and scripts in general, unless the team wrote them (a second review).
    for (const text of [
      "we run customer plugins",
      "customer scripts run on our servers",
      "we execute their plugins in our process",
      // Tenants' too (trial 13).
      "we run a saas where tenants upload plugins we execute",
      "our tenant scripts run on shared nodes",
    ])
      expect(values(text), text).toEqual({ isolation: "hard" });
    expect(values("we wrote the customer plugins ourselves, all in-house")).toEqual({});
    expect(values("we wrote the tenant plugins ourselves, all in-house")).toEqual({});
    // "not so" is a degree, not a clause of its own (an independent review's).
    expect(values("we are not so regulated")).toEqual({ compliance: "none" });
    expect(values("our traffic is not so spiky")).toEqual({ load: "steady" });
    // Software bought in and run as delivered is legacy or licensed software (trial 11).
    expect(values("mostly old windows apps from vendors")).toEqual({ legacy: "yes" });
    expect(values("lots of COTS vendor software")).toEqual({ legacy: "yes" });
    // The .NET Framework runs only on Windows, behind IIS (a blind trial's Windows shop read nothing);
    // .NET 8 does not.
    expect(values("ASP.NET Framework 4.8 apps on IIS")).toEqual({ legacy: "yes" });
    expect(values("an old WebForms app")).toEqual({ legacy: "yes" });
    expect(values("some .NET 8 services")).toEqual({});
    // A version before "services" is no count of them; a count of five or more is (situations.yaml counts).
    expect(values("a few Java 17 services")).toEqual({});
    // Only in its clause: "python, 20 services" counts them (an independent review's).
    expect(values("stack: python, 20 services, postgres").architecture).toBe("microservices");
    expect(values("we run 6 small python services")).toEqual({ architecture: "microservices" });
    expect(values("we run 4 services")).toEqual({});
    // Someone else's services are no count of the team's (an independent review's).
    expect(values("we use 6 AWS services")).toEqual({});
    expect(values("our rails monolith talks to 5 external services")).toEqual({ architecture: "monolith" });
    // A what-if's "was" is read as "is" by followUp.ts, not here: in a description it is the past.
    expect(reader.read("load was steady; now it's spiky").understood).toEqual({});
  });

  it("a verb's negation right after a cue turns against it", () => {
    expect(values("HIPAA doesn't formally apply to us")).toEqual({ compliance: "none" });
    expect(values("GPUs aren't needed")).toEqual({ hardware: "none" });
    expect(values("SOX applies to all of it")).toEqual({ compliance: "strict" });
    // "nothing" is no verb's negation: the cue stands.
    expect(values("our traffic is spiky and nothing else matters")).toEqual({ load: "spiky" });
  });

  it("a negator does not reach into a clause of its own", () => {
    expect(values("We do not care that our traffic is spiky")).toEqual({ load: "spiky" });
    // Except a relative clause saying what there is none of (situations.yaml relativeClauses).
    expect(values("a few old scripts, but nothing that needs the full os")).toEqual({ legacy: "no" });
    expect(values("we don't run anything that needs the full os")).toEqual({ legacy: "no" });
    expect(values("we have no app that needs the full os")).toEqual({ legacy: "no" });
    expect(values("we have none which need gpus")).toEqual({ hardware: "none" });
    expect(values("none of which need the full os")).toEqual({ legacy: "no" });
    // After "no question", "no denying" (relativeClauses.complements) the clause is what is said.
    expect(values("there's no question that our traffic is spiky")).toEqual({ load: "spiky" });
    expect(values("no denying that we need gpus")).toEqual({ hardware: "gpu" });
    // With no negator before it, the clause still says what there is.
    expect(values("we have an old app that needs the full os")).toEqual({ legacy: "yes" });
    expect(values("anything that needs the full os runs on vms")).toEqual({ legacy: "yes" });
  });

  it("a refusal that is a clause of its own right after a cue turns it down (negatedAfter.refused)", () => {
    expect(values("run our own kubernetes, nope")).toEqual({ orchestration: "low" });
    // A managed one said beside it wins over the low appetite, as a managed one always does.
    expect(values("i'd tolerate a managed thing. running my own control plane at 3am, no thanks")).toEqual({
      orchestration: "medium",
    });
    // Not a refusal with more words to it, nor one a clause further on.
    expect(values("we deploy daily, no way around it")).toEqual({ deploys: "frequent" });
    // Nor a sentence of its own, which may be surprise as much as refusal.
    expect(values("we need gpus. no way.")).toEqual({ hardware: "gpu" });
    expect(values("we run our own clusters, no way we'd give that up")).toEqual({ orchestration: "high" });
    expect(values("we run our own clusters, the rest is managed, no thanks to finance")).toEqual({
      orchestration: "high",
    });
  });

  it("after a contrast, 'now' replaces what was said before instead of mixing with it", () => {
    expect(values("It was a monolith, but now it is 30 microservices.")).toEqual({
      architecture: "microservices",
    });
    expect(values("Our services were stateless at first, but now they keep state on local SSDs")).toEqual({
      state: "stateful",
    });
  });

  it("an 'elsewhere' phrase changes only its own cue", () => {
    expect(values("We run our own database and ship nightly backups to S3")).toEqual({ state: "stateful" });
    expect(values("We run our own clusters and a Kafka cluster")).toEqual({ orchestration: "high" });
    expect(values("we run a Kafka cluster")).toEqual({});
  });

  it("a part of the system is not the whole: 'most', 'the rest'", () => {
    expect(values("most services are stateless")).toEqual({});
    // Part of the system is no contradiction: nothing is reported as pointing both ways.
    expect(reader.read("Most services are stateless. What should we use?").conflicts).toEqual([]);
    expect(
      values("most services are stateless, but the search cluster keeps its indexes on local NVMe"),
    ).toEqual({
      state: "mixed",
    });
    expect(values("the rest is about 20 small services")).toEqual({});
    expect(values("we run about 20 small services")).toEqual({ architecture: "microservices" });
  });

  it("data kept in a managed service leaves the services stateless", () => {
    expect(values("all of them keep their data in Aurora")).toEqual({ state: "stateless" });
    expect(values("all of them keep their data on local disks")).toEqual({ state: "stateful" });
  });

  it("words with other senses speak of load only beside a word for load", () => {
    expect(values("I did a spike on Nomad last sprint")).toEqual({});
    expect(values("we get a steady stream of tickets")).toEqual({});
    expect(values("traffic spikes every evening")).toEqual({ load: "spiky" });
    expect(values("the load is steady")).toEqual({ load: "steady" });
    // A short word is read as written: "sale" is not a typo of "same".
    expect(values("traffic surges on sale days")).toEqual({ load: "spiky" });
    // A typo keeps a word's first two letters: "salaries" is not "Solaris" (several operating systems).
    expect(values("our payroll services handle salaries")).toEqual({});
    // ...and a real typo is still read: "regulted" is "regulated".
    expect(values("we are heavily regulted")).toEqual({ compliance: "strict" });
  });

  it("a negator written into a cue must be in the text", () => {
    expect(values("we load third-party plugins we do not control")).toEqual({ isolation: "hard" });
    expect(values("plugins we control")).toEqual({});
  });

  it("contrast: the plugins are ours, customers only configure them; X but Y says Y", () => {
    expect(values("The plugins are ours, customers only configure them")).toEqual({ isolation: "standard" });
    expect(values("not regulated yet, but SOC 2 audits start next quarter")).toEqual({
      compliance: "moderate",
    });
  });

  it("numbers map only in ranges the data defines", () => {
    expect(values("we run about 60 services")).toEqual({ architecture: "microservices" });
    expect(values("we have 4 services")).toEqual({});
    expect(values("3 engineers, 40ish microservices")).toEqual({ architecture: "microservices" });
    expect(values("we deploy 20 times a day")).toEqual({ deploys: "frequent" });
    expect(values("we deploy twice a week")).toEqual({ deploys: "regular" });
    expect(values("we release every 6 months")).toEqual({ deploys: "rare" });
    // 3 a week is neither weekly-to-monthly nor daily: unknown, not a guess.
    expect(values("we deploy 3 times a week")).toEqual({});
    // A frequency counts only when it is about shipping changes.
    expect(values("a yearly audit")).toEqual({});
  });

  it("team size is never mapped: the documents do not tie it to maturity", () => {
    expect(values("we are 3 engineers")).toEqual({});
    expect(values("a team of 40 developers")).toEqual({});
  });

  it("conflicting cues leave the answer unknown, and say so", () => {
    const r = reader.read("traffic is steady, with spikes");
    expect(r.understood.load).toBeUndefined();
    expect(r.conflicts).toContain("load");
  });

  it("dominating and combined values settle some disagreements", () => {
    expect(values("audited under SOX")).toEqual({ compliance: "strict" });
    expect(values("a monolith that holds the database, and stateless microservices around it")).toMatchObject(
      {
        architecture: "mixed",
        state: "mixed",
      },
    );
  });

  it("tolerates typos of cue words, and stems word forms", () => {
    expect(values("untrusted tennants")).toEqual({ isolation: "hard" });
    expect(values("a monolitic app")).toMatchObject({ architecture: "monolith" });
    expect(values("heavily regulated")).toEqual({ compliance: "strict" });
  });

  it("a prefixed word is never corrected into the word it negates; a negating prefix negates", () => {
    expect(values("load follows the news, very unpredictable")).toEqual({ load: "spiky" });
    expect(values("we are unregulated")).toEqual({ compliance: "none" });
    expect(values("independent teams, irregular hours")).toEqual({});
  });

  it("a cue scoped to one part of the system leaves its key unknown (a mixed signal)", () => {
    const r = reader.read("only the payments service is in PCI scope, everything else is unregulated");
    expect(r.understood.compliance).toBeUndefined();
    expect(r.conflicts).toContain("compliance");
    expect(values("the whole platform is PCI regulated")).toEqual({ compliance: "strict" });
  });

  it("the mere mention of a database states nothing about where state lives", () => {
    expect(values("we use Postgres and Redis")).toEqual({});
    expect(values("the monolith holds the database, the new bits are stateless")).toMatchObject({
      state: "mixed",
    });
    expect(values("stateless apart from the ledger DB")).toEqual({ state: "mixed" });
  });

  it("reads untrusted code execution said in several ways as hard isolation", () => {
    for (const t of [
      "we run code from anyone who signs up",
      "users upload scripts and we run them",
      "we execute untrusted customer code",
      "anyone can execute Python in the browser",
      // A blind trial's game studio.
      "player uploaded mods run server side",
      "players upload mods and the servers run them",
      "we run user-uploaded scripts in our workers",
      // A review's: what else users upload to be run.
      "we run user-uploaded python notebooks",
      "we execute user-uploaded binaries on demand",
      "user-uploaded WASM modules run at the edge",
      "users upload functions that we run",
      // A second review's: run, or code by nature.
      "users upload binaries that we run on our servers",
      "users upload executables",
      "our platform executes user-uploaded extensions",
    ])
      expect(values(t), t).toMatchObject({ isolation: "hard" });
    // What players upload to be stored is no code of theirs run (a review's).
    for (const t of [
      "players upload their own avatars",
      "player uploaded avatars are stored in s3",
      "users upload profile pictures and we resize them",
      "user-uploaded photos go to a bucket",
      "users upload documents and we index them",
      // A second review's: binaries, jobs and extensions that are stored or shipped, not run.
      "users upload job listings to our board",
      "users upload firmware binaries which we distribute through our CDN",
      "users upload browser extensions to our marketplace for others to download",
      "user-uploaded jobs are printed by our 3d printers",
    ])
      expect(values(t), t).not.toHaveProperty("isolation");
  });

  it("reads a checklist question answered by name, with '=', ':' or a space, and only right after the name", () => {
    expect(
      values("isolation: standard / team maturity = medium / compliance none / multi-OS: no / arch=mixed"),
    ).toEqual({
      isolation: "standard",
      maturity: "medium",
      compliance: "none",
      multiOs: "no",
      architecture: "mixed",
    });
    expect(values("legacy: no, hardware: none, state: stateful")).toEqual({
      legacy: "no",
      hardware: "none",
      state: "stateful",
    });
    expect(values('{"compliance": "strict", "arch": "mixed"}')).toEqual({
      compliance: "strict",
      architecture: "mixed",
    });
    // A word for the value that is not the contract's: valueNames; a suffix on the value.
    expect(values("isolation normal")).toEqual({ isolation: "standard" });
    expect(values("team maturity: medium-ish")).toEqual({ maturity: "medium" });
    // An answer given by name settles its key over a cue ("platform engineer" is high).
    expect(values("we've since hired a platform engineer, so I'd now put our maturity at medium")).toEqual({
      maturity: "medium",
    });
  });

  it("every name of every question, with each of its values, is read", () => {
    for (const [key, names] of Object.entries(knowledge.situations.keyNames))
      for (const name of names)
        for (const value of ANSWER_VALUES[key as AnswerKey]) {
          expect(values(`${name}: ${value}`), `${name}: ${value}`).toEqual({ [key]: value });
          expect(values(`${name} = ${value}`), `${name} = ${value}`).toEqual({ [key]: value });
        }
  });

  it("a name and a value word in ordinary prose are no answer", () => {
    // The names before the colons name the questions: no answer at all.
    expect(values("Legacy: no idea. Compliance: no idea. Multi-OS: not sure yet.")).toEqual({});
    expect(values("we have more legacy than anyone would like")).toEqual({ legacy: "yes" });
    expect(values("Isolation is hard to get right with containers")).toEqual({});
    expect(values("container isolation is strong enough for us")).toEqual({});
    expect(values("I wouldn't call our load spiky, usage is the same every day")).toMatchObject({
      load: "steady",
    });
    // Outside a list of answers a slash is no separator: the negation reaches both.
    expect(values("we don't need GPUs / kernel modules")).toEqual({ hardware: "none" });
  });

  it("a short quoted term or a word after 'called' is a name, not a statement", () => {
    expect(values("our product is literally called Legacy")).toEqual({});
    expect(values("our 'Legacy' team digitises the archive")).toEqual({});
    expect(values("our “Kernel” squad does ML research")).toEqual({});
    // A word held at a distance says nothing either: not a guess either way.
    expect(values("the only 'audit' we had was a cost review")).toEqual({});
    // An apostrophe inside or after a word is no quote.
    expect(values("we don't run legacy software")).toEqual({ legacy: "no" });
    expect(values("the devs' laptops run legacy tools")).toEqual({ legacy: "yes" });
    // A longer quote is someone's words, and is read; so is a quoted value after a name.
    expect(values("the auditor said 'all of this is strictly regulated' last year")).toMatchObject({
      compliance: "strict",
    });
    expect(values('compliance: "strict"')).toEqual({ compliance: "strict" });
    // "called" names only the word after it in its own clause.
    expect(values("no idea what the tool is called. Legacy code everywhere")).toEqual({ legacy: "yes" });
  });

  it("something decommissioned or retired is gone: nothing, not the opposite; not while it is being retired", () => {
    expect(
      values("the last Windows server was decommissioned in March - everything is Debian 12 now"),
    ).toEqual({});
    expect(values("we retired the Solaris boxes")).toEqual({});
    expect(values("the spiky batch job was retired")).toEqual({});
    expect(values("our legacy apps are being retired over the next two years")).toEqual({ legacy: "yes" });
    expect(values("we run Windows and Debian side by side")).toEqual({ multiOs: "yes" });
  });

  it("a managed store right after a state cue, or one qualifier later, is where the state lives", () => {
    expect(values("all stateless, data lives in managed RDS")).toEqual({ state: "stateless" });
    expect(values("data lives in managed RDS")).toEqual({ state: "stateless" });
    expect(values("data lives on local NVMe")).toEqual({ state: "stateful" });
    expect(
      values("a dozen microservices, none keep state locally, Postgres sits outside the cluster"),
    ).toMatchObject({
      state: "stateless",
    });
    // A store further on plays another part: the backups, a replica.
    expect(values("we run a Postgres database cluster with backups in S3")).toEqual({ state: "stateful" });
  });

  it("a monolith beside new or small services is a mixed architecture, but 'Financial services' is not", () => {
    expect(values("one big .NET Framework app, and next to it a handful of new Linux APIs")).toMatchObject({
      architecture: "mixed",
    });
    expect(values("a C++ monolith; next to it a dashboard and three small APIs")).toMatchObject({
      architecture: "mixed",
    });
    expect(values("Financial services: we modernise a legacy monolith")).toMatchObject({
      architecture: "monolith",
    });
    expect(values("a single monolith; we might split it into services next year")).toEqual({
      architecture: "monolith",
    });
    // A plan is not a part of today's system.
    expect(values("we want to break the monolith into separate services")).toEqual({
      architecture: "monolith",
    });
    expect(values("it's one monolith; we plan new services next year")).toEqual({ architecture: "monolith" });
  });

  it("device passthrough is the hardware question's 'other devices'; a kernel driver is a kernel module", () => {
    expect(values("we need USB passthrough for the dongles")).toEqual({ hardware: "gpu" });
    // Passing other things through is no device.
    expect(values("requests are passed through nginx to the app servers")).toEqual({});
    expect(values("we use TLS passthrough on the ingress")).toEqual({});
    expect(values("the controller talks to a PCIe card with its own kernel driver")).toEqual({
      hardware: "kernel",
    });
    // A sandbox with its own kernel is isolation, not a special kernel.
    expect(values("each job is sandboxed with its own kernel")).toEqual({});
  });

  it("names prescriptive regimes, reads tokenised card data as a small scope and GDPR alone as moderate", () => {
    expect(values("we keep sheriff's office records, so CJIS rules apply")).toEqual({ compliance: "strict" });
    expect(values("card data is tokenized so the PCI footprint is small")).toEqual({});
    expect(values("compliance: GDPR only")).toEqual({ compliance: "moderate" });
    expect(values("GDPR, and PCI for the whole platform")).toEqual({ compliance: "strict" });
  });

  it("services that store nothing are stateless; '|' separates a list of answers; a named cadence is one", () => {
    expect(values("a handful of small Node services that don't store anything themselves")).toMatchObject({
      state: "stateless",
    });
    expect(values("team maturity: medium-ish | deploy cadence: every sprint | load: steady")).toEqual({
      maturity: "medium",
      deploys: "regular",
      load: "steady",
    });
  });

  it("a managed service wanted is an appetite; one merely used or asked about is not", () => {
    expect(
      values("we'd rather use something managed like ECS or Cloud Run than run a cluster"),
    ).toMatchObject({
      orchestration: "medium",
    });
    expect(values("we've dabbled with ECS a little")).toEqual({});
    expect(values("we use a managed database like RDS")).toEqual({ state: "stateless" });
  });

  it("a monolith with parts carved out into separate services is mixed; a change 'touched' is a release", () => {
    expect(
      values("three parts are separate services now, everything else is still the monolith"),
    ).toMatchObject({
      architecture: "mixed",
    });
    expect(values("the python stuff deploys daily, the .net thing gets touched maybe twice a year")).toEqual(
      {},
    );
  });

  it("an old system named beside a family of services is a mixed architecture; values compared are not stated", () => {
    expect(
      values(
        "the rostering tool is a vendor product on Windows Server; the portal team broke theirs into a dozen small services",
      ),
    ).toMatchObject({ architecture: "mixed" });
    expect(values("claims is being broken into services; policy admin stays a monolith")).toMatchObject({
      architecture: "mixed",
    });
    expect(values("does stateful vs stateless matter for containers?")).toEqual({});
    expect(values("does stateful vs. a stateless design matter for containers?")).toEqual({});
    expect(values("our services are stateless")).toEqual({ state: "stateless" });
    // Outside a question, or across a sentence, "vs" compares nothing.
    expect(values("we have one monolith vs. a dozen microservices")).toEqual({ architecture: "mixed" });
    expect(values("everything we run is stateless. VS Code is the editor everyone uses")).toEqual({
      state: "stateless",
    });
    // Plain microservices on VMs or as Windows services are no second part; a finished or hoped-for
    // split is no part of today's system.
    expect(values("our microservices are deployed on long-lived vms today")).toEqual({
      architecture: "microservices",
    });
    expect(values("the monolith was broken into services two years ago")).toEqual({
      architecture: "monolith",
    });
    expect(values("a monolith that we hope gets split into services eventually")).toEqual({
      architecture: "monolith",
    });
    // "we're" reads as "were": no past, the carving goes on.
    expect(values("a Node monolith that we're slowly carving into services")).toEqual({
      architecture: "mixed",
    });
  });

  it("experience is no appetite; in a system of two parts, 'stateless' alone may speak for one", () => {
    expect(values("nobody has run k8s in production")).toEqual({});
    expect(values("neither of us has ever touched Kubernetes")).toEqual({});
    // Only orchestration, and only what was done: other negated cues keep their value.
    expect(values("nobody has the time to learn kubernetes")).toEqual({ orchestration: "low" });
    expect(values("no customer has ever uploaded code to us")).toEqual({ isolation: "standard" });
    expect(values("none of our services has any state")).toEqual({ state: "stateless" });
    // Hardware too: never having run GPU nodes is no "no GPUs".
    expect(values("the transcoding tier leans on GPUs; we've never run GPU nodes")).toEqual({
      hardware: "gpu",
    });
    expect(values("we don't need GPUs")).toEqual({ hardware: "none" });
    // A skill the team does not have is no platform maturity.
    expect(values("platform engineering just isn't a skill we have")).toEqual({});
    // What was tried is past; a negated "orchestration-heavy" is a low appetite.
    expect(values("we tried self-hosting Kubernetes last year and it was a disaster")).toEqual({});
    expect(values("not doing orchestration-heavy stuff again")).toEqual({ orchestration: "low" });
    expect(values("no k8s please")).toEqual({ orchestration: "low" });
    expect(values("we don't want to learn an orchestrator")).toEqual({ orchestration: "low" });
    expect(values("a Rails monolith plus a couple of newer services; the app servers hold nothing")).toEqual({
      architecture: "mixed",
    });
    expect(values("a Rails monolith; the app servers hold nothing")).toEqual({
      architecture: "monolith",
      state: "stateless",
    });
  });

  it("audits alone say nothing about how strict compliance is; the regime named beside them does", () => {
    expect(values("we get audited every year")).toEqual({});
    expect(values("PCI DSS applies and we file an SAQ D every year")).toEqual({ compliance: "strict" });
    expect(values("SOC 2 audits every year")).toEqual({ compliance: "moderate" });
    expect(values("HIPAA audits twice a year")).toMatchObject({ compliance: "strict" });
    // Said outright beside a word for rules, "moderate" settles it over the "regulator" beside it.
    expect(values("the regulator's demands on us are moderate")).toEqual({ compliance: "moderate" });
    expect(values("food-safety auditors check our records once a year, a moderate burden")).toEqual({
      compliance: "moderate",
    });
    // Beside orchestration, "moderate" is an appetite, not compliance.
    expect(values("we could live with a moderate amount of orchestration")).toEqual({
      orchestration: "medium",
    });
  });

  it("a multiplier beside a word for load is spiky load, unless it is growth; hostile or submitted code needs hard isolation", () => {
    expect(values("traffic goes 20x on launch day")).toEqual({ load: "spiky" });
    expect(values("a 10-30x spike on election night")).toEqual({ load: "spiky" });
    expect(values("we grew 5x in users last year")).toEqual({});
    expect(values("we bought 20x more disks")).toEqual({});
    expect(values("the Christmas weeks are 5x a normal week")).toEqual({ load: "spiky" });
    expect(values("then we get 20x traffic for 48 hours")).toEqual({ load: "spiky" });
    // Counts, rates, comparisons and plans are no swing.
    for (const t of [
      "we hired two 10x engineers for the traffic team",
      "users hit the site 3x a week",
      "requests take 10x longer on cold start",
      "load is 5x lower than last year",
      "we're planning for 10x the users",
    ])
      expect(values(t), t).toEqual({});
    expect(values("we have 8x A100 GPUs for the jobs")).toEqual({ hardware: "gpu" });
    expect(values("the autograder runs student-submitted code")).toEqual({ isolation: "hard" });
    expect(values("assume hostile code")).toEqual({ isolation: "hard" });
    expect(values("literally any stranger can push a workflow file")).toEqual({ isolation: "hard" });
    // Strangers, arbitrary notebooks, reviewed code and hostile networks are no untrusted code.
    for (const t of [
      "any stranger can read our public docs site",
      "our data scientists run arbitrary python notebooks internally",
      "we lint all submitted code in CI",
      "we assume hostile networks, so everything is TLS",
    ])
      expect(values(t), t).toEqual({});
    expect(values("the signer must never share a kernel with anything internet-facing")).toEqual({
      isolation: "hard",
    });
    // A driver of its own is hardware, not isolation.
    expect(values("a PCIe card that needs its own kernel driver")).toEqual({ hardware: "kernel" });
  });

  it("a stage on the way, an appetite asked about, a comparison and the usual case say nothing", () => {
    // "yet" after a negated orchestration cue: where the team is, not what it wants.
    expect(values("we run Jenkins but no kubernetes yet")).toEqual({});
    expect(values("no kubernetes for us")).toEqual({ orchestration: "low" });
    // Asked about, the appetite is what the asker wants to know; said, it is an answer.
    expect(values("is kubernetes overkill here?")).toEqual({});
    expect(values("kubernetes is overkill for us.")).toEqual({ orchestration: "low" });
    // "nothing like PCI" compares: neither strict nor none.
    expect(values("privacy rules apply, but nothing like PCI")).toEqual({});
    expect(values("nothing regulated")).toEqual({ compliance: "none" });
    // Flat "most of the" time is the usual case; the multiplier after it is the swing.
    expect(values("traffic is flat most of the week, then it jumps 30x on payday")).toEqual({
      load: "spiky",
    });
    expect(values("traffic is flat")).toEqual({ load: "steady" });
    // A database the provider runs holds the state, not our services.
    expect(values("the database the provider runs for us")).toEqual({ state: "stateless" });
    expect(values("the database we run ourselves")).toEqual({ state: "stateful" });
    // Some experience is medium maturity; beside a platform team it leaves maturity open.
    expect(values("the team has some kubernetes experience")).toEqual({ maturity: "medium" });
    expect(values("a platform team still learning kubernetes")).toEqual({});
    expect(values("the code is all ours, but customers want more isolation than namespaces give")).toEqual({
      isolation: "strong",
    });
  });

  it("licensed and vendor software that wants a machine of its own is legacy; load words beside a word for load", () => {
    expect(values("our payroll runs on a licensed package from a vendor")).toEqual({ legacy: "yes" });
    expect(values("nothing licensed, all our own code")).toEqual({ legacy: "no" });
    expect(values("the lab software only runs on Windows 10")).toEqual({ legacy: "yes" });
    // "only" binds to the verb: a tool supporting only some hosts is no legacy software of ours.
    expect(values("the vendor only supports RHEL 8")).toEqual({ legacy: "yes" });
    expect(values("with that tool only Linux hosts are supported").legacy).toBeUndefined();
    expect(values("the site gets hammered at lunchtime")).toEqual({ load: "spiky" });
    // Without a word for load, "idle" says nothing; "prediction" is not "predictable".
    expect(values("the servers sit idle")).toEqual({});
    expect(values("usage is predictable")).toEqual({ load: "steady" });
    expect(values("we run structure prediction pipelines")).toEqual({});
  });

  it("some orchestration is medium, separation asked for is strong, a singular after a number is no count", () => {
    expect(values("we can live with some orchestration, just not a DIY kubernetes")).toEqual({
      orchestration: "medium",
    });
    // Separation required outweighs "the code is all ours" (strong dominates standard).
    expect(values("it has to be walled off from our other systems, though the code is all ours")).toEqual({
      isolation: "strong",
    });
    expect(values("our data lives in a managed warehouse and the jobs are stateless")).toEqual({
      state: "stateless",
    });
    expect(values("the 24 hour service desk app is a monolith")).toEqual({ architecture: "monolith" });
    // Workers of a monolith are part of it; newer services beside it make it mixed.
    expect(values("a Django monolith plus celery workers")).toEqual({ architecture: "monolith" });
    expect(values("a Django monolith plus a few newer services")).toEqual({ architecture: "mixed" });
    // What is being replaced is no part of today's system.
    expect(values("We're replacing an old batch system with 30 new Java microservices")).toEqual({
      architecture: "microservices",
    });
  });

  it("several operating systems: two families in a sentence, two distributions, or one in two versions", () => {
    expect(values("we test on RHEL 7 and RHEL 9")).toEqual({ multiOs: "yes" });
    expect(values("the build needs Ubuntu 20.04 + 22.04 side by side")).toEqual({ multiOs: "yes" });
    expect(values("the old tools want CentOS 6 while the new ones are on Ubuntu 22.04")).toEqual({
      multiOs: "yes",
    });
    expect(
      values(
        "the admins use Windows for the reporting suite they bought years ago, and we run the rest on Linux",
      ),
    ).toEqual({ multiOs: "yes" });
    // One system, a generic name beside a distribution, a move from one to another: no.
    expect(values("everything is Ubuntu 22.04")).toEqual({});
    expect(values("our servers run linux (ubuntu 22.04)")).toEqual({});
    expect(values("we moved from CentOS 7 to Rocky 9")).toEqual({});
    expect(values("the licence server checks the MAC address of our Linux box").multiOs).toBeUndefined();
  });

  it("manual work, clicking through consoles and no CI are low platform maturity", () => {
    expect(values("releases are copied by hand by whoever is around")).toEqual({ maturity: "low" });
    expect(values("ops is one person clicking around the vSphere console")).toEqual({ maturity: "low" });
    expect(values("there is no CI at all")).toEqual({ maturity: "low" });
    expect(values("IT is two people, no developers on staff")).toEqual({ maturity: "low" });
  });

  it("prescriptive regimes and supervisors, and 'strict' beside a word for rules, are strict compliance", () => {
    expect(values("our chain-of-custody rules are strict")).toEqual({ compliance: "strict" });
    expect(values("the lab system falls under FDA 21 CFR Part 11")).toEqual({ compliance: "strict" });
    expect(values("we are supervised by the central bank")).toEqual({ compliance: "strict" });
    expect(values("critical infrastructure rules apply to the plant")).toEqual({ compliance: "strict" });
    // Without a word for rules, "strict" is about something else.
    expect(values("we are strict about code style")).toEqual({});
  });

  it("stateless services beside a database the team runs are a mix; beside a managed one they are stateless", () => {
    expect(values("the services are stateless and we run a Cassandra cluster next to them")).toEqual({
      state: "mixed",
    });
    expect(values("the app is stateless, data lives in managed Postgres")).toEqual({ state: "stateless" });
    expect(values("stateless API, Postgres on RDS")).toEqual({ state: "stateless" });
    expect(values("stateless services, MongoDB Atlas for data")).toEqual({ state: "stateless" });
    expect(values("no database of our own, the app is stateless")).toEqual({ state: "stateless" });
  });

  it("'isn't on the table' turns against the cue before it; 'isn't something we can ignore' does not", () => {
    expect(values("self-managed Kubernetes isn't on the table")).toEqual({ orchestration: "low" });
    // "Isn't something" names the cue as the subject without turning against it.
    expect(values("HIPAA isn't something we can ignore.")).toEqual({ compliance: "strict" });
    // ...but "not something we want" does (a second review's case, after an opening).
    expect(values("no wait, running and tuning our own clusters is not something we want")).toEqual({
      orchestration: "low",
    });
    expect(values("running our own k8s isn't what we need")).toEqual({ orchestration: "low" });
    // Not with what is not wanted after it: "… not something we want to mess up" keeps it.
    expect(values("HIPAA compliance is not something we want to mess up")).toEqual({ compliance: "strict" });
    // A managed orchestrator is the medium option's words, however at ease the team says it is
    // (blind trial 18's "what if we were fine with a managed orchestrator?" read High and Medium).
    expect(values("we are fine with a managed orchestrator")).toEqual({ orchestration: "medium" });
    expect(values("we are fine with the orchestration complexity")).toEqual({ orchestration: "high" });
    // Words of time after the verb still end it (a review's: read as GPUs needed).
    expect(values("GPUs are not something we need right now")).toEqual({ hardware: "none" });
    expect(values("GPUs are not something we need at the moment")).toEqual({ hardware: "none" });
    expect(values("HIPAA compliance is not something we want to mess up right now")).toEqual({
      compliance: "strict",
    });
    // "Want" alone after a negator belongs to someone else's clause.
    expect(values("prod is a big monolith and ops doesn't want to change anything")).toEqual({
      architecture: "monolith",
    });
  });

  it("a skill the team lacks, ending the clause, is denied; a lack of something else is not", () => {
    expect(values("CI/CD is lacking")).toEqual({ maturity: "low" });
    // Before the cue too, as a negator would (a review's: "we lack CI/CD" read as CI/CD in place).
    expect(values("we lack CI/CD")).toEqual({ maturity: "low" });
    expect(values("we are missing CI/CD and monitoring")).toEqual({ maturity: "low" });
    // High maturity denied has no opposite of its own: nothing, never high.
    expect(values("you missed that strong CI/CD and observability is what we are missing")).toEqual({});
    expect(values("strong CI/CD and observability is what we lack")).toEqual({});
    // What a regime, code or hardware lacks says nothing against them (an independent review's).
    expect(values("our HIPAA audit trail is lacking")).toEqual({ compliance: "strict" });
    expect(values("we are missing a sandbox for the untrusted customer code")).toEqual({ isolation: "hard" });
    expect(values("our GPU nodes are missing drivers")).toEqual({ hardware: "gpu" });
  });

  it("a list whose first item is denied says nothing of later items saying the same", () => {
    expect(values("actually we have no platform team, strong CI/CD and observability")).toEqual({});
    // Items of other keys are facts of their own; so is an item with a subject or a verb.
    expect(values("no compliance, quarterly deploys, and a monolith")).toEqual({
      compliance: "none",
      deploys: "rare",
      architecture: "monolith",
    });
    expect(values("we have no platform team, we have strong CI/CD and observability")).toEqual({
      maturity: "high",
    });
    expect(values("no kubernetes, managed k8s is fine")).toEqual({ orchestration: "medium" });
    expect(values("no platform team. strong CI/CD and observability")).toEqual({ maturity: "high" });
    // Another value of the key, said instead (an independent review's): read as before.
    expect(values("no microservices, one big monolith")).toEqual({ architecture: "monolith" });
    expect(values("no spikes, steady load all day")).toEqual({ load: "steady" });
    expect(reader.read("no compliance, HIPAA only for the billing module").conflicts).toEqual(["compliance"]);
    // The same value denied and said again: neither item says anything (a fourth review's).
    expect(values("no HIPAA, PCI for payments")).toEqual({});
    expect(values("no regulation, strict internal audits")).toEqual({});
  });

  it("reads the seventeenth blind trial's descriptions: arbitrary build scripts, a pinned kernel, certified only on", () => {
    expect(values("customers push arbitrary build scripts that we execute")).toEqual({ isolation: "hard" });
    expect(values("vendor integration engine certified only on RHEL 7 with a pinned kernel")).toEqual({
      legacy: "yes",
      hardware: "kernel",
    });
    // Scripts the team wrote, and an audit's certificate, are neither (an independent review's).
    expect(values("our CI runs arbitrary scripts written by our own engineers")).toEqual({});
    expect(values("our devs write arbitrary scripts for the pipeline")).toEqual({});
    // Code named by its language: a later trial's playground was read as nothing but its load.
    expect(values("users submit arbitrary python that we execute on our servers")).toEqual({
      isolation: "hard",
    });
    expect(values("players can run arbitrary javascript in the game")).toEqual({ isolation: "hard" });
    // An ops team's or a batch queue's (an independent review's).
    expect(values("our ops team runs arbitrary commands over ssh on the VMs")).toEqual({});
    expect(values("we submit arbitrary jobs to our batch queue nightly")).toEqual({});
    expect(values("we are SOC2 certified only on our AWS account")).toEqual({ compliance: "moderate" });
  });

  it("kubernetes expertise the team has is a high appetite, and its lack a low one (a blind trial's read nothing)", () => {
    expect(values("we have a team of kubernetes experts")).toEqual({ orchestration: "high" });
    expect(values("we have deep kubernetes experience")).toEqual({ orchestration: "high" });
    expect(values("nobody here is a kubernetes expert")).toEqual({ orchestration: "low" });
    expect(values("we lack kubernetes expertise")).toEqual({ orchestration: "low" });
    // Someone else's, hired or gone, or a skill that is no appetite (an independent review's; the
    // set's writers read no answer in "knows k8s well").
    expect(values("we're hiring kubernetes experts next quarter")).toEqual({});
    expect(values("our kubernetes expert quit last month")).toEqual({});
    expect(values("one person who knows k8s well")).toEqual({});
    // "Lack" negates nothing else: what a team lacks may still be what it must have.
    expect(values("we lack proper PCI segmentation right now").compliance).toBe("strict");
    expect(values("we lack a sandbox for the untrusted code").isolation).toBe("hard");
  });

  it("a managed product refused is no refusal of orchestration", () => {
    expect(values("actually we don't use eks")).toEqual({});
    expect(values("we don't use GKE")).toEqual({});
    expect(values("we don't use kubernetes")).toEqual({ orchestration: "low" });
  });

  it("says nothing of ordinary sentences that share a cue's words (an independent review's cases)", () => {
    for (const text of [
      "We use MIT-licensed open source libraries.",
      "Our licensing model is per seat SaaS.",
      "Licensing costs for Windows Server are high.",
      "We are a SaaS vendor and our product is a web app.",
      "The build takes a whole machine for an hour.",
      "We only deploy during business hours.",
      "The app is a quiet internal tool with 20 users.",
      "We have a strict code review policy.",
      "TypeScript strict mode is enforced by our lint rules.",
      "Kafka is critical infrastructure for our team.",
      "We pull FX rates from the European Central Bank API.",
      "Part 11 of our migration plan is moving the database.",
      "We upgraded from Ubuntu 18.04 to 22.04 last year.",
      "We are upgrading Windows Server 2012 to 2022.",
      "Moving from RHEL 7 to RHEL 9 next quarter.",
      "We'll pick Ubuntu 20.04 or 22.04, not decided yet.",
      "We host on Ubuntu 22.04 with the Linux 5.15 kernel.",
      "The rollout was rocky, and we run Ubuntu everywhere.",
      "After CentOS went EOL we switched to Rocky Linux.",
      "Our hosts run Ubuntu 22.04 and the containers use Alpine images.",
      "We process 10k ad clicks per second.",
      "There are no flaky tests in CI.",
      "We deploy over SSH with Ansible from GitLab CI.",
      "Logs are kept separate from metrics.",
      "We want more separation of concerns in the codebase.",
      "We need a bit more tooling for monitoring.",
      "Managed containers on Fargate are too expensive for us.",
    ])
      expect(values(text), text).toEqual({});
    // Stateless beside a database that is someone else's, gone, planned or asked about: stateless.
    for (const text of [
      "The app is stateless, and we use a Postgres database that AWS manages for us.",
      "The app is stateless; the database is provided by our hosting company.",
      "The app is stateless. We replaced the Oracle database with DynamoDB last year.",
      "The app is stateless, but we may add a database later.",
      "Stateless services. Is a database needed?",
      "Stateless services; we use Google Cloud SQL as the database.",
      "stateless services run on Oracle Linux VMs",
    ])
      expect(values(text), text).toEqual({ state: "stateless" });
    expect(values("We run a stateful warehouse management app on VMs.")).toEqual({ state: "stateful" });
    // Right readings kept: a statement before the question, other keys' "most", hardware "yet".
    expect(values("We don't want to run Kubernetes, what would you recommend?")).toEqual({
      orchestration: "low",
    });
    expect(values("We deploy daily most weeks.")).toEqual({ deploys: "frequent" });
    expect(values("We have no GPUs yet.")).toEqual({ hardware: "none" });
    expect(values("RHEL7 and RHEL9 hosts")).toEqual({ multiOs: "yes" });
  });

  it("demand that comes and goes is spiky; a multiplier at a time of swing is too, a count of things is not", () => {
    expect(values("traffic comes in bursts, then it's quiet for days")).toEqual({ load: "spiky" });
    // Only beside a word for load: services are migrated "in waves", an office is "dead quiet".
    expect(values("we migrated the services in waves")).toEqual({});
    expect(values("the office is dead quiet on Fridays")).toEqual({});
    expect(values("we deploy, then nothing happens for months")).toEqual({});
    expect(values("traffic goes bananas when a new album drops")).toEqual({ load: "spiky" });
    expect(values("harvest season it's 40x")).toEqual({ load: "spiky" });
    expect(values("Saturday mornings run at 10x a weekday")).toEqual({ load: "spiky" });
    expect(values("the office is quiet on Fridays")).toEqual({});
    expect(values("we grew 10x this season")).toEqual({});
    expect(values("8x A100s for the weekend runs")).toEqual({ hardware: "gpu" });
    expect(values("4x GPUs per node for the finals")).toEqual({ hardware: "gpu" });
    // Sizes and rates are no swings either.
    expect(values("the event store is 10x the size of the main database")).toEqual({});
    expect(values("we take backups 3x every night")).toEqual({});
    expect(values("on launch day traffic goes 20x, 2 days a year")).toEqual({ load: "spiky" });
    // The past does not reach across "and".
    expect(
      values("The app was written 15 years ago and the vendor only supports Windows Server 2012"),
    ).toEqual({
      legacy: "yes",
    });
  });

  it("a key's name before a colon names the question; a team called platform is a team; what was, years ago, is past", () => {
    expect(values("legacy: no idea")).toEqual({});
    expect(values("legacy: yes")).toEqual({ legacy: "yes" });
    expect(values("I'd put our maturity at medium now")).toEqual({ maturity: "medium" });
    // Strict isolation required is strong (a blind trial's what-if read nothing).
    expect(values("a bank customer would require strict isolation")).toEqual({ isolation: "strong" });
    // A degree word before the value (a blind trial's what-if "… were only standard" read nothing).
    expect(values("our isolation needs are only standard")).toEqual({ isolation: "standard" });
    // The value before the name, ending its clause (a blind trial's "medium platform maturity" was
    // read as nothing, or as the "SRE team" said before it).
    expect(values("SRE team at a media company, medium platform maturity, moderate compliance")).toEqual({
      maturity: "medium",
      compliance: "moderate",
    });
    expect(values("low platform maturity")).toEqual({ maturity: "low" });
    expect(values("no compliance, low appetite for running kubernetes")).toEqual({
      compliance: "none",
      orchestration: "low",
    });
    expect(values("k8s appetite: high")).toEqual({ orchestration: "high" });
    // No experience of containers at all is low maturity; good Kubernetes skills a high appetite.
    expect(values("two sysadmins, no container experience")).toEqual({ maturity: "low" });
    expect(values("none of us have ever used docker")).toEqual({ maturity: "low" });
    expect(values("10 engineers, solid k8s skills")).toEqual({ orchestration: "high" });
    expect(values("we don't have low maturity")).toEqual({});
    expect(values("I run the platform at a regional airport group")).toEqual({});
    expect(values("our platform group runs its own clusters")).toMatchObject({ maturity: "high" });
    expect(values("about 20 microservices; we built custom tooling around it")).toEqual({
      architecture: "microservices",
    });
    expect(values("a COBOL batch system, and around it we wrote 20 services")).toMatchObject({
      architecture: "mixed",
    });
    expect(
      values("A year ago we were a Rails monolith; since then we split it into about ten services"),
    ).toEqual({
      architecture: "microservices",
    });
  });

  it("a team at ease with the machinery has a high appetite; wanting to babysit none, or scared of it, a low one", () => {
    expect(values("the team is comfortable running kubernetes")).toEqual({ orchestration: "high" });
    expect(values("we're not comfortable with kubernetes")).toEqual({ orchestration: "low" });
    expect(values("nobody wants to babysit a cluster")).toEqual({ orchestration: "low" });
    expect(values("zero appetite for orchestration layers")).toEqual({ orchestration: "low" });
    expect(values("kubernetes scares us")).toEqual({ orchestration: "low" });
    // A managed offering outweighs the fear of running one's own.
    // A managed offering beside a word for orchestration outweighs the fear of running one's own.
    expect(values("a Kubernetes control plane scares us, so a managed Kubernetes offering would do")).toEqual(
      {
        orchestration: "medium",
      },
    );
    // Not of anything else, nor babysitting or liking as such.
    expect(values("we use a managed offering for Postgres").orchestration).toBeUndefined();
    expect(values("we babysit a cluster of Jenkins agents")).toEqual({});
    expect(values("my boss likes kubernetes")).toEqual({});
    expect(values("we're fine with the complexity of VMs")).toEqual({});
    expect(values("We don't have the people to run kubernetes")).toEqual({ orchestration: "low" });
    // What was never done is experience, not appetite; a key's name is no cue.
    expect(values("we have never run kubernetes")).toEqual({});
    expect(values("appetite for orchestration complexity: moderate")).not.toMatchObject({
      orchestration: "high",
    });
  });

  it("no special isolation said outright is standard; strong separation asked for is strong", () => {
    expect(values("all internal apps, so default isolation is fine")).toEqual({ isolation: "standard" });
    expect(values("the services are trusted to share nodes")).toEqual({ isolation: "standard" });
    expect(values("nothing multi-tenant here")).toEqual({ isolation: "standard" });
    expect(values("no special isolation needs")).toEqual({ isolation: "standard" });
    expect(values("isolation: default")).toEqual({ isolation: "standard" });
    expect(
      values("security wants strong separation between the teams' workloads, though it's all our own code"),
    ).toEqual({ isolation: "strong" });
  });

  it("a middling, decently automated team is medium; the middle of a sentence is not", () => {
    expect(values("I'd call our maturity middling")).toEqual({ maturity: "medium" });
    expect(values("the middling performance of our app worries us")).toEqual({});
    expect(values("the app takes minutes to start on kubernetes")).toEqual({});
    expect(values("we're decently automated")).toEqual({ maturity: "medium" });
    expect(values("we are in the middle of a migration")).toEqual({});
  });

  it("constant, flat or even load beside a word for load is steady, unless an exception follows", () => {
    expect(values("usage is flat all day")).toEqual({ load: "steady" });
    expect(values("CPU load is constant through the trading day")).toEqual({ load: "steady" });
    expect(values("traffic is even higher at night")).toEqual({});
    expect(values("the service stores everything in flat files")).toEqual({});
    expect(values("we're under constant pressure to ship the app faster")).toEqual({});
    expect(values("we use the same load balancer for both apps")).toEqual({});
    expect(values("traffic spikes every evening")).toEqual({ load: "spiky" });
    expect(values("traffic is fairly even except renewals at the start of each month")).toEqual({});
    expect(values("usage is pretty flat apart from the odd TV show")).toEqual({});
  });

  it("the later side of a contrast settles compliance; a real word a letter from a cue is no typo of it", () => {
    expect(values("Customers sometimes ask about SOC 2, but we have no compliance requirements")).toEqual({
      compliance: "none",
    });
    expect(values("our public 'explore the collection' site")).toEqual({});
    expect(values("traffic explodes on launch day")).toEqual({ load: "spiky" });
  });

  it("a second review's cases: questions, stages, parts beside scripts, spiky with exceptions, the past across 'and'", () => {
    expect(values("Is default isolation fine for us?")).toEqual({});
    expect(values("we're not multi-tenant yet but will be next year")).toEqual({});
    expect(values("SOX requires strong separation of duties").isolation).toBeUndefined();
    expect(values("40 microservices plus an old codebase full of Perl scripts")).toEqual({
      architecture: "mixed",
    });
    expect(values("our traffic is spiky except at night")).toEqual({ load: "spiky" });
    expect(values("We launched two years ago and traffic has been spiky ever since")).toEqual({
      load: "spiky",
    });
    expect(values("customers trust us to share their data")).toEqual({});
    expect(values("we trust them to share a kernel")).toEqual({ isolation: "standard" });
  });

  it("a softened negation, segregation asked for, a store that holds nothing and 'want less orchestration'", () => {
    expect(values("we're not a heavily regulated industry")).toEqual({});
    expect(values("not at all regulated")).toEqual({ compliance: "none" });
    expect(
      values("QA wants it well segregated from our other systems, although nobody runs untrusted code"),
    ).toEqual({
      isolation: "strong",
    });
    expect(values("the journal is stateful, the rest holds nothing")).toEqual({ state: "mixed" });
    expect(values("we want less orchestration, not more")).toEqual({ orchestration: "low" });
    // "Hardened" alone says nothing of isolation; a team "comfortable with" Docker is no k8s appetite.
    expect(values("the council insists on its own hardened server builds")).toEqual({});
    expect(values("comfortable with Docker and a managed k8s cluster")).toEqual({ orchestration: "medium" });
  });

  it("deploy rates written as multipliers, ranges, 'every other', 'every couple of' and 'yr'", () => {
    expect(values("we ship like 10x a day")).toEqual({ deploys: "frequent" });
    expect(values("we release 3-4 times a year")).toEqual({ deploys: "rare" });
    expect(values("release every other Tuesday")).toEqual({ deploys: "regular" });
    expect(values("we redeploy it every couple of weeks")).toEqual({ deploys: "regular" });
    expect(values("updates like once a yr")).toEqual({ deploys: "rare" });
    // "in" for "a", as some write it (a blind trial's read no cadence); not a time to come.
    expect(values("we deploy maybe one time in month")).toEqual({ deploys: "regular" });
    expect(values("we plan to deploy it in 3 months")).toEqual({});
    // Only after a count of times (a review's read "in year" and "in week" as rates).
    expect(values("our 2 releases in year one were painful")).toEqual({});
    expect(values("we deploy 2 services in week 1")).toEqual({});
    expect(values("2 deploys in week")).toEqual({ deploys: "regular" });
    // Only beside a word for shipping changes: backups are no deploys.
    expect(values("we back up 3x a day")).toEqual({});
    expect(values("10-15 services")).toEqual({ architecture: "microservices" });
  });

  it("rates written as one word ('10x/day', '2/week'), 'wks', and 'roll out' as shipping", () => {
    expect(values("we deploy like 10x/day")).toEqual({ deploys: "frequent" });
    // A count before a word of shipping per a period (a blind trial's "~20 deploys/day").
    expect(values("~20 deploys/day")).toEqual({ deploys: "frequent" });
    expect(values("2 releases/week")).toEqual({ deploys: "regular" });
    expect(values("we run 4 jobs/day")).toEqual({});
    // "No one" and "noone" deny as "nobody" does (the same trial's).
    expect(values("noone knows k8s")).toEqual({ orchestration: "low" });
    expect(values("no one on the team knows kubernetes")).toEqual({ orchestration: "low" });
    expect(values("prod releases 2/week")).toEqual({ deploys: "regular" });
    expect(values("we deploy every 2 wks")).toEqual({ deploys: "regular" });
    expect(values("we roll out monthly")).toEqual({ deploys: "regular" });
    // Only beside a word for shipping changes, as the other rates.
    expect(values("we get 10x/day more traffic")).toEqual({});
    expect(values("backups run 2/day")).toEqual({});
  });

  it("spikes at a time of demand are spiky load; a spike alone may be a research task", () => {
    expect(values("massive spikes on launch + weekend events")).toEqual({ load: "spiky" });
    expect(values("mqtt ingest spikes hard when devices reconnect")).toEqual({ load: "spiky" });
    expect(values("we did a spike on Nomad last sprint")).toEqual({});
  });

  it("a database another team runs is no state of our own", () => {
    expect(values("no db of our own, everything durable sits in the postgres the DBA team runs")).toEqual({
      state: "stateless",
    });
    expect(values("20 stateless services, everything goes through the DBA team's databases").state).toBe(
      "stateless",
    );
    expect(values("stateless services and a Postgres we run on local disks").state).toBe("mixed");
  });

  it("a sentence the asker sets aside says nothing; 'we're out of scope' still does", () => {
    expect(
      values(
        "the AI triage pilot with the two GPU boxes is a separate conversation, pls ignore. PACS is licensed",
      ),
    ).toEqual({ legacy: "yes" });
    expect(values("(Our data science group has 16 GPUs for something else.) Usage is steady.")).toEqual({
      load: "steady",
    });
    expect(values("the 40-GPU cluster run by central IT is out of scope")).toEqual({});
    // Word for word: "no problem" and "don't ask" set nothing aside.
    expect(values("GPUs passed through, no problem so far")).toEqual({ hardware: "gpu" });
    expect(
      values("Nobody audits the OT network (IT has their ISO stuff, we're out of scope)").compliance,
    ).toBe("none");
  });

  it("an audited regime beside 'no regulator' is moderate: the negation only rules out strict", () => {
    expect(
      values("SOC 2 Type II audits, but no regulator telling us how to separate things").compliance,
    ).toBe("moderate");
    expect(values("no PCI, nothing regulated, no audits").compliance).toBe("none");
  });

  it("words a letter from a cue that are words of their own, and clusters of something else", () => {
    expect(values("we monitor a solar farm")).toEqual({});
    expect(values("one box still runs Solaris 10").legacy).toBe("yes");
    expect(values("central IT runs the Slurm cluster")).toEqual({});
    expect(values("we run our own clusters")).toEqual({ orchestration: "high" });
  });

  it("'That is not what I'm asking about' sets the sentence before aside too; a charity's legacy is no software", () => {
    expect(
      values(
        "The ERP runs on Windows boxes. That is NOT what I'm asking about. We have 4 stateless Go services.",
      ),
    ).toEqual({ state: "stateless" });
    expect(values("the video team has their own GPU transcoding boxes, not our thing.")).toEqual({});
    expect(values("Our legacy giving team wants a new donation site.")).toEqual({});
    expect(values("the legacy ERP stays").legacy).toBe("yes");
  });

  it("second review: asides stop at brackets and ';', pointers point only from the sentence start", () => {
    expect(
      values("We are HIPAA regulated (the analytics cluster is out of scope) and deploy weekly."),
    ).toEqual({
      compliance: "strict",
      deploys: "regular",
    });
    expect(values("we're regulated by the FCA; the GPU cluster is for something else").compliance).toBe(
      "strict",
    );
    expect(values("We are PCI DSS level 1. That is why the marketing site is out of scope.").compliance).toBe(
      "strict",
    );
    expect(values("We can't really ignore that we're PCI regulated.").compliance).toBe("strict");
    expect(
      values("Nobody audits the OT network (IT has their ISO stuff, were out of scope)").compliance,
    ).toBe("none");
    // An unclosed bracket stops at its sentence.
    expect(values("pls ignore (DAHDI kernel modules. We deploy daily and are HIPAA regulated.")).toEqual({
      deploys: "frequent",
      compliance: "strict",
    });
    expect(values("We aren't just regulated by HIPAA, PCI applies too").compliance).toBe("strict");
    expect(values("The GPU team is in another building. We're a plain CRUD app.")).toEqual({});
    expect(values("software for licensed casinos and pharmacies")).toEqual({});
    expect(values("We're PCI DSS level 1. The vendor doesn't dictate the OS.").compliance).toBe("strict");
    expect(values("Nomad doesn't prescribe how you deploy")).toEqual({});
  });

  it("third review: asides that open a bracket or follow ';' point back; negators only in the aside's clause", () => {
    for (const text of [
      "We also have 8 GPU workstations (out of scope, different team).",
      "The CAD team has GPU boxes (please ignore).",
      "GPU boxes (16 A100s) are out of scope",
      "We have GPU workstations; those are out of scope.",
      "We have GPU workstations, they don't matter, please ignore them.",
      "We have GPU boxes for the designers. That's probably a separate thread.",
      "GPU boxes for the designers. Those are honestly all out of scope.",
    ])
      expect(values(text), text).toEqual({});
    expect(
      values("We are HIPAA regulated (the analytics cluster is out of scope) and deploy weekly.").compliance,
    ).toBe("strict");
  });

  it("third review: a regime's free hand needs the regime in its sentence; 'manual' steps and books", () => {
    expect(values("We're PCI DSS level 1. Kubernetes doesn't dictate the architecture.").compliance).toBe(
      "strict",
    );
    expect(values("No compliance requirements. Nothing prescriptive about how we deploy.").compliance).toBe(
      "none",
    );
    expect(values("Management doesn't dictate how we implement features.")).toEqual({});
    expect(values("The regulator doesn't dictate our stack.").compliance).toBe("moderate");
    expect(values("we sell a service manual for tractors")).toEqual({});
    expect(values("Our product replaces manual data entry for clinics.")).toEqual({});
    expect(values("We do some manual QA before each release.")).toEqual({});
    expect(values("Full CI/CD with Argo, prod deploys need a manual approval").maturity).toBe("medium");
    expect(values("everything is manual")).toEqual({ maturity: "low" });
    expect(values("we ship on every push")).toEqual({ deploys: "frequent" });
    expect(values("Our legacy fundraising CRM runs on Windows Server 2008.").legacy).toBe("yes");
    expect(values("The monolith team deploys monthly, the new microservices ship daily.").architecture).toBe(
      "mixed",
    );
    expect(values("We can not just run our own clusters, we're 2 people").orchestration).toBe("low");
  });

  it("fresh39: 'isn't part of this question' is an aside; a negator ending the clause negates; card data kept away", () => {
    expect(
      values("the legacy declaration system stays where it is and isn't part of this question."),
    ).toEqual({});
    expect(values("AKS would be acceptable; running our own k8s would not.").orchestration).toBeUndefined();
    // "X or not" leaves X open; it neither states nor denies it.
    for (const text of [
      "not sure if our app counts as stateful or not",
      "GPU or not, we want containers",
      "regulated or not, we need audit trails",
    ])
      expect(values(text), text).toEqual({});
    expect(values("Payments go through a PSP so card data never touches us.")).not.toHaveProperty(
      "compliance",
    );
    expect(values("we process card data for merchants").compliance).toBe("strict");
    expect(values("we hold no card data").compliance).toBe("none");
  });

  it("fourth review: clause-ending negators, asides with objects, 'That is,' and a regime's free hand", () => {
    expect(values("The API is stateful and the workers are not.").state).toBe("stateful");
    expect(values("We are PCI compliant and our vendors are not.").compliance).toBe("strict");
    expect(values("We deploy daily and QA does not.").deploys).toBe("frequent");
    expect(values("Do we need GPUs or do we not?")).toEqual({});
    expect(values("We are HIPAA regulated whether we like it or not.").compliance).toBe("strict");
    expect(values("We need GPUs now or never.").hardware).toBe("gpu");
    expect(values("We're HIPAA regulated and deploy weekly (please ignore the typos, on my phone).")).toEqual(
      {
        compliance: "strict",
        deploys: "regular",
      },
    );
    expect(values("We are HIPAA regulated (out of scope: the marketing site).").compliance).toBe("strict");
    expect(values("We're HIPAA regulated; please ignore the old Windows box.").compliance).toBe("strict");
    expect(values("We're HIPAA regulated; that analytics cluster is out of scope.").compliance).toBe(
      "strict",
    );
    expect(values("We're HIPAA regulated. That is, GPUs are out of scope.").compliance).toBe("strict");
    expect(values("Card data is never written to disk, it goes straight to the HSM.").compliance).toBe(
      "strict",
    );
    expect(values("We wrote a manual for new hires.")).toEqual({});
    expect(values("Deployments involve a lot of manual work.").maturity).toBe("low");
    expect(values("We want to replace manual deploys with CI.").maturity).toBe("low");
    expect(values("We manage legacy income and legacy donations in a CRM.")).toEqual({});
    expect(values("We could not just run our own k8s cluster, we're 2 people").orchestration).toBe("low");
    expect(values("We are HIPAA regulated and the vendor doesn't dictate the OS.").compliance).toBe("strict");
    expect(values("We have no SOC 2 or ISO; the customer doesn't dictate the OS.").compliance).toBe("none");
  });

  it("fresh40: 'not my concern' and 'not part of this' set aside what they close", () => {
    expect(
      values(
        "The FCA-regulated stuff sits in a Postgres cluster on VMs owned by the data team, not my concern here. Our APIs keep nothing locally.",
      ),
    ).toEqual({ state: "stateless" });
    expect(
      values("the legacy declaration system stays where it is and isn't part of this question."),
    ).toEqual({});
  });

  it("controls the regime leaves to us are moderate, over the 'regulator' beside them", () => {
    expect(
      values("The energy regulator audits them annually but doesn't prescribe hosting.").compliance,
    ).toBe("moderate");
    expect(
      values("audited on retention, but the controls are negotiated with them, not prescribed").compliance,
    ).toBe("moderate");
    expect(values("the regulator prescribes strict separation and audit trails").compliance).toBe("strict");
  });

  it("reads a platform team as high maturity, unless said to be too small or new to carry it (a trial's 'platform team is small')", () => {
    expect(values("we have a platform team").maturity).toBe("high");
    expect(values("a strong platform team runs our clusters").maturity).toBe("high");
    for (const t of [
      "platform team is small",
      "our platform team is tiny",
      "we have a small platform team of 2",
      "the SRE team is brand new",
    ])
      expect(values(t), t).not.toHaveProperty("maturity");
  });

  it("a store another team runs is not the asker's state; one the asker's team runs is", () => {
    // A team named by a word before it, then a verb; or "owned/run/managed by" a named team or IT.
    for (const [text, state] of [
      ["our API keeps nothing itself, orders go to the MySQL cluster the billing folks own", "stateless"],
      ["all our data lives in the shared Oracle cluster the DBA team runs", "stateless"],
      ["the services are stateless, the inventory DB is owned by the warehouse team", "stateless"],
      // "central IT" is no team the rule names ("a database run by it"): the asker's.
      ["stateless workers; results go to the Postgres that central IT runs", "mixed"],
      ["stateless API, plus MySQL, which the DBA team runs", "stateless"],
      ["stateless API, plus a Postgres database the data folks own", "stateless"],
      ["All our services are stateless and talk to a Postgres cluster a separate team runs", "stateless"],
      // The asker's own team, "us", an unnamed team or a tool keep it theirs.
      ["stateless web tier, plus a MySQL cluster our team runs", "mixed"],
      ["stateless web tier, plus a MySQL DB our small team runs", "mixed"],
      ["stateless web tier, plus a MySQL cluster my own team runs", "mixed"],
      ["stateless web tier, plus a MySQL database that the team runs", "mixed"],
      ["stateless web tier, plus a database run by us", "mixed"],
      ["stateless web tier, plus a MySQL database run by just the two of us", "mixed"],
      ["stateless web tier, plus a MySQL cluster managed by the Percona operator", "mixed"],
      ["stateless web tier, plus a shared Postgres cluster that all the teams run on", "mixed"],
      ["stateless web tier, plus a Postgres database the BI team runs reports against", "mixed"],
      ["everything is stateful, databases run by each product squad", "stateful"],
      ["the Postgres cluster is owned by us", "stateful"],
      ["We run a self-hosted database managed by Ansible", "stateful"],
      ["The app is a stateful Rails monolith run by a team of four", "stateful"],
      ["We self-host a MySQL database we run by hand on one VM", "stateful"],
      ["stateless web tier, plus a Postgres database run by the same team", "mixed"],
      ["stateless web tier, plus a database cluster one small team runs", "mixed"],
      ["stateless web tier, plus a Postgres database the dev team runs", "mixed"],
      // The asker's own store on someone else's machines is still the asker's.
      ["we run our own Postgres database on VMs owned by the infra team", "stateful"],
      ["we run a self-hosted database on VMs run by the infra team", "stateful"],
      // A Kubernetes cluster another team runs is no store: the asker's state on it stays.
      ["our stateful services run on the OpenShift cluster the platform team owns", "stateful"],
      ["We run StatefulSets with persistent volumes in the EKS cluster the platform team owns", "stateful"],
      // No store named: the data on the disks is the asker's, whoever runs the VMs.
      ["our workers write uploads to local disks on VMs run by the infra team", "stateful"],
      ["our Postgres data sits on local SSDs managed by the infra folks", "stateful"],
      // A joiner ends the reach: the team runs the other thing.
      ["we keep data on local disks and the platform team runs the k8s cluster", "stateful"],
    ] as const)
      expect(values(text).state, text).toBe(state);
    // Only the state key: a Kubernetes team that runs things is still high orchestration.
    expect(values("We have a dedicated Kubernetes team that manages everything").orchestration).toBe("high");
    expect(
      values("The core is a monolith; the new services are owned by the platform team").architecture,
    ).toBe("mixed");
  });

  it("misreadings three reviews found in cues tried this session stay out", () => {
    // Each of these was read wrongly by a cue or rule that was then dropped; none may come back.
    for (const [text, key, want] of [
      // A pronoun after "but" does not point at the whole sentence.
      [
        "We deploy 30 times a day to EKS, there's an old mainframe but it's nothing to do with us",
        "deploys",
        "frequent",
      ],
      ["We're HIPAA regulated, but that's why the GPU cluster is out of scope", "compliance", "strict"],
      // "then" stops no negator or hedge.
      ["we wouldn't then need any GPUs", "hardware", "none"],
      // Latency, retries and logs are no load.
      ["latency went up 3x to 400 ms", "load", undefined],
      ["we retry 3x in 10 seconds before failing", "load", undefined],
      ["we pile in all our logs into Elasticsearch", "load", undefined],
      ["sharp peaks in latency when GC kicks in", "load", undefined],
      ["the event schema is all over the place", "load", undefined],
      // Process talk and internal platforms are no untrusted code.
      ["there's no code review, we push straight to main", "isolation", undefined],
      ["we scan every dependency for malicious code", "isolation", undefined],
      ["product teams bring their own code and we run it on the shared platform", "isolation", undefined],
      ["we block pull requests from forks on the private repo", "isolation", undefined],
      ["our customers are hostile to any downtime", "isolation", undefined],
      ["It's single tenant, the CFO is hostile to cloud", "isolation", "standard"],
      ["hypervisor separation would be overkill for us, we trust our own code", "isolation", "standard"],
      // A negated regime, auditors picking and "on top" are no moderate compliance.
      ["We're not regulated, so we pick our own controls", "compliance", "none"],
      ["The PCI auditors pick our controls for us", "compliance", "strict"],
      // Facts beside real answers are no asides.
      [
        "All our services are stateless and talk to a Postgres cluster a separate team runs",
        "state",
        "stateless",
      ],
      ["Our product is not in scope for any audit or regulation", "compliance", "none"],
      // New code inside a monolith is no new service beside it.
      ["our platform is a monolith and we keep adding new bits to it", "architecture", "monolith"],
    ] as const)
      expect(values(text)[key], text).toBe(want);
  });

  it("more readings of long posts: other teams' databases, asides, product manuals", () => {
    expect(values("all stateless, data lives in Aurora which the DB team owns").state).toBe("stateless");
    // "Central IT" runs it, but a "central MySQL database" beside stateless servers is ours (mixed).
    expect(values("The grader keeps nothing, its Postgres is one that central IT runs.").state).toBe(
      "stateless",
    );
    expect(values("stateless app servers and a central MySQL database").state).toBe("mixed");
    // "A different story" says a part differs, it sets nothing aside.
    expect(values("Compliance is a different story (PCI DSS level 1, audited yearly).").compliance).toBe(
      "strict",
    );
    expect(values("pilots get charts, NOTAM packs and manuals on their iPads")).toEqual({});
    expect(values("we keep product manuals and deployment docs in Confluence")).toEqual({});
    expect(values("Deploys are manual.")).toEqual({ maturity: "low" });
    expect(values("we deploy manually")).toEqual({ maturity: "low" });
  });

  it("a git push is a deploy, a marketing push is not", () => {
    expect(values("we deploy on every push to main")).toEqual({ deploys: "frequent" });
    expect(values("new landing pages for every marketing push")).toEqual({});
  });

  it("card data kept off the whole system is no regime; kept off a part of it is only a scope", () => {
    expect(values("Card data never touches our systems (hosted payment page)").compliance).toBe("none");
    expect(values("PCI applies to payments, but card data never touches the cluster").compliance).toBe(
      "strict",
    );
    // Handled by a payment provider: not the team's to secure, nor said to be no regime at all.
    expect(values("the card data is handled by stripe")).toEqual({});
    expect(values("card data goes straight to our payment processor")).toEqual({});
    expect(values("actually the card data is handled by stripe, we're not in PCI scope").compliance).toBe(
      "none",
    );
    expect(values("payments handles card data").compliance).toBe("strict");
    // Processed by the team itself is the team's to secure (an independent review's).
    expect(values("card data is processed by our backend").compliance).toBe("strict");
  });

  it("'licensed' beside a regulated business is no licensed software; 'layered isolation' is strong", () => {
    expect(values("Sportsbook operator licensed in 6 jurisdictions.")).toEqual({});
    expect(values("a state-licensed lender")).toEqual({});
    expect(values("Core banking is a licensed package on AIX").legacy).toBe("yes");
    expect(values("our own code, but security wants layered isolation per tenant").isolation).toBe("strong");
  });

  it("a legacy cue right before 'team' or 'squad' is a team's name; other keys' cues describe the team", () => {
    expect(values("lol I'm on the Legacy squad, we own the newest stuff")).toEqual({});
    expect(values("the legacy team maintains the wiki")).toEqual({});
    expect(values("the COBOL core is legacy and the vendor only supports it on AIX").legacy).toBe("yes");
    expect(values("we are not really an automation-heavy team").maturity).toBe("low");
    expect(values("we have a mature platform team").maturity).toBe("high");
    expect(values("we're a HIPAA-covered team").compliance).toBe("strict");
    expect(values("our PCI team handles the annual audit").compliance).toBe("strict");
  });

  it("a clause another part of the organisation opens tells of its systems, up to the team speaking again", () => {
    expect(values("our parent company is under SOX but we are not")).toEqual({});
    expect(values("our sister team runs 50 microservices but we have a monolith")).toEqual({
      architecture: "monolith",
    });
    expect(values("the other teams deploy daily and we deploy monthly")).toEqual({ deploys: "regular" });
    expect(values("We're SOC 2 audited. Our parent company is under SOX.")).toEqual({
      compliance: "moderate",
    });
    // Unless the text tells nothing of the team's own: another's case, described to be read.
    expect(values("my friend's startup runs 200 microservices")).toEqual({ architecture: "microservices" });
    // Nor people the speaker knows (a blind trial's read Mixed, and the deploys both ways).
    expect(
      values(
        "our friends at Netflix run thousands of microservices and deploy hundreds of times a day. we have one rails monolith and deploy weekly",
      ),
    ).toEqual({ architecture: "monolith", deploys: "regular" });
    // Not where the team opens the clause with it: that system is the team's too.
    expect(values("we and the sister team share a cluster of 20 microservices").architecture).toBe(
      "microservices",
    );
    // Nor where the team is in its clause otherwise (an independent review's).
    expect(values("our parent company requires SOC 2 for us, we run a monolith")).toEqual({
      compliance: "moderate",
      architecture: "monolith",
    });
    expect(values("another team manages the GPU nodes we train on")).toEqual({ hardware: "gpu" });
    expect(values("the sister team is HIPAA regulated and so are we")).toEqual({ compliance: "strict" });
    // An "i think" is no team speaking: the friend's case is read whole.
    expect(values("my cousin's company runs 40 microservices on k8s, i think they deploy daily")).toEqual({
      architecture: "microservices",
      deploys: "frequent",
    });
    // Nor a clause after it: "other teams" no longer the subject.
    expect(values("other teams use GPUs, we run 12 microservices").architecture).toBe("microservices");
  });

  it("an aside sets aside what it closes, not the rest of its sentence, and never a chat opener", () => {
    expect(
      values("The GPU boxes are for something else, but our API is stateless and deploys daily."),
    ).toEqual({
      state: "stateless",
      deploys: "frequent",
    });
    expect(values("Kubernetes is not our thing, we deploy a monolith weekly")).toEqual({
      architecture: "monolith",
      deploys: "regular",
    });
    expect(values("Different question: we run 20 stateless services and deploy daily.").deploys).toBe(
      "frequent",
    );
    expect(values("Please ignore the typos, we are a bank regulated by the FCA.").compliance).toBe("strict");
    expect(values("We can't ignore that we're PCI regulated.").compliance).toBe("strict");
    // A retraction points back: the sentence before is set aside, the correction read.
    expect(values("We deploy daily. Sorry ignore that, we deploy weekly.")).toEqual({ deploys: "regular" });
    // "This" as a determiner, or "That said", points nowhere.
    expect(values("We run 20 stateless services. This Windows box is for something else.").state).toBe(
      "stateless",
    );
    expect(values("We deploy daily. That said, the GPU cluster is out of scope.")).toEqual({
      deploys: "frequent",
    });
    // "we're / we are out of scope" says where the asker stands; "the boxes were" is an aside.
    expect(
      values("Nobody audits the OT network (IT has their ISO stuff, we are out of scope)").compliance,
    ).toBe("none");
    expect(values("The GPU boxes were out of scope")).toEqual({});
  });

  it("review: no new reading of logs, restarts, batch rates, research spikes or 'can't just'", () => {
    expect(values("logs roll over daily")).toEqual({});
    expect(values("we do rolling restarts every night")).toEqual({});
    expect(values("we roll out a new build once a month")).toEqual({ deploys: "regular" });
    expect(values("We deploy weekly, batch jobs run 4/day")).toEqual({ deploys: "regular" });
    expect(values("I'm doing a research spike this weekend on gVisor")).toEqual({});
    expect(values("Traffic did spike at launch last year.")).toEqual({ load: "spiky" });
    expect(values("Expecting a massive spike at launch")).toEqual({ load: "spiky" });
    expect(values("we're rolling out new builds twice a week")).toEqual({ deploys: "regular" });
    expect(values("We can't just run our own clusters, we're 2 people").orchestration).toBe("low");
    expect(values("legacy donor database on Windows 2008").legacy).toBe("yes");
    expect(values("stateless web tier, plus a Postgres database my team operates").state).toBe("mixed");
    expect(
      values("ECS/Fargate is fine, but nobody wants to self-host a cluster").orchestration,
    ).toBeUndefined();
  });

  it("a monolith with services already carved out of it is mixed; a plan to carve them is not", () => {
    expect(values("a python monolith, but we started carving out services, 4 so far").architecture).toBe(
      "mixed",
    );
    expect(values("a rails monolith, and we've carved out 3 services so far").architecture).toBe("mixed");
    expect(values("a rails monolith; we want to carve out services next year").architecture).toBe("monolith");
  });

  it("'managed' is matched as written: a management app is no managed database", () => {
    expect(values("our cellar management app is Python with Postgres").state).toBeUndefined();
    expect(values("data lives in managed Postgres, the app is stateless")).toEqual({ state: "stateless" });
    expect(values("a managed k8s would be fine")).toEqual({ orchestration: "medium" });
    expect(values("we run self-managed kubernetes")).toEqual({ orchestration: "high" });
  });

  it("a platform team or a platform engineering team is high maturity; one platform engineer is not", () => {
    expect(values("we hired a platform engineer last month")).toEqual({});
    expect(values("we have a platform engineering team")).toEqual({ maturity: "high" });
  });

  it("holding people's data says what data is kept, not where state lives", () => {
    expect(values("we hold personal data about our members").state).toBeUndefined();
    expect(values("the app keeps its data on local disk")).toEqual({ state: "stateful" });
  });

  it("a third review's cases: dates, growth, ranges across bands, versions, 'self managed' with a space", () => {
    for (const text of [
      "We upgraded to Postgres 16 a year ago.",
      "We upgraded 40 servers a month ago.",
      "Prod load grows 50x in a year.",
      "We release every 2-3 months.",
      "We deploy 1-5 times a week.",
      "We run Java 8-17 services.",
      "We run Windows 10-11 desktops and upgrade them once a year.",
      "Our retention policy keeps nothing older than 30 days.",
      "The dev team is segregated from ops.",
      "Moving to Kubernetes meant less orchestration glue for us to write.",
    ])
      expect(values(text), text).toEqual({});
    expect(values("We handle 10x the traffic per day in prod.").deploys).toBeUndefined();
    expect(values("We run self managed Kubernetes on our own VMs.")).toEqual({ orchestration: "high" });
    expect(values("15-20 deploys a day")).toEqual({ deploys: "frequent" });
  });

  it("a stage word two words on or in brackets ('not a k8s shop (yet)'), not 'yet' opening a clause", () => {
    for (const text of [
      "we are not a k8s shop (yet)",
      "we do not run k8s (yet)",
      "we are not a k8s shop yet",
    ])
      expect(values(text), text).toEqual({});
    expect(values("we do not want k8s, yet we need to scale")).toEqual({ orchestration: "low" });
    expect(values("no kubernetes. Yet we manage fine")).toEqual({ orchestration: "low" });
  });

  it("names banking supervisors as strict regimes", () => {
    expect(values("we are supervised by BaFin")).toEqual({ compliance: "strict" });
    expect(values("GDPR and FINMA both apply")).toEqual({ compliance: "strict" });
    expect(values("BaFin doesn't apply to us")).toEqual({ compliance: "none" });
  });

  it("'maintenance windows' are no Windows, but patching Windows servers is; 'Win10' is Windows, 'win 1' no", () => {
    for (const text of [
      "The software expects a full RHEL install. We get two change windows a year.",
      "Every node runs Rocky Linux 9, patched in monthly maintenance windows.",
      "Quick win 1: move CI onto Ubuntu runners.",
      "Moving them to Ubuntu 22.04 base hosts was a win-win.",
      "We patch our Linux servers in maintenance windows.",
      // One system to host: the desktops and a retired box are no workload of ours.
      "Stateless Go APIs on Debian. The office PCs run Windows 10 and are managed by IT.",
      "Our last Windows box was shut down in March. Everything is Ubuntu now.",
    ])
      expect(values(text).multiOs, text).toBeUndefined();
    expect(values("We patch Windows servers and RHEL boxes monthly.")).toMatchObject({ multiOs: "yes" });
    for (const text of ["We host Windows/Linux servers for clients.", "Hosts are RHEL7/RHEL9."])
      expect(values(text), text).toEqual({ multiOs: "yes" });
    // Two names for one system, and slashes that name no second system.
    for (const text of [
      "Our servers are RHEL/CentOS 7.",
      "SUSE/SLES 15",
      "linux/amd64 images",
      "RHEL 8 with I/O tuning",
    ])
      expect(values(text).multiOs, text).toBeUndefined();
    expect(values("guests run Win7, Win10 and a couple of Linux distros")).toEqual({ multiOs: "yes" });
  });

  it("fresh27's general causes, kept to what they mean: malware that is run, a deploy verb most days", () => {
    for (const text of [
      "we detonate malware samples for customers",
      "Malware detonation is our core workload.",
      "We run a malware analysis sandbox for the SOC.",
    ])
      expect(values(text), text).toEqual({ isolation: "hard" });
    for (const text of ["Linux VMs only.", "We run Linux hosts only."])
      expect(values(text), text).toEqual({ multiOs: "no" });
    for (const text of ["we deploy most days", "We ship most days.", "We release most days."])
      expect(values(text), text).toEqual({ deploys: "frequent" });
    expect(values("We ship physical goods most days and deploy the web shop monthly.")).toEqual({
      deploys: "regular",
    });
    expect(values("small stateless services, shipped most days")).toMatchObject({ deploys: "frequent" });
    for (const text of [
      "Our uploads go through a malware scan before they are stored.",
      "Auditors require anti-malware agents on every host.",
      "We're trying to escape VMware licensing costs after the Broadcom deal.",
      "Most days the deploy queue is empty.",
      "Nobody knows Docker better than our platform team; they've run it since 2015.",
      "We run our services on Kubernetes; we've never used Docker Swarm.",
      "Our CI runs a malware check on every artifact.",
      "We had a malware incident last year so we now run Falco on our clusters.",
      "Our EDR agents analyze malware signatures on every laptop.",
      "The release branch is frozen most days.",
      "Release notes are written most days.",
      "The deploy server is idle most days.",
    ])
      expect(values(text), text).not.toHaveProperty(
        text.includes("malware") || text.includes("escape")
          ? "isolation"
          : text.includes("Docker")
            ? "maturity"
            : "deploys",
      );
    // Walling a regulated or old part off does not say there is none.
    expect(
      values("Card data never touches the cluster; it stays in the PCI environment on VMs."),
    ).toMatchObject({
      compliance: "strict",
    });
    expect(values("Legacy COBOL never touches the new services.")).toEqual({ legacy: "yes" });
    // The current state after a spike is today's load, not a baseline between spikes.
    expect(values("Load was spiky last year; now it is steady again.").load).not.toBe("spiky");
    for (const text of [
      "we don't use Kubernetes, and yet we deploy 20 times a day",
      "we don't use Kubernetes and yet we deploy 20 times a day",
    ])
      expect(values(text), text).toMatchObject({ orchestration: "low" });
    // Having never used containers for one part or until a time is no answer: "never used
    // containers for the database", "had never used Docker until 2021" (a second review's cases);
    // "none of us have ever used docker" is (below).
    expect(
      values("We never used containers for the database, only for stateless APIs.").maturity,
    ).toBeUndefined();
    expect(
      values("We had never used Docker until 2021; now we run 200 services on Kubernetes.").maturity,
    ).not.toBe("low");
  });

  it("a negator before a degree compares: 'not bank-level audits', 'not HIPAA-grade' say nothing", () => {
    for (const text of [
      "it's not bank-level audits",
      "we are not HIPAA-grade strict",
      "not a PCI-level regime",
    ])
      expect(values(text), text).toEqual({});
    expect(values("we are never audited")).toEqual({ compliance: "none" });
    expect(values("not regulated at all")).toEqual({ compliance: "none" });
  });

  it("a softened negator says nothing: 'not just trust the kernel' asks for more, it does not distrust", () => {
    expect(values("our security lead wants defence in depth, not just 'trust the kernel'").isolation).toBe(
      "strong",
    );
    expect(values("we can't trust the kernel")).toEqual({ isolation: "hard" });
    expect(values("it's not only regulated, it's audited")).not.toHaveProperty("compliance", "none");
  });

  it("not wanting to run clusters of our own, beside a managed orchestrator named, is no low appetite", () => {
    for (const text of [
      "Happy to use ECS or EKS but nobody here wants to self-host a cluster.",
      "AKS would be ok, we just don't want to run our own clusters",
      "gke autopilot is the max we can take, NOT self-hosted k8s",
    ])
      expect(values(text).orchestration, text).toBeUndefined();
    expect(values("nobody here wants to self-host a cluster").orchestration).toBe("low");
    expect(values("we'd rather not run clusters ourselves, 3 people").orchestration).toBe("low");
    // A managed orchestrator said to be fine is medium, and wins over the refusal.
    expect(values("managed kubernetes is fine, but we won't run our own clusters").orchestration).toBe(
      "medium",
    );
  });

  it("GPUs denied for one job but needed for training are no 'no special hardware' (a blind trial's read none)", () => {
    for (const text of [
      "we actually dont need gpus for inference, only training",
      "we don't need gpus except for training",
    ])
      expect(values(text).hardware, text).toBeUndefined();
    expect(values("we don't need gpus, we only run web apps").hardware).toBe("none");
  });

  it("reads Kubernetes know-how the team has as a high orchestration appetite (a second blind trial's were read as nothing)", () => {
    for (const text of ["team is strong on k8s", "we know kubernetes inside out", "we've run k8s before"])
      expect(values(text).orchestration, text).toBe("high");
    expect(values("we haven't run k8s before").orchestration).toBe("low");
  });

  it("understands nothing in a plain question", () => {
    expect(values("what is a hypervisor?")).toEqual({});
  });

  it("the data is validated: an unknown value is a clear error", () => {
    const broken = structuredClone(knowledge.situations) as Record<string, unknown>;
    (broken.cues as { load: { groups: { value: string }[] } }).load.groups[0]!.value = "wavy";
    const parsed = situationsSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/unknown value "wavy" for load/);
    // An OS name given a rule of its own must be one the reader knows.
    const os = structuredClone(knowledge.situations) as Record<string, unknown>;
    (os.osFamilies as { joined: string[] }).joined = ["wni"];
    expect(situationsSchema.safeParse(os).error?.issues[0]?.message).toMatch(
      /"wni" is no name in osFamilies.families/,
    );
  });
});
