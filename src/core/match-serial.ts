/**
 * The matcher's stored and shipped forms, and the checks a revived one must pass.
 *
 * Pages revive the matcher the background published in extension storage, and the
 * background revives its own copy from IndexedDB. Neither is trusted: damaged or crafted
 * tables must not make a page loop forever or throw mid-scan. So a revived form is checked
 * twice: its structure (every index in range, every loop bounded; match-automaton.ts and
 * checkVariants below), and a checksum over everything, so that damage which still looks
 * well-formed (a changed letter, another entity) is refused rather than matched differently.
 */

/** What tells the matcher which entity, in which case and language, a matched key stands for. */
export interface VariantTables {
  keyLen: Int32Array;
  variantStart: Int32Array;
  variantRule: Uint8Array;
  variantEntity: Int32Array;
  /** Case-preserving form per variant ('' for AnyCase). */
  exactForms: string[];
  /** Language each variant counts in, '' for any (inflected forms; see src/core/lang/inflect.ts). */
  variantLang: string[];
  entities: string[];
}

/** The variant tables of `t` alone (not its automaton or checksum). */
export function variantTables(t: VariantTables): VariantTables {
  return {
    keyLen: t.keyLen,
    variantStart: t.variantStart,
    variantRule: t.variantRule,
    variantEntity: t.variantEntity,
    exactForms: t.exactForms,
    variantLang: t.variantLang,
    entities: t.entities,
  };
}

/** Typed-array form: cheap to structured-clone (postMessage, IndexedDB). */
export interface SerializedMatcher extends VariantTables {
  version: 1;
  size: number;
  unit: Uint16Array;
  first: Int32Array;
  fail: Int32Array;
  out: Int32Array;
  /** checksum() of everything above. */
  check: number;
}

/** The typed-array tables, in checksum order. */
export const TABLE_NAMES = [
  'unit',
  'first',
  'fail',
  'out',
  'keyLen',
  'variantStart',
  'variantRule',
  'variantEntity',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** JSON-safe form (for chrome.runtime messaging): typed arrays as base64. */
export interface SerializedMatcherJSON {
  version: 1;
  size: number;
  tables: Record<TableName, string>;
  exactForms: string[];
  variantLang: string[];
  entities: string[];
  check: number;
}

const TABLE_TYPES: Record<TableName, new (buffer: ArrayBuffer) => ArrayBufferView> = {
  unit: Uint16Array,
  first: Int32Array,
  fail: Int32Array,
  out: Int32Array,
  keyLen: Int32Array,
  variantStart: Int32Array,
  variantRule: Uint8Array,
  variantEntity: Int32Array,
};

/**
 * Most variants (alias spellings × entities) one key may carry: far above any real pack (65,536
 * entities sharing one alias), low enough that one mention cannot cost a page a long pause.
 */
const MAX_VARIANTS_PER_KEY = 1 << 16;

const LANG_RE = /^(?:[a-z]{2,3})?$/;

function fail(what: string): never {
  throw new Error(`serialised matcher: ${what}`);
}

/**
 * FNV-1a over the tables and strings: finds damage, not forgery (the structure checks handle that).
 * Every page that gets the published matcher runs this once, before the engine has optimised
 * anything, so the loops are written out (a closure call per value cost ~4 ms on a page there).
 */
export function checksum(d: Omit<SerializedMatcher, 'check' | 'version'>): number {
  const PRIME = 0x01000193;
  let h = Math.imul(0x811c9dc5 ^ d.size, PRIME);
  for (const name of TABLE_NAMES) {
    const table = d[name];
    const n = table.length;
    h = Math.imul(h ^ n, PRIME);
    for (let i = 0; i < n; i++) h = Math.imul(h ^ (table[i] as number), PRIME);
  }
  for (const list of [d.exactForms, d.variantLang, d.entities]) {
    h = Math.imul(h ^ list.length, PRIME);
    for (const s of list) {
      const n = s.length;
      h = Math.imul(h ^ n, PRIME);
      for (let i = 0; i < n; i++) h = Math.imul(h ^ s.charCodeAt(i), PRIME);
    }
  }
  return h >>> 0;
}

/** The platform's own base64 for typed arrays (Chromium 140+, Firefox 133+), where there is one. */
const nativeBase64 = Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array };

function toBase64(a: ArrayBufferView): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const native = (bytes as unknown as { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let bin = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    bin += String.fromCharCode.apply(null, bytes.subarray(i, i + chunk) as unknown as number[]);
  }
  return btoa(bin);
}

