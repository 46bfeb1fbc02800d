import type { SparseVector } from "./features.ts";
import type { MatcherParams } from "./params.ts";

/** Below this probability a wrong class's weights are not updated (it saves most of the writes). */
const NEGLIGIBLE = 1e-4;

export interface Example {
  vector: SparseVector;
  label: number;
  /**
   * A number from the phrasing's own text (textKey): training orders the examples by it, so a
   * phrasing added or removed moves no other phrasing's place. Without it, the example's index.
   */
  key?: number;
}

/** A trained model's arrays (see SoftmaxModel): what cache.ts stores. */
export interface ModelWeights {
  numClasses: number;
  rowStart: Int32Array;
  classOf: Int32Array;
  weight: Float64Array;
  epochs: number;
}

export interface ClassProbability {
  label: number;
  probability: number;
}

/**
 * Multinomial logistic regression over sparse features, trained with plain SGD in a fixed,
 * seeded order (the same examples always give the same weights).
 *
 * A feature only carries weights for the classes whose examples contain it (its "support"),
 * the way CRF toolkits restrict features to those seen with a label: the weight matrix stays
 * as sparse as the data, so 10,000 entries train and answer in time. Every other class scores
 * 0 for that feature, and the softmax still runs over all classes.
 */
export class SoftmaxModel {
  /** Row f of the weight matrix is rowStart[f] .. rowStart[f + 1] in classOf and weight. */
  private readonly rowStart: Int32Array;
  private readonly classOf: Int32Array;
  private readonly weight: Float64Array;
  private readonly scores: Float64Array;
  private readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;
  private touchedCount = 0;
  /** How many SGD passes training made (fewer than asked for on a very large knowledge base). */
  readonly epochs: number;
  readonly numClasses: number;

  /** Trains a model on `examples` (plain SGD, seeded order: the same examples give the same weights). */
  static train(
    numClasses: number,
    numFeatures: number,
    examples: Example[],
    params: MatcherParams["training"],
  ): SoftmaxModel {
    // Support: which classes each feature was seen with, sorted by class.
    for (const e of examples)
      if (e.label < 0 || e.label >= numClasses)
        throw new RangeError(`label ${e.label} outside ${numClasses} classes`);
    const support: Set<number>[] = Array.from({ length: numFeatures }, () => new Set());
    for (const e of examples) for (const f of e.vector.ids) support[f]!.add(e.label);
    const rowStart = new Int32Array(numFeatures + 1);
    for (let f = 0; f < numFeatures; f++) rowStart[f + 1] = rowStart[f]! + support[f]!.size;
    const classOf = new Int32Array(rowStart[numFeatures]!);
    for (let f = 0; f < numFeatures; f++)
      classOf.set(
        [...support[f]!].sort((a, b) => a - b),
        rowStart[f]!,
      );
    let workPerEpoch = 0;
    for (const e of examples) for (const f of e.vector.ids) workPerEpoch += rowStart[f + 1]! - rowStart[f]!;
    const epochs = Math.max(
      1,
      Math.min(params.epochs, Math.floor(params.maxWork / Math.max(1, workPerEpoch))),
    );
    const model = new SoftmaxModel({
      numClasses,
      rowStart,
      classOf,
      weight: new Float64Array(classOf.length),
      epochs,
    });
    model.train(examples, params);
    return model;
  }

  /** A model from weights trained before (see cache.ts). */
  constructor(weights: ModelWeights) {
    this.numClasses = weights.numClasses;
    this.rowStart = weights.rowStart;
    this.classOf = weights.classOf;
    this.weight = weights.weight;
    this.epochs = weights.epochs;
    this.scores = new Float64Array(this.numClasses);
    this.touched = new Int32Array(this.numClasses);
    this.isTouched = new Uint8Array(this.numClasses);
  }

  /** Everything the model knows, to store and restore it without training again. */
  get weights(): ModelWeights {
    const { numClasses, rowStart, classOf, weight, epochs } = this;
    return { numClasses, rowStart, classOf, weight, epochs };
  }

  private train(examples: Example[], params: MatcherParams["training"]): void {
    const keys = Uint32Array.from(examples, (e, i) => e.key ?? i);
    const order = Int32Array.from(examples, (_, i) => i);
    const { rowStart, classOf, weight, scores } = this;
    for (let epoch = 0; epoch < this.epochs; epoch++) {
      inKeyedOrder(order, keys, params.seed, epoch);
      const rate = params.learningRate * params.decay ** epoch;
      const keep = 1 - rate * params.l2;
      for (let o = 0; o < order.length; o++) {
        const { vector, label } = examples[order[o]!]!;
        this.probabilities(vector);
        const { ids, values } = vector;
        for (let j = 0; j < ids.length; j++) {
          const f = ids[j]!;
          const step = rate * values[j]!;
          const end = rowStart[f + 1]!;
          for (let k = rowStart[f]!; k < end; k++) {
            const c = classOf[k]!;
            const p = scores[c]!;
            // A class the model already all but rules out would move by next to nothing: skip it.
            if (c === label) weight[k] = weight[k]! * keep - step * (p - 1);
            else if (p >= NEGLIGIBLE) weight[k] = weight[k]! * keep - step * p;
          }
        }
        this.reset();
      }
    }
  }

