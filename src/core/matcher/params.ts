/**
 * Every tuning knob of the question matcher, in one place (the way MiniSearch keeps BM25Params).
 * Changing one changes answers: run `npm run eval` before and after.
 */
export interface MatcherParams {
  features: {
    /** Word stems (after the lexicon's synonyms and stopwords) and pairs of neighbouring stems. */
    bigrams: boolean;
    /** Character n-grams inside each word, "<word>"-bounded, so typos and word forms still overlap. */
    charMin: number;
    charMax: number;
    /** The L2 norm of each group of a question's features: how much words and characters weigh. */
    wordNorm: number;
    charNorm: number;
    /**
     * Weigh each feature by its rarity across entries (log(classes / classes with it)) before
     * normalising, so "backup" outweighs "differ" in "how do backups differ between VMs and containers".
     */
    idf: boolean;
    /**
     * A group's norm grows with its number of features to this power (0: every text has the same
     * norm). Above 0, a long question that says a lot about one entry scores as sure as a short one.
     */
    lengthExponent: number;
    /**
     * A feature seen in more than this many entries' phrasings is dropped: it tells nothing apart
     * and only costs time (never reached by today's knowledge; it keeps 10,000 entries trainable).
     */
    maxSupport: number;
  };
  training: {
    /** Passes over the phrasings; fewer on a large knowledge base (see maxWork). */
    epochs: number;
    /** Step size of the first pass, multiplied by `decay` after each pass. */
    learningRate: number;
    decay: number;
    /** L2 shrinkage applied to the weights an example touches. */
    l2: number;
    /** Upper bound on weight updates over all passes; the number of passes shrinks to fit it. */
    maxWork: number;
    /** Seed of the fixed shuffle of the phrasings, so the same knowledge trains the same model. */
    seed: number;
  };
  decide: {
    /** At or above this probability (and clear of the runner-up) the best entry is the answer. */
    answer: number;
    /** Entries at or above this probability are offered as "did you mean". */
    suggest: number;
    /**
     * When the runner-up is within this probability of the best, both are offered instead of a
     * guess (Rasa's ambiguity_threshold).
     */
    ambiguity: number;
    /** Below this share of known words a question is declined as out of scope. */
    minKnown: number;
    /**
     * A question with no subject word is still answered when the model is this sure of one entry
     * ("running customer supplied code safely" is about untrusted tenants without saying so).
     */
    withoutSubjectWord: number;
  };
}

export const defaultMatcherParams: MatcherParams = {
  features: { bigrams: true, charMin: 3, charMax: 5, wordNorm: 1, charNorm: 0.8, idf: true, lengthExponent: 0, maxSupport: 400 },
  training: { epochs: 10, learningRate: 2, decay: 0.8, l2: 1e-5, maxWork: 6e8, seed: 20261129 },
  decide: { answer: 0.3, suggest: 0.06, ambiguity: 0.08, minKnown: 0.3, withoutSubjectWord: 0.85 },
};
