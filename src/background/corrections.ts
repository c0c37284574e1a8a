// The reader's corrections, kept in the database (v4): made from the card, listed and undone in the
// manager, read by pages for their site. Undo keeps a tombstone (deletedAt), so a backup made
// before the undo cannot bring the correction back when it is imported again.
import type { Correction } from '@/src/core/context/types';
import { sameCorrection } from '@/src/core/corrections';
import { foldForSearch } from '@/src/core/search-text';
import { checkSettings } from '@/src/core/settings';
import type { GlossDb } from '@/src/db/db';
import type { CorrectionSites } from '@/src/messaging/broadcast';
import type { CorrectionInput, CorrectionView } from '@/src/messaging/protocol';
import type { SettingsStore } from './backup';
import { liveIdentity } from './identity-view';

/** Stores a correction; one that makes the same decision again replaces the older one. */
export async function correctMention(
  db: GlossDb,
  input: CorrectionInput,
  now = Date.now(),
): Promise<Correction> {
  let right: string | null = null;
  if (input.right !== null) {
    right = (await liveIdentity(db, input.right))?.id ?? null;
    if (!right) throw new Error('That entity is no longer in Gloss.');
  }
  const fields: Omit<Correction, 'id' | 'createdAt' | 'updatedAt'> = {
    alias: foldForSearch(input.alias),
    ...(input.wrong ? { wrong: input.wrong } : {}),
    right,
    scope: input.scope,
    ...(input.scope === 'everywhere' ? {} : { site: input.site }),
    ...(input.scope === 'context' ? { cues: input.cues ?? [] } : {}),
  };
  return db.transaction('rw', db.corrections, async () => {
    const same = (await db.corrections.where('alias').equals(fields.alias).toArray()).find((c) =>
      sameCorrection(fields, c),
    );
    const correction: Correction = {
      ...fields,
      id: same?.id ?? `c:${crypto.randomUUID()}`,
      createdAt: same?.createdAt ?? now,
      updatedAt: Math.max(now, (same?.updatedAt ?? 0) + 1),
    };
    await db.corrections.put(correction);
    return correction;
  });
}

/** Every correction in force, newest first, with the names of the identities it speaks of. */
export async function listCorrections(db: GlossDb): Promise<CorrectionView[]> {
  const live = (await db.corrections.orderBy('updatedAt').reverse().toArray()).filter((c) => !c.deletedAt);
  const names = new Map<string, string | undefined>();
  const nameOf = async (id: string | null | undefined) => {
    if (!id) return undefined;
    if (!names.has(id)) names.set(id, (await liveIdentity(db, id))?.name);
    return names.get(id);
  };
  const views: CorrectionView[] = [];
  for (const correction of live) {
    const wrongName = await nameOf(correction.wrong);
    const rightName = await nameOf(correction.right);
    views.push({
      ...correction,
      ...(wrongName ? { wrongName } : {}),
      ...(rightName ? { rightName } : {}),
    });
  }
  return views;
}

/** Undoes a correction: a tombstone from now on. Returns false when there was nothing to undo. */
export async function undoCorrection(db: GlossDb, id: string, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.corrections, async () => {
    const correction = await db.corrections.get(id);
    if (!correction || correction.deletedAt) return false;
    await db.corrections.put({
      ...correction,
      deletedAt: now,
      updatedAt: Math.max(now, correction.updatedAt + 1),
    });
    return true;
  });
}

/**
 * The corrections a page on `site` may need: those for that site, for passages like one (any
 * site: only the name and the words around it) and for everywhere. A page never learns which
 * names the reader corrected for other sites as a whole.
 */
export async function correctionsForSite(db: GlossDb, site: string): Promise<Correction[]> {
  return (await db.corrections.toArray()).filter(
    (c) => !c.deletedAt && (c.scope !== 'site' || c.site === site),
  );
}

/** The sites where corrections in force apply (see correctionSitesItem), for pages to read at start. */
export async function correctionSites(db: GlossDb): Promise<CorrectionSites> {
  const live = (await db.corrections.toArray()).filter((c) => !c.deletedAt);
  return {
    sites: [...new Set(live.flatMap((c) => (c.scope === 'site' && c.site ? [c.site] : [])))].sort(),
    aliases: [...new Set(live.flatMap((c) => (c.scope === 'site' ? [] : [c.alias])))].sort(),
  };
}

/** Corrections from a backup: per id, the later change wins (an undo in either copy included). */
export async function mergeCorrections(
  db: GlossDb,
  incoming: readonly Correction[],
): Promise<{ added: number; updated: number }> {
  if (!incoming.length) return { added: 0, updated: 0 };
  const ours = await db.corrections.bulkGet(incoming.map((c) => c.id));
  const writes: Correction[] = [];
  let added = 0;
  let updated = 0;
  incoming.forEach((theirs, i) => {
    const mine = ours[i];
    if (!mine) added++;
    else if (theirs.updatedAt > mine.updatedAt) updated++;
    else return;
    writes.push(theirs);
  });
  await db.corrections.bulkPut(writes);
  return { added, updated };
}

/**
 * Answers to "Which one?" that "Remember for this site" kept in the settings before they were
 * corrections (settings.choices: from an older Gloss, or its backup). Each becomes a correction for
 * its site, so the manager lists it and Undo works, and the setting is emptied; an answer naming an
 * entity no longer in Gloss is dropped. A write that fails (a full disk) keeps the setting as it was.
 * Returns how many became corrections.
 */
export async function adoptRememberedChoices(
  db: GlossDb,
  settings: Pick<SettingsStore, 'get' | 'set'>,
  now = Date.now(),
): Promise<number> {
  const { choices } = checkSettings(await settings.get()).settings;
  if (!choices || Object.keys(choices).length === 0) return 0;
  let adopted = 0;
  for (const [site, names] of Object.entries(choices))
    for (const [alias, key] of Object.entries(names)) {
      if (!alias.trim() || !(await liveIdentity(db, key))) continue;
      await correctMention(db, { alias, right: key, scope: 'site', site }, now);
      adopted++;
    }
  await settings.set({ ...(await settings.get()), choices: {} });
  return adopted;
}
