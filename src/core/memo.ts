/**
 * The value kept in `memo` for `key`, computed on first use. Past `max` entries the memo starts
 * again: a simple bound, and the texts and words that come back often come back first.
 */
export function remembered<K, V>(memo: Map<K, V>, key: K, max: number, compute: (key: K) => V): V {
  let value = memo.get(key);
  if (value === undefined) {
    value = compute(key);
    if (memo.size >= max) memo.clear();
    memo.set(key, value);
  }
  return value;
}

/** Values computed once per pair of objects (an entry and the context it is shown in), kept while both live. */
export class PairMemo<A extends object, B extends object, V> {
  private readonly byFirst = new WeakMap<A, WeakMap<B, V>>();

  get(a: A, b: B, compute: () => V): V {
    let bySecond = this.byFirst.get(a);
    if (!bySecond) {
      bySecond = new WeakMap();
      this.byFirst.set(a, bySecond);
    }
    let value = bySecond.get(b);
    if (value === undefined) {
      value = compute();
      bySecond.set(b, value);
    }
    return value;
  }
}
