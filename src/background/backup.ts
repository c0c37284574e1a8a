// Everything the user has, out and back in: packs (with their on/off state), notes, settings.
// Import reads the whole file first (a bad record is repaired or skipped and reported, never the
// reason the rest is refused), then merges in one transaction: packs are replaced by id, notes
// are matched by id and the newer edit wins, so importing twice changes nothing.
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, validateBackup } from '@/src/core/backup';
import type { SightingRecord } from '@/src/core/graph/records';
import type { GlossDb } from '@/src/db/db';
import { mergeGraph, refreshIdentities } from '@/src/db/graph';
import type { BackupImportResult } from '@/src/messaging/protocol';
import { mergeCorrections } from './corrections';
import { capSightings } from './history';
import { exportPack, graphTables, installPack, packTables, touchKnowledge } from './packs';

export interface SettingsStore {
  get(): Promise<Record<string, unknown>>;
  set(settings: Record<string, unknown>): Promise<void>;
  clear(): Promise<void>;
}

export async function exportAll(db: GlossDb, settings: SettingsStore): Promise<Backup> {
  const records = await db.packs.toArray();
  const packs = [];
  for (const record of records) {
    packs.push({ enabled: record.enabled, bundled: record.bundled, pack: await exportPack(db, record.id) });
  }
  const notes = (await db.notes.toArray()).sort((a, b) => a.createdAt - b.createdAt);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date().toISOString(),
    packs,
    notes,
    settings: await settings.get(),
    identities: await db.identities.toArray(),
    links: await db.links.toArray(),
    sightings: await db.sightings.toArray(),
    corrections: await db.corrections.toArray(),
  };
}

export async function importAll(
  db: GlossDb,
  json: string,
  settings: SettingsStore,
): Promise<BackupImportResult> {
  const validation = validateBackup(json);
  if (!validation.ok) return validation;
  const { backup, repaired, repairedCount, skipped, skippedCount } = validation;
  let notesAdded = 0;
  let notesUpdated = 0;
  let notesKept = 0;
  await db.transaction('rw', [...packTables(db), db.notes, db.sightings, db.corrections], async () => {
    // The graph first, so the packs installed next keep the backed-up links (manual ones too).
    const touched = await mergeGraph(graphTables(db), backup.identities ?? [], backup.links ?? []);
    for (const { pack, enabled, bundled } of backup.packs) {
      await installPack(db, pack, { bundled });
      await db.packs.update(pack.pack.id, { enabled });
    }
    const existing = new Map((await db.notes.bulkGet(backup.notes.map((n) => n.id))).map((n, i) => [i, n]));
    const writes = [];
    for (const [i, note] of backup.notes.entries()) {
      const current = existing.get(i);
      if (!current) notesAdded++;
      else if (note.updatedAt > current.updatedAt) notesUpdated++;
      else {
        notesKept++;
        continue;
      }
      writes.push(note);
    }
    await db.notes.bulkPut(writes);
    await refreshIdentities(graphTables(db), touched);
    await mergeSightings(db, backup.sightings ?? []);
    await mergeCorrections(db, backup.corrections ?? []);
    await touchKnowledge(db);
  });
  if (Object.keys(backup.settings).length)
    await settings.set({ ...(await settings.get()), ...backup.settings });
  return {
    ok: true,
    packs: backup.packs.length,
    notesAdded,
    notesUpdated,
    notesKept,
    repaired,
    repairedCount,
    skipped,
    skippedCount,
  };
}

export async function deleteAllData(db: GlossDb, settings: SettingsStore): Promise<void> {
  await db.transaction('rw', [...packTables(db), db.notes, db.sightings, db.corrections], async () => {
    await Promise.all([
      db.packs.clear(),
      db.sources.clear(),
      db.entities.clear(),
      db.facts.clear(),
      db.notes.clear(),
      db.identities.clear(),
      db.links.clear(),
      db.sightings.clear(),
      db.corrections.clear(),
    ]);
    // Keep the removed-bundled list empty: a later update may bring the bundled pack back.
    await db.bookkeeping.clear();
    await touchKnowledge(db);
  });
  await settings.clear();
}

/**
 * Asks the browser never to evict Gloss's storage under disk pressure (the knowledge base and the
 * notes are the user's only copy unless they saved a backup). Firefox's background is an event
 * page, where persist() exists; with the unlimitedStorage permission Firefox grants it without
 * the prompt a web page would get — which is also why this runs in the background, never in a page
 * the user is reading. Chromium exposes persist() to windows only, not to the service worker, and
 * does not need it: its quota manager never evicts an extension with unlimitedStorage.
 * Returns whether the storage is persistent (false where persist() is absent).
 */
export async function keepStorage(
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined,
): Promise<boolean> {
  if (!storage?.persist) return false;
  try {
    if (await storage.persisted()) return true;
    return await storage.persist();
  } catch (error) {
    // Not fatal: data stays, it is only not protected from eviction. The backup reminder covers it.
    console.warn('Gloss: could not make storage persistent', error);
    return false;
  }
}

/** "Seen on" from a backup: per page and identity, the larger count and the wider time span. */
async function mergeSightings(db: GlossDb, sightings: readonly SightingRecord[]): Promise<void> {
  if (!sightings.length) return;
  const ours = await db.sightings.bulkGet(sightings.map((s) => s.id));
  await db.sightings.bulkPut(
    sightings.map((theirs, i) => {
      const mine = ours[i];
      if (!mine) return theirs;
      return {
        ...mine,
        title: theirs.lastSeenAt > mine.lastSeenAt ? theirs.title : mine.title,
        count: Math.max(mine.count, theirs.count),
        firstSeenAt: Math.min(mine.firstSeenAt, theirs.firstSeenAt),
        lastSeenAt: Math.max(mine.lastSeenAt, theirs.lastSeenAt),
      };
    }),
  );
  await capSightings(db, new Set(sightings.map((s) => s.identityId)));
}
