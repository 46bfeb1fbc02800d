import { z } from "zod";
import { ANSWER_KEYS, ANSWER_VALUES, type AnswerKey } from "../core/decision/contract.ts";

/**
 * knowledge/situations.yaml: how a description of someone's situation is read into checklist
 * answers (cue phrases per answer value, negation, contrast, numbers). See the file's header.
 */
const words = z.array(z.string().min(1));

const range = z
  .strictObject({
    min: z.number().optional(),
    max: z.number().optional(),
    value: z.string().min(1),
  })
  .refine((r) => r.min !== undefined || r.max !== undefined, "a range needs min or max");

const cueGroup = z.strictObject({
  value: z.string().min(1),
  /** The value a negated cue of this group states; without it a negated cue says nothing. */
  negated: z.string().min(1).optional(),
  /**
   * Words (as written) that, anywhere in the text, stop a negated cue from stating `negated`: it
   * then says nothing ("nobody wants to self-host a cluster" beside "EKS would be fine" refuses
   * running clusters, not a managed one).
   */
  negatedUnless: words.optional(),
  /**
   * A negated cue of this group says only that its value does not hold: its `negated` value gives
   * way to any other value read for the key ("SOC 2 audits, but no regulator" is moderate).
   */
  negatedYields: z.boolean().default(false),
  /**
   * Words (as written) that, among the three words that say something before or after a cue in its
   * clause, or between its words, make it say nothing ("a sportsbook licensed in 6 jurisdictions"
   * is a licensed business, no licensed software; "fine with a managed orchestrator" is no high
   * appetite).
   */
  notBeside: words.optional(),
  /**
   * Words (as written, apostrophes dropped) that, right after a cue, make it say nothing ("legacy
   * giving" is a bequest); an entry of several words must follow word for word ("card data never
   * touches").
   */
  notFollowedBy: words.optional(),
  /**
   * Words that may not stand in the gaps between a cue's words: "tenants run untrusted code" is no
   * "tenants run our code" with a word between.
   */
  notAcross: words.optional(),
  /**
   * Words (as written) that may not be the cue's last word: "we don't use EKS" is no "no
   * kubernetes", though the synonyms make EKS kubernetes (a team may run another managed one).
   * (The cue ends at the first word it can: "we don't want EKS or any other kubernetes" reads
   * nothing either.)
   */
  notWritten: words.optional(),
  /**
   * The value said outright ("the regulator's demands are moderate"): like an answer given by name,
   * it settles the key over other cues (the "regulator" beside it would say strict).
   */
  explicit: z.boolean().default(false),
  /** This group's cues count only in a clause with one of these words (instead of the key's `context`). */
  context: words.optional(),
  /**
   * With `context`, the words may be anywhere in the cue's sentence, not only in its clause; then
   * they are compared as written ("regulator", not the "regulated" that shares its stem).
   */
  contextInSentence: z.boolean().default(false),
  /**
   * A cue of this group in a clause that also names one of these phrases states `value` instead,
   * or nothing without one ("we keep our data in Aurora": kept, but in a managed service; "we run
   * a Kafka cluster" says nothing about running Kubernetes).
   */
  elsewhere: z
    .strictObject({ value: z.string().min(1).optional(), phrases: z.array(z.string().min(2)).min(1) })
    .optional(),
  phrases: z.array(z.string().min(2)).min(1),
});