  /**
   * Leaves each touched class's probability in `scores` and returns the probability of every
   * class no feature points at (they all score 0).
   */
  private probabilities(vector: SparseVector): number {
    // Locals, not fields, in the loops: this runs for every example on every pass of training.
    const { rowStart, classOf, weight, scores, touched, isTouched } = this;
    const { ids, values } = vector;
    let count = this.touchedCount;
    for (let j = 0; j < ids.length; j++) {
      const f = ids[j]!;
      const x = values[j]!;
      const end = rowStart[f + 1]!;
      for (let k = rowStart[f]!; k < end; k++) {
        const c = classOf[k]!;
        if (isTouched[c] === 0) {
          isTouched[c] = 1;
          touched[count++] = c;
        }
        scores[c] = scores[c]! + weight[k]! * x;
      }
    }
    this.touchedCount = count;
    let max = 0;
    for (let t = 0; t < count; t++) max = Math.max(max, scores[touched[t]!]!);
    const rest = Math.exp(-max);
    let z = (this.numClasses - count) * rest;
    for (let t = 0; t < count; t++) {
      const c = touched[t]!;
      const e = Math.exp(scores[c]! - max);
      scores[c] = e;
      z += e;
    }
    for (let t = 0; t < count; t++) scores[touched[t]!]! /= z;
    return rest / z;
  }

  private reset(): void {
    const { scores, touched, isTouched } = this;
    for (let t = 0; t < this.touchedCount; t++) {
      const c = touched[t]!;
      scores[c] = 0;
      isTouched[c] = 0;
    }
    this.touchedCount = 0;
  }

  /** The `k` most probable classes, most probable first (ties by class number). */
  top(vector: SparseVector, k: number): ClassProbability[] {
    if (k <= 0) return [];
    const rest = this.probabilities(vector);
    // The k best by insertion into a short sorted list: a question touches most classes, and
    // sorting them all cost as much as scoring them.
    const best: ClassProbability[] = [];
    for (let t = 0; t < this.touchedCount; t++) {
      const c = this.touched[t]!;
      const candidate = { label: c, probability: this.scores[c]! };
      if (best.length === k) {
        if (byProbability(candidate, best[k - 1]!) >= 0) continue;
        best.pop();
      }
      let at = best.length;
      while (at > 0 && byProbability(candidate, best[at - 1]!) < 0) at--;
      best.splice(at, 0, candidate);
    }
    this.reset();
    // Classes no feature points at share the leftover probability; with none touched they tie.
    if (best.length < k && rest > 0)
      for (let c = 0; c < this.numClasses && best.length < k; c++)
        if (!best.some((b) => b.label === c)) best.push({ label: c, probability: rest });
    return best;
  }

  /** Each feature's weight for one class times its value: what pushed the class up or down. */
  contributions(vector: SparseVector, label: number): { feature: number; weight: number }[] {
    const out: { feature: number; weight: number }[] = [];
    vector.ids.forEach((f, j) => {
      const k = this.find(f, label);
      if (k >= 0) out.push({ feature: f, weight: this.weight[k]! * vector.values[j]! });
    });
    return out;
  }

  /** Position of (feature, class) in the sparse rows, or -1. */
  private find(f: number, label: number): number {
    let lo = this.rowStart[f]!;
    let hi = this.rowStart[f + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.classOf[mid]!;
      if (c === label) return mid;
      if (c < label) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/** Most probable first; equal probabilities by class number, so the order never depends on input order. */
function byProbability(a: ClassProbability, b: ClassProbability): number {
  return b.probability - a.probability || a.label - b.label;
}

/**
 * Orders the examples by a hash of their keys, the seed and the pass: a fixed shuffle of each
 * pass in which every example's place depends on its own key only (ties by index). A shuffle by
 * position (until 2026-12-01) put every phrasing elsewhere once one was added, so one new
 * alternate moved answers to unrelated questions as much as another training seed does.
 */
function inKeyedOrder(order: Int32Array, keys: Uint32Array, seed: number, epoch: number): void {
  const salt = mix32((seed >>> 0) ^ mix32(epoch + 1));
  const rank = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) rank[i] = mix32(keys[i]! ^ salt);
  order.sort((a, b) => rank[a]! - rank[b]! || a - b);
}

/** murmur3's finaliser: a well-spread 32-bit hash of a 32-bit number. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A phrasing's key for the training order: FNV-1a over its text. */
export function textKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
