// What the background keeps in memory between pack imports, as of one knowledge revision: the link
// index (building it reads every entity and link, a second or more at 100,000 identities; linking a
// 10,000-entity pack into it takes tens of ms) and each pack's alias load (the caps are checked
// against all enabled packs, which is reading every entity again). A transaction that changes
// knowledge takes it out while it works (one running alongside starts from nothing) and puts it back
// under the revision it committed. Every other change to knowledge bumps the revision without putting
// it back, so what is kept never answers for knowledge it has not seen: it is rebuilt lazily.
import type { AliasLoad } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import type { KeptIndex } from '@/src/db/link-index';

export interface Kept {
  /** The link index, once an import needed it. */
  index?: KeptIndex;
  /** Names and aliases per pack id (enabled or not). */
  loads: Map<string, AliasLoad>;
}

const kept = new WeakMap<GlossDb, Kept & { revision: number }>();

/** What is kept for knowledge at `revision` (the current one, read in the caller's transaction); taken out until kept again. */
export function takeKept(db: GlossDb, revision: number): Kept {
  const found = kept.get(db);
  kept.delete(db);
  return found?.revision === revision ? found : { loads: new Map() };
}

/** The kept link index for reading only (the review's preview), left in place. */
export function peekIndex(db: GlossDb, revision: number): KeptIndex | undefined {
  const found = kept.get(db);
  return found?.revision === revision ? found.index : undefined;
}

/** Keeps what a transaction made or updated, once it has committed `revision`. */
export function keep(db: GlossDb, revision: number, value: Kept): void {
  kept.set(db, { ...value, revision });
}

/**
 * Keeps an index built while reading (nothing changed under it) beside what is kept for `revision`,
 * and the packs' alias loads when they were counted with it.
 */
export function keepIndex(db: GlossDb, revision: number, index: KeptIndex, loads?: Kept['loads']): void {
  const found = kept.get(db);
  const before = found?.revision === revision ? found.loads : new Map();
  kept.set(db, { loads: new Map([...before, ...(loads ?? [])]), revision, index });
}

const warming = new WeakMap<GlossDb, Promise<void>>();

/** Runs a warm-up (src/background/warm-links.ts) unless one is running for this database already. */
export function warmOnce(db: GlossDb, build: () => Promise<void>): Promise<void> {
  const found = warming.get(db);
  if (found) return found;
  const run = build().finally(() => warming.delete(db));
  warming.set(db, run);
  return run;
}

/** Settles when no warm-up is running: an import waits rather than build a second index beside it. */
export function warmedUp(db: GlossDb): Promise<void> {
  return warming.get(db)?.catch(() => {}) ?? Promise.resolve();
}