function fromBase64(s: string): ArrayBuffer {
  // Native decoding matters on pages: there this runs once per load, in code not yet optimised.
  if (typeof nativeBase64.fromBase64 === 'function') return nativeBase64.fromBase64(s).buffer as ArrayBuffer;
  const bin = atob(s);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes.buffer;
}

export function toJSON(d: SerializedMatcher): SerializedMatcherJSON {
  const tables = {} as Record<TableName, string>;
  for (const name of TABLE_NAMES) tables[name] = toBase64(d[name]);
  return {
    version: 1,
    size: d.size,
    tables,
    exactForms: d.exactForms,
    variantLang: d.variantLang,
    entities: d.entities,
    check: d.check,
  };
}

/**
 * Either form as typed arrays, after checking its shape; throws a "serialised matcher: …"
 * error otherwise. The caller checks the structure, then the checksum.
 */
export function decode(data: unknown): SerializedMatcher {
  if (data === null || typeof data !== 'object') fail('not an object');
  const d = data as Partial<SerializedMatcherJSON & SerializedMatcher>;
  if (d.version !== 1) fail('unsupported version');
  const out = {
    version: 1,
    size: d.size,
    exactForms: d.exactForms,
    variantLang: d.variantLang,
    entities: d.entities,
    check: d.check,
  } as SerializedMatcher | Record<string, unknown>;
  const encoded = d.tables !== null && typeof d.tables === 'object' ? d.tables : undefined;
  for (const name of TABLE_NAMES) {
    const Type = TABLE_TYPES[name];
    if (encoded) {
      const text = encoded[name];
      if (typeof text !== 'string') fail(`table ${name} missing`);
      try {
        out[name] = new Type(fromBase64(text));
      } catch {
        fail(`table ${name} is not ${Type.name} base64`);
      }
    } else {
      if (!(d[name] instanceof Type)) fail(`table ${name} is not a ${Type.name}`);
      out[name] = d[name];
    }
  }
  const t = out as SerializedMatcher;
  if (!Number.isSafeInteger(t.size) || t.size < 0) fail('bad size');
  if (!isStringList(t.exactForms) || !isStringList(t.entities) || !isStringList(t.variantLang))
    fail('forms, languages and entities must be lists of text');
  return t;
}

/** Last, once the structure is known to be sound: damage that still looks well-formed. */
export function checkChecksum(t: SerializedMatcher): void {
  if (typeof t.check !== 'number' || checksum(t) !== t.check) fail('checksum does not match (damaged)');
}

function isStringList(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/**
 * The key and variant tables against the automaton: every key ends at exactly one state of
 * its own length, and every key's variants are a non-empty, bounded run of known rules and
 * entities. `depth` is each state's depth, from reviveAutomaton.
 */
export function checkVariants(t: SerializedMatcher, depth: Int32Array): void {
  const keyCount = t.keyLen.length;
  const variantCount = t.variantRule.length;
  if (t.variantStart.length !== keyCount + 1) fail('table sizes do not agree');
  if (
    t.variantEntity.length !== variantCount ||
    t.exactForms.length !== variantCount ||
    t.variantLang.length !== variantCount
  ) {
    fail('table sizes do not agree');
  }
  const endsAt = new Int32Array(keyCount).fill(-1);
  for (let s = 0; s < t.out.length; s++) {
    const key = t.out[s] as number;
    if (key < 0) continue;
    if (endsAt[key] !== -1) fail('key ends at two states');
    endsAt[key] = s;
  }
  for (let key = 0; key < keyCount; key++) {
    const s = endsAt[key] as number;
    if (s < 0) fail('key ends nowhere');
    if (t.keyLen[key] !== depth[s]) fail('key length does not match its state');
    const lo = t.variantStart[key] as number;
    const hi = t.variantStart[key + 1] as number;
    if (lo < 0 || hi <= lo || hi > variantCount || hi - lo > MAX_VARIANTS_PER_KEY)
      fail('corrupt variant index');
  }
  if (t.variantStart[0] !== 0 || t.variantStart[keyCount] !== variantCount) fail('corrupt variant index');
  const entityCount = t.entities.length;
  // A dozen languages over thousands of variants: each distinct tag is tested once.
  const langsSeen = new Set<string>();
  for (let v = 0; v < variantCount; v++) {
    if ((t.variantRule[v] as number) > 2) fail('unknown case rule');
    // A language is a primary subtag or nothing: a crafted one could not make the page match more.
    const lang = t.variantLang[v] as string;
    if (!langsSeen.has(lang)) {
      if (!LANG_RE.test(lang)) fail('bad language tag');
      langsSeen.add(lang);
    }
    const e = t.variantEntity[v] as number;
    if (e < 0 || e >= entityCount) fail('corrupt entity index');
  }
}
