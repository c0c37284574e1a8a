/**
 * A compact Aho–Corasick automaton over UTF-16 code units, kept entirely in
 * typed arrays so that a 100,000-alias dictionary costs a few megabytes, builds
 * in a fraction of a second and can be shipped between contexts as-is.
 *
 * Layout: states are numbered in breadth-first order, so the children of a
 * state are consecutive: state s has children first[s] .. first[s + 1] - 1,
 * sorted by the code unit on the edge (unit[child]). Failure links always
 * point to an earlier state, which lets us rebuild derived tables in one pass.
 */

export interface Automaton {
  readonly stateCount: number;
  /** Code unit on the edge into each state. */
  readonly unit: Uint16Array;
  /** Index of each state's first child; length stateCount + 1. */
  readonly first: Int32Array;
  /** Failure link (longest proper suffix that is also a trie path). */
  readonly fail: Int32Array;
  /** Key ending at this state, or -1. */
  readonly out: Int32Array;
  /** First state on the failure chain (self included) where a key ends, or 0. */
  readonly term: Int32Array;
  /** Direct transitions out of the root, indexed by code unit (0 = stay). */
  readonly root: Int32Array;
  /** Code unit → symbol (1..alphabetSize-1); 0 for units in no key. */
  readonly alpha: Uint16Array;
  readonly alphabetSize: number;
  /**
   * Complete transition rows (failure links already followed) for the first
   * denseCount states, i.e. the shallowest ones, where text spends most of its
   * time and where failure chains end: next = dense[s * alphabetSize + symbol].
   */
  readonly dense: Int32Array;
  readonly denseCount: number;
  /**
   * The per-state fields the scan loop reads, interleaved for cache locality:
   * node[4s] = first child, node[4s+1] = fail, node[4s+2] = term,
   * node[4s+3] = unit on the edge into s. Siblings sit in adjacent records.
   */
  readonly node: Int32Array;
}

/** Default bound on dense table entries (4 MB); deeper states use sorted edges. */
export const DENSE_ENTRIES = 1 << 20;

export interface AutomatonOptions {
  /**
   * At most this many of the shallowest states get a dense row (default: as many as fit in
   * DENSE_ENTRIES). 0 makes every state sparse, so tests can run the sparse rule on small packs.
   */
  denseStates?: number;
}

type Core = Omit<Automaton, 'alpha' | 'alphabetSize' | 'dense' | 'denseCount' | 'node'>;

function withDense(a: Core, options: AutomatonOptions): Automaton {
  const alpha = new Uint16Array(0x10000);
  let alphabetSize = 1;
  for (let s = 1; s < a.stateCount; s++) {
    const u = a.unit[s] ?? 0;
    if (alpha[u] === 0) alpha[u] = alphabetSize++;
  }
  const fit = Math.max(1, Math.floor(DENSE_ENTRIES / alphabetSize));
  const limit = options.denseStates ?? fit;
  const denseCount = Math.max(0, Math.min(a.stateCount, fit, Math.floor(limit)));
  const dense = new Int32Array(denseCount * alphabetSize);
  for (let s = 0; s < denseCount; s++) {
    const row = s * alphabetSize;
    // fail[s] < s, so its row is complete; children then override it.
    if (s > 0)
      dense.copyWithin(row, (a.fail[s] ?? 0) * alphabetSize, (a.fail[s] ?? 0) * alphabetSize + alphabetSize);
    const end = a.first[s + 1] ?? 0;
    for (let c = a.first[s] ?? 0; c < end; c++) dense[row + (alpha[a.unit[c] ?? 0] ?? 0)] = c;
  }
  const node = new Int32Array(a.stateCount * 4 + 4);
  for (let s = 0; s < a.stateCount; s++) {
    node[4 * s] = a.first[s] ?? 0;
    node[4 * s + 1] = a.fail[s] ?? 0;
    node[4 * s + 2] = a.term[s] ?? 0;
    node[4 * s + 3] = a.unit[s] ?? 0;
  }
  // Sentinel record so that node[4 * (s + 1)] is the end of the last state's children.
  node[4 * a.stateCount] = a.stateCount;
  return { ...a, alpha, alphabetSize, dense, denseCount, node };
}

/**
 * The one transition rule: from state `s` on code unit `u` (whose symbol `sym` is not 0).
 * Dense states answer from their row; sparse ones look among their children, then follow
 * failure links until a child fits, a dense state answers, or the root gives up.
 */
export function next(a: Automaton, s: number, u: number, sym: number): number {
  const node = a.node;
  // Failure links lead to shallower states (checked on revive), so this bound is never hit;
  // it keeps a damaged table from looping forever.
  for (let hops = a.stateCount; hops >= 0; hops--) {
    if (s < a.denseCount) return a.dense[s * a.alphabetSize + sym] as number;
    const hi = node[4 * s + 4] as number;
    let j = node[4 * s] as number;
    while (j < hi && (node[4 * j + 3] as number) < u) j++;
    if (j < hi && node[4 * j + 3] === u) return j;
    if (s === 0) return 0;
    s = node[4 * s + 1] as number;
  }
  throw new Error('matcher: failure chain does not end');
}