const keyCues = z.strictObject({
  /** Words of which one must be in the cue's clause for it to count (e.g. deploy for "weekly"). */
  context: words.optional(),
  /** value -> the values it wins over when both are read ("strict" over "moderate"). */
  dominates: z.record(z.string(), z.array(z.string())).default({}),
  /** Two values read together that mean a third ("monolith" + "microservices" is "mixed"). */
  combine: z.array(z.strictObject({ values: z.array(z.string()).length(2), value: z.string() })).default([]),
  /**
   * Phrases that limit a cue to one part of the system ("the payments service only"): a cue in a
   * clause where one matches leaves the key unknown (a mixed signal), never read for the whole.
   */
  scope: z.array(z.string().min(2)).default([]),
  /**
   * Another key's answer that changes this one: read beside `key`=`value`, this key's `from`
   * becomes `gives` (many services beside a legacy system are a mixed architecture), or, without
   * `gives`, is left unknown (in a system of two parts, "stateless" may speak for one of them).
   */
  alongside: z
    .array(
      z.strictObject({
        key: z.enum(ANSWER_KEYS),
        value: z.string().min(1),
        from: z.string().min(1),
        gives: z.string().min(1).optional(),
      }),
    )
    .default([]),
  /**
   * Quantifiers that make a cue speak for part of the system ("most services are stateless"):
   * read beside another value they `combine` with it; alone they leave the key unknown.
   */
  partial: words.default([]),
  /**
   * Phrases naming one distinct part of the system ("a COBOL batch system", "the old part"). Alone
   * they say nothing; read together with `with` they mean `gives` (a dozen services around an old
   * core is "mixed"). With `afterContrast`, only when the `with` cue comes after a contrast word
   * that follows the part ("25 microservices, but the match servers keep state on disk").
   */
  parts: z
    .array(
      z.strictObject({
        phrases: z.array(z.string().min(2)).min(1),
        with: z.string().min(1),
        gives: z.string().min(1),
        afterContrast: z.boolean().default(false),
        /**
         * A part with one of these words (compared by stem) among the three words that say
         * something before it or after it is someone else's ("managed Postgres", "Postgres on RDS").
         */
        notBeside: z.array(z.string().min(1)).default([]),
      }),
    )
    .default([]),
  groups: z.array(cueGroup).min(1),
});

export const situationsSchema = z
  .strictObject({
    negators: words.min(1),
    contrast: words.min(1),
    filler: words,
    synonyms: z.record(z.string().min(1), z.string().min(1)).default({}),
    /** A word that is one of these + a cue word is that cue negated ("unpredictable"), never a typo. */
    negatingPrefixes: words.default([]),
    /** Phrases that put what follows in the past, so it no longer holds ("we used to run Windows"). */
    pastMarkers: z.array(z.string().min(2)).default([]),
    negatorPhrases: z.array(z.string().min(2)).default([]),
    /**
     * A clause opening with a comma after a clause that ends in one of these (within its last
     * three words) may be the rest of a negated list, and its cues are read as neither
     * ("no platform team, strong CI/CD and observability"); not when it opens with one of
     * `listSubjects` ("…, we have strong CI/CD").
     */
    listNegators: words.default([]),
    listSubjects: words.default([]),
    /** A past marker right after one of these is no past ("Terraform is used to run our clusters"). */
    passive: words.default([]),
    /** Words that start a clause of its own: a negator before one does not reach past it. */
    subordinators: words.default([]),
    /**
     * A relative clause a negator before it reaches into: a relative word right after a pronoun
     * ("nothing that needs", "anything that needs") or after a word a determiner opens ("no app that").
     */
    relativeClauses: z
      .strictObject({ relatives: words, pronouns: words, determiners: words, complements: words.default([]) })
      .default({ relatives: [], pronouns: [], determiners: [], complements: [] }),
    /** After a contrast, these make the later side replace the earlier ("it was a monolith, but now…"). */
    supersede: words.default([]),
    /** Words that end the reach of an `elsewhere` phrase after its cue ("our own clusters and a Kafka cluster"). */
    joiners: words.default([]),
    /**
     * A verb's negation right after a cue turns against it ("HIPAA doesn't apply", "GPUs aren't
     * needed"): one of `negators`, then within two words one of `verbs`. A word of `ended` alone
     * does the same ("the Windows server was decommissioned").
     */
    negatedAfter: z
      .strictObject({
        negators: words,
        verbs: words,
        /** A clause of only one of these, right after a cue's, turns it down ("…, no thanks"). */
        refused: words.default([]),
        ended: words.default([]),
        auxiliaries: words.default([]),
        /** Ending the clause of a cue of `lackingKeys`, these deny it ("strong CI/CD is what we are missing"). */
        lacking: words.default([]),
        lackingKeys: z.array(z.enum(ANSWER_KEYS)).default([]),
        /** The negator, a pointer and a verb of wanting deny the cue ("is not something we want"). */
        wanted: z
          .strictObject({
            pointers: words,
            verbs: words,
            /** Words of time that may follow the verb and still end the clause ("… we need right now"). */
            times: words.default([]),
          })
          .default({ pointers: [], verbs: [], times: [] }),
      })
      .default({
        negators: [],
        verbs: [],
        refused: [],
        ended: [],
        auxiliaries: [],
        lacking: [],
        lackingKeys: [],
        wanted: { pointers: [], verbs: [], times: [] },
      }),
    /** A word right after one of these is a name, not a statement ("a product called Legacy"). */
    naming: words.default([]),
    /**
     * Phrases that set what they close aside as someone else's or beside the point ("the GPU boxes
     * are a separate conversation, pls ignore"), matched word for word: no cue is read from the
     * start of the sentence (or contrast segment) to the end of the aside's clause.
     */
    asides: z
      .strictObject({
        phrases: z.array(z.string().min(2)),
        /** Words as written (with apostrophes) right before an aside that keep it from counting ("we're out of scope"). */
        notAfter: z.array(z.string().min(1)).default([]),
        /** A sentence opening with one of these (after `openers`) sets the sentence before aside too. */
        pointers: z.array(z.string().min(1)).default([]),
        openers: words.default([]),
        /** Opening an aside's clause after ";", these point back past it ("; those are out of scope"). */
        back: words.default([]),
      })
      .default({ phrases: [], notAfter: [], pointers: [], openers: [], back: [] }),
    /**
     * Another part of the organisation opening a clause ("our parent company is under SOX", "the
     * sister team runs 50 microservices"): no cue is read from it to the end of its clause, or to
     * where the team speaks again (`resumes`: "… and we deploy weekly").
     */
    otherParties: z
      .strictObject({
        phrases: z.array(z.string().min(2)),
        openers: words.default([]),
        /** The team as a subject, starting a clause of its own after one of `joins` ("… and we deploy weekly"). */
        subjects: words.default([]),
        joins: words.default([]),
        /** The team itself, which must speak elsewhere in the text for another's clause to be set aside. */
        team: words.default([]),
      })
      .default({ phrases: [], openers: [], subjects: [], joins: [], team: [] }),
    /** A cue of one of `keys` right before one of `nouns` names a team, not the system ("the Legacy squad"). */
    teamNames: z
      .strictObject({ nouns: words, keys: z.array(z.enum(ANSWER_KEYS)).default([]) })
      .default({ nouns: [], keys: [] }),
    /** Words that may stand between a cue and its `elsewhere` phrase ("data lives in managed RDS"). */
    storeModifiers: words.default([]),
    /**
     * Someone else runs the store a cue or `parts` phrase of `key` names ("the Postgres cluster the
     * data folks own", "the DB is owned by the billing team"): the cue states its `elsewhere` value,
     * and the part is none of the asker's system. See situations.yaml for how it is read.
     */
    keptByOthers: z
      .strictObject({
        key: z.enum(ANSWER_KEYS),
        stores: words.min(1),
        by: words,
        nouns: words,
        owners: words,
        verbs: words,
        ours: words,
        ownStores: words,
        relatives: words,
        window: z.number().int().min(1),
      })
      .optional(),
    /** Before a `parts` phrase these make it a plan ("we want to break the monolith into services"). */
    intentions: words.default([]),
    /** A cue right next to one of these, in a question, is compared, not stated ("stateful vs stateless?"). */
    comparisons: words.default([]),
    /**
     * A negated cue of one of `keys` whose words hold one of `markers` and one of `verbs` speaks of
     * experience, not of what is or is wanted ("nobody has run k8s", "we've never run GPU nodes").
     */
    experience: z
      .strictObject({
        keys: z.array(z.enum(ANSWER_KEYS)).min(1),
        markers: words.min(1),
        verbs: words.min(1),
      })
      .optional(),
    /**
     * Right after a negated cue of one of `keys`, one of `words` makes it a stage on the way ("no
     * k8s yet"); not right after one of `conjunctions` ("no k8s and yet we deploy daily").
     */
    stages: z
      .strictObject({ keys: z.array(z.enum(ANSWER_KEYS)), words: words, conjunctions: words.default([]) })
      .default({ keys: [], words: [], conjunctions: [] }),
    /** Real words a letter away from a cue word, never read as its typo ("explore" is not "explode"). */
    notTypos: words.default([]),
    /** Words matched as written, not by stem, in cue phrases and texts ("licensed" is not "licensing"). */
    exactWords: words.default([]),
    /** In a cue phrase, one of these binds to the next cue word: no other word between ("only supports"). */
    adjacent: words.default([]),
    /** Keys whose cues, in a question, ask for the answer rather than give it ("is k8s overkill?"). */
    askedNotStated: z.array(z.enum(ANSWER_KEYS)).default([]),
    /** A negator right before one of these compares rather than negates ("nothing like HIPAA"). */
    likeness: words.default([]),
    /** A negator then one of these softens rather than negates ("not heavily regulated"): nothing. */
    softeners: words.default([]),
    /** After a negator, a word ending in one of these compares degrees ("not bank-level audits"). */
    degreeSuffixes: words.default([]),
    /**
     * Right after a cue of one of `keys` with one of `values`, one of `words` makes it the usual
     * case ("flat most of the year", "even except renewals"): it says nothing.
     */
    usually: z
      .strictObject({ keys: z.array(z.enum(ANSWER_KEYS)), values: words, words: words })
      .default({ keys: [], values: [], words: [] }),
    /** Words that make what follows a possibility, not a fact ("we might add GPUs"): it says nothing. */
    hedges: words.default([]),
    /** After a negator but `notAfter`, these ask for more rather than deny: "not just trust the kernel". */
    notOnly: z
      .strictObject({ words: words, notAfter: words.default([]) })
      .default({ words: [], notAfter: [] }),

    /** Phrases that ask what to choose ("vms or containers", "what should we use"). */
    choiceCues: z.array(z.string().min(2)).min(1),
    numberWords: z.record(z.string().min(1), z.number().positive()),
    counts: z.array(
      z.strictObject({
        units: words.min(1),
        key: z.enum(ANSWER_KEYS),
        ranges: z.array(range),
        /** Names whose version a number right after them is, not a count (".NET 8 services"). */
        versionsOf: words.default([]),
        /** Words between the number and the unit that make them someone else's ("6 AWS services"). */
        notOfOurs: words.default([]),
      }),
    ),
    frequency: z.strictObject({
      key: z.enum(ANSWER_KEYS),
      perYear: z.record(z.string().min(1), z.number().positive()),
      ranges: z.array(range).min(1),
    }),
    cues: z.partialRecord(z.enum(ANSWER_KEYS), keyCues),
    /**
     * What people call a checklist question when they answer it by name ("compliance = strict",
     * "team maturity: medium"): each name followed by one of the question's values (checklist.yaml)
     * or a `valueNames` word for it is a cue for that value.
     */
    keyNames: z.partialRecord(z.enum(ANSWER_KEYS), z.array(z.string().min(2)).min(1)).default({}),
    /** Other words for a value after a key's name ("isolation normal" is standard). */
    valueNames: z.partialRecord(z.enum(ANSWER_KEYS), z.record(z.string().min(1), words.min(1))).default({}),
    /**
     * A multiplier ("traffic goes 20x", "a 10-30x spike") of at least `min`, in a clause with one of
     * `context`, states `key`=`value`: load that swings that far is spiky.
     */
    multipliers: z
      .strictObject({
        key: z.enum(ANSWER_KEYS),
        value: z.string().min(1),
        min: z.number().positive(),
        context: words.min(1),
        /** A clause with one of these speaks of growth, not of swings ("we grew 5x last year"). */
        growth: words.default([]),
        /** A multiplier followed by one of these counts without a `context` word ("20x traffic"). */
        before: words.default([]),
        /** Right after the multiplier these make it a comparison ("5x lower", "4x cheaper"). */
        after: words.default([]),
      })
      .optional(),
    /**
     * Operating-system families and the words that name one ("rhel" is linux). Two families named
     * in one sentence within `window` words of each other, neither negated, state `key`=`value`
     * ("Ubuntu 18, RHEL 8 and Windows Server side by side").
     */
    osFamilies: z
      .strictObject({
        key: z.enum(ANSWER_KEYS),
        value: z.string().min(1),
        window: z.number().int().positive(),
        families: z.record(z.string().min(1), words.min(1)),
        /** Names that are also ordinary words ("rocky"): they count only with a version or their family after them. */
        versioned: words.default([]),
        /** Names that count only with the version written onto them ("Win10", not "quick win 1"). */
        joined: words.default([]),
        /** name -> words right after which that name is an ordinary word ("maintenance windows"). */
        notAfter: z.record(z.string().min(1), words).default({}),
      })
      .optional(),
  })
  .superRefine((s, ctx) => {
    // Every value named anywhere must be one of the checklist's values for that key.
    const check = (key: AnswerKey, value: string, path: (string | number)[]) => {
      if (!(ANSWER_VALUES[key] as readonly string[]).includes(value))
        ctx.addIssue({
          code: "custom",
          path,
          message: `unknown value "${value}" for ${key}; valid: ${ANSWER_VALUES[key].join(", ")}`,
        });
    };
    s.counts.forEach((c, i) => {
      c.ranges.forEach((r, j) => {
        check(c.key, r.value, ["counts", i, "ranges", j, "value"]);
      });
    });
    s.frequency.ranges.forEach((r, j) => {
      check(s.frequency.key, r.value, ["frequency", "ranges", j, "value"]);
    });
    for (const key of ANSWER_KEYS) {
      const k = s.cues[key];
      if (!k) continue;
      k.groups.forEach((g, i) => {
        check(key, g.value, ["cues", key, "groups", i, "value"]);
        if (g.negated) check(key, g.negated, ["cues", key, "groups", i, "negated"]);
        if (g.elsewhere?.value)
          check(key, g.elsewhere.value, ["cues", key, "groups", i, "elsewhere", "value"]);
      });
      for (const [winner, losers] of Object.entries(k.dominates)) {
        check(key, winner, ["cues", key, "dominates", winner]);
        for (const l of losers) check(key, l, ["cues", key, "dominates", winner]);
      }
      k.combine.forEach((c, i) => {
        for (const v of [...c.values, c.value]) check(key, v, ["cues", key, "combine", i]);
      });
      k.alongside.forEach((a, i) => {
        check(a.key, a.value, ["cues", key, "alongside", i, "value"]);
        for (const v of [a.from, ...(a.gives ? [a.gives] : [])]) check(key, v, ["cues", key, "alongside", i]);
      });
      k.parts.forEach((p, i) => {
        for (const v of [p.with, p.gives]) check(key, v, ["cues", key, "parts", i]);
      });
    }
    for (const key of ANSWER_KEYS)
      for (const value of Object.keys(s.valueNames[key] ?? {})) check(key, value, ["valueNames", key, value]);
    if (s.osFamilies) {
      const os = s.osFamilies;
      check(os.key, os.value, ["osFamilies", "value"]);
      // Names the reader treats specially must be names it knows, or the rule never applies.
      const names = new Set(Object.values(os.families).flat());
      const special: [string, (string | number)[]][] = [
        ...os.versioned.map((n, i): [string, (string | number)[]] => [n, ["osFamilies", "versioned", i]]),
        ...os.joined.map((n, i): [string, (string | number)[]] => [n, ["osFamilies", "joined", i]]),
        ...Object.keys(os.notAfter).map((n): [string, (string | number)[]] => [
          n,
          ["osFamilies", "notAfter", n],
        ]),
      ];
      for (const [name, path] of special)
        if (!names.has(name))
          ctx.addIssue({ code: "custom", path, message: `"${name}" is no name in osFamilies.families` });
    }
    if (s.multipliers) check(s.multipliers.key, s.multipliers.value, ["multipliers", "value"]);
  });

export type SituationKnowledge = z.infer<typeof situationsSchema>;
export type KeyCues = z.infer<typeof keyCues>;
export type ValueRange = z.infer<typeof range>;