/** Child of `s` along `u`, or -1. */
function child(a: { unit: Uint16Array; first: Int32Array }, s: number, u: number): number {
  let lo = a.first[s] ?? 0;
  let hi = (a.first[s + 1] ?? 0) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const m = a.unit[mid] ?? 0;
    if (m === u) return mid;
    if (m < u) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Build the automaton for `keys`, which must be unique, non-empty and sorted
 * by code unit (the default `Array.prototype.sort` order). Key ids are their
 * indices in `keys`.
 */
export function buildAutomaton(keys: readonly string[], options: AutomatonOptions = {}): Automaton {
  let bound = 1;
  for (const k of keys) bound += k.length;
  const unit = new Uint16Array(bound);
  const first = new Int32Array(bound + 1);
  const fail = new Int32Array(bound);
  const out = new Int32Array(bound).fill(-1);
  const term = new Int32Array(bound);
  const root = new Int32Array(0x10000);
  // Each state covers the sorted keys rangeLo..rangeHi-1 that share its prefix.
  const rangeLo = new Int32Array(bound);
  const rangeHi = new Int32Array(bound);
  const depth = new Int32Array(bound);
  rangeHi[0] = keys.length;
  const partial = { unit, first };

  let count = 1;
  for (let v = 0; v < count; v++) {
    first[v] = count;
    const d = depth[v] ?? 0;
    const hi = rangeHi[v] ?? 0;
    let j = rangeLo[v] ?? 0;
    // The key equal to this prefix (if any) sorts first and was recorded on creation.
    if ((keys[j]?.length ?? 0) === d) j++;
    while (j < hi) {
      const c = (keys[j] as string).charCodeAt(d);
      let k = j + 1;
      while (k < hi && (keys[k] as string).charCodeAt(d) === c) k++;
      const w = count++;
      unit[w] = c;
      rangeLo[w] = j;
      rangeHi[w] = k;
      depth[w] = d + 1;
      if ((keys[j] as string).length === d + 1) out[w] = j;
      let f = 0;
      if (v === 0) {
        root[c] = w;
      } else {
        // Follow failure links of the parent; every state visited is shallower
        // than v, so its children already exist.
        let g = fail[v] ?? 0;
        for (;;) {
          const t = g === 0 ? (root[c] ?? 0) : child(partial, g, c);
          if (t > 0) {
            f = t;
            break;
          }
          if (g === 0) break;
          g = fail[g] ?? 0;
        }
      }
      fail[w] = f;
      term[w] = (out[w] ?? -1) >= 0 ? w : (term[f] ?? 0);
      j = k;
    }
  }
  first[count] = count;
  return withDense(
    {
      stateCount: count,
      unit: unit.slice(0, count),
      first: first.slice(0, count + 1),
      fail: fail.slice(0, count),
      out: out.slice(0, count),
      term: term.slice(0, count),
      root,
    },
    options,
  );
}

/**
 * Rebuild the derived tables (term, root) of a deserialised automaton, after checking that
 * the tables describe a breadth-first trie: every index in range, children after their parent
 * with sorted edges, failure links to shallower states (so every chain ends) and key ids below
 * `keyCount`. Returns each state's depth too, which the caller checks key lengths against.
 */
export function reviveAutomaton(
  unit: Uint16Array,
  first: Int32Array,
  fail: Int32Array,
  out: Int32Array,
  keyCount: number,
  options: AutomatonOptions = {},
): { automaton: Automaton; depth: Int32Array } {
  const stateCount = unit.length;
  if (
    stateCount < 1 ||
    first.length !== stateCount + 1 ||
    fail.length !== stateCount ||
    out.length !== stateCount
  ) {
    throw new Error('serialised matcher: table sizes do not agree');
  }
  // Children of s are first[s] .. first[s + 1] - 1: the ranges must tile 1 .. stateCount in
  // order, each after its parent, which makes the states a tree in breadth-first order.
  if (first[0] !== 1 || first[stateCount] !== stateCount)
    throw new Error('serialised matcher: corrupt child index');
  const depth = new Int32Array(stateCount);
  for (let s = 0; s < stateCount; s++) {
    const lo = first[s] as number;
    const hi = first[s + 1] as number;
    if (lo > hi || lo <= s || hi > stateCount) throw new Error('serialised matcher: corrupt child index');
    for (let c = lo; c < hi; c++) {
      depth[c] = (depth[s] as number) + 1;
      if (c > lo && (unit[c] as number) <= (unit[c - 1] as number)) {
        throw new Error('serialised matcher: children out of order');
      }
    }
  }
  const term = new Int32Array(stateCount);
  if (fail[0] !== 0 || (out[0] as number) !== -1) throw new Error('serialised matcher: corrupt root');
  for (let s = 1; s < stateCount; s++) {
    const f = fail[s] as number;
    if (f < 0 || f >= stateCount || (depth[f] as number) >= (depth[s] as number)) {
      throw new Error('serialised matcher: corrupt failure link');
    }
    const key = out[s] as number;
    if (key < -1 || key >= keyCount) throw new Error('serialised matcher: corrupt key index');
    term[s] = key >= 0 ? s : (term[f] as number);
  }
  const root = new Int32Array(0x10000);
  const end = first[1] as number;
  for (let s = first[0] as number; s < end; s++) root[unit[s] as number] = s;
  return { automaton: withDense({ stateCount, unit, first, fail, out, term, root }, options), depth };
}
