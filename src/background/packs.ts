// Installing, upgrading, exporting, enabling and removing knowledge packs.
// A pack's contents are replaced as a whole inside one transaction; notes are never touched,
// so a note whose entity disappears is kept (orphaned) rather than lost.

import {
  type AliasLoad,
  addLoad,
  aliasLoad,
  entityNames,
  knowledgeLimitError,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  type Pack,
  type PackEntity,
  validatePack,
} from '@/src/core/pack';
import { type EntityRecord, entityKey, type PackRecord } from '@/src/core/records';
import { searchTerms } from '@/src/core/search-text';
import type { GlossDb } from '@/src/db/db';
import { identitiesOf, linkIncoming, measure, refreshIdentities } from '@/src/db/graph';
import type { ImportResult, PackSummary } from '@/src/messaging/protocol';
import { type Kept, keep, takeKept, warmedUp } from './kept-knowledge';

/** Bundled packs the user removed; updates must not bring them back. */
const REMOVED_BUNDLED = 'removedBundledPacks';

export interface InstallOptions {
  bundled?: boolean;
  /** Whether a first install is switched on (an installed copy keeps the user's choice). */
  enabled?: boolean;
  /** Manual link choices per pack entity id: an identity key, or null to keep it apart. */
  links?: Record<string, string | null>;
}

/** Validates and imports pack JSON (text or parsed). A rejected pack changes nothing. */
export async function importPackJson(
  db: GlossDb,
  input: unknown,
  options: InstallOptions = {},
): Promise<ImportResult> {
  const started = performance.now();
  const validation = validatePack(input);
  measure('import:validate', started);
  if (!validation.ok) return validation;
  try {
    return await installPack(db, validation.pack, options);
  } catch (error) {
    if (error instanceof KnowledgeLimitError)
      return { ok: false, errors: [{ path: '$', message: error.message }] };
    throw error;
  }
}

/** The knowledge base would grow past KNOWLEDGE_LIMITS; nothing was written. */
export class KnowledgeLimitError extends Error {
  override name = 'KnowledgeLimitError';
}

/** A pack's names and aliases: kept, or counted from its entities (and kept). */
async function packLoad(db: GlossDb, packId: string, loads: Map<string, AliasLoad>): Promise<AliasLoad> {
  let load = loads.get(packId);
  if (!load) {
    // Records keep the pack entity's fields (labels included) as imported.
    const entities = (await db.entities.where('packId').equals(packId).toArray()) as Array<
      Pick<PackEntity, 'name' | 'aliases' | 'labels'>
    >;
    load = aliasLoad(entities);
    loads.set(packId, load);
  }
  return load;
}

/** Names and aliases of the enabled packs other than `packId`. */
async function enabledLoad(db: GlossDb, packId: string, loads: Map<string, AliasLoad>): Promise<AliasLoad> {
  const others = (await db.packs.toArray()).filter((p) => p.enabled && p.id !== packId);
  const total: AliasLoad = { aliases: 0, aliasCharacters: 0 };
  for (const other of others) {
    addLoad(total, await packLoad(db, other.id, loads));
  }
  return total;
}

/** Throws before any write when switching on a pack of this load would pass the caps. */
async function checkKnowledgeLimits(
  db: GlossDb,
  packId: string,
  title: string,
  load: AliasLoad,
  loads: Map<string, AliasLoad>,
): Promise<void> {
  const message = knowledgeLimitError(title, load, await enabledLoad(db, packId, loads));
  if (message) throw new KnowledgeLimitError(message);
}

/** The tables every pack write touches: knowledge, the graph it is linked into, the revision. */
export const packTables = (db: GlossDb) => [
  db.packs,
  db.sources,
  db.entities,
  db.facts,
  db.bookkeeping,
  db.identities,
  db.links,
];

/** The graph's tables, for src/db/graph.ts. */
export const graphTables = (db: GlossDb) => ({
  entities: db.entities,
  facts: db.facts,
  identities: db.identities,
  links: db.links,
});

/** Writes a valid pack, replacing an older copy of the same pack id in place. */
export async function installPack(
  db: GlossDb,
  pack: Pack,
  { bundled = false, enabled: enabledAtFirst = true, links = {} }: InstallOptions = {},
): Promise<ImportResult> {
  const packId = pack.pack.id;
  const started = performance.now();
  const load = aliasLoad(pack.entities);
  let committed: { revision: number; memory: Kept } | undefined;
  // A link index being built ahead of this import is worth waiting for: it is what the import needs.
  await warmedUp(db);
  const result = await db.transaction('rw', packTables(db), async (): Promise<ImportResult> => {
    const existing = await db.packs.get(packId);
    const memory = takeKept(db, await knowledgeRevision(db));
    let enabled = existing?.enabled ?? enabledAtFirst;
    // A disabled pack adds nothing to the matcher; it is checked when switched on.
    if (enabled) {
      try {
        await checkKnowledgeLimits(db, packId, pack.pack.title, load, memory.loads);
      } catch (error) {
        // A bundled pack arrives with an update, not by the user's hand: rather than fail at every
        // start, it is installed switched off, and switching it on says what is over the cap.
        if (!(bundled && error instanceof KnowledgeLimitError)) throw error;
        enabled = false;
      }
    }
    measure('import:limits', started);
    const writing = performance.now();
    const now = Date.now();
    const record: PackRecord = {
      id: packId,
      version: pack.pack.version ?? 1,
      title: pack.pack.title,
      description: pack.pack.description,
      language: pack.pack.language,
      createdAt: pack.pack.createdAt,
      enabled,
      bundled,
      installedAt: existing?.installedAt ?? now,
      updatedAt: now,
    };
    const before = existing ? await deletePackContents(db, packId) : [];
    await db.packs.put(record);
    const entities = await writeContents(db, pack);
    measure('import:write', writing);
    const linking = performance.now();
    memory.loads.set(packId, load);
    await linkPack(db, pack, entities, { memory, before, links, now });
    measure('import:link', linking);
    committed = { revision: await touchKnowledge(db), memory };
    return {
      ok: true,
      packId,
      title: record.title,
      entities: pack.entities.length,
      facts: pack.facts.length,
      replaced: Boolean(existing),
    };
  });
  measure('import:transaction', started);
  if (committed) keep(db, committed.revision, committed.memory);
  return result;
}

/** Writes a pack's sources, entities and facts (its record and older contents dealt with). */
async function writeContents(db: GlossDb, pack: Pack): Promise<EntityRecord[]> {
  const packId = pack.pack.id;
  await db.sources.bulkPut(
    pack.sources.map((source, position) => ({
      ...source,
      key: entityKey(packId, source.id),
      packId,
      position,
    })),
  );
  const entities = pack.entities.map((entity, position) => ({
    ...entity,
    position,
    key: entityKey(packId, entity.id),
    packId,
    terms: searchTerms(...entityNames(entity)),
  }));
  await db.entities.bulkPut(entities);
  await db.facts.bulkPut(
    pack.facts.map((fact, position) => ({
      key: entityKey(packId, fact.id),
      position,
      packId,
      id: fact.id,
      entityKey: entityKey(packId, fact.entityId),
      sourceKey: entityKey(packId, fact.sourceId),
      text: fact.text,
      quote: fact.quote,
    })),
  );
  return entities;
}

/**
 * Into the graph: each entity joins an identity (links and unlinks made by hand are kept), against
 * the kept link index, which it keeps up to date; entities the new version dropped (`before`, the
 * keys it had) leave theirs.
 */
async function linkPack(
  db: GlossDb,
  pack: Pack,
  entities: EntityRecord[],
  {
    memory,
    before,
    links,
    now,
  }: { memory: Kept; before: string[]; links: InstallOptions['links']; now: number },
): Promise<void> {
  const packId = pack.pack.id;
  const manual = new Map(Object.entries(links ?? {}).map(([id, to]) => [entityKey(packId, id), to]));
  const factCounts = factsPerEntity(pack);
  memory.index = await linkIncoming(graphTables(db), entities, manual, now, {
    index: memory.index,
    factCounts,
  });
  const staying = new Set(entities.map((e) => e.key));
  const gone = before.filter((key) => !staying.has(key));
  // Emptied identities are tombstoned.
  await refreshIdentities(graphTables(db), await identitiesOf(db, gone), now, {
    index: memory.index,
    factCounts,
  });
}

/** The pack's facts per entity key, as just written: the refresh after linking need not count them. */
function factsPerEntity(pack: Pack): Map<string, number> {
  const packId = pack.pack.id;
  const counts = new Map<string, number>(pack.entities.map((e) => [entityKey(packId, e.id), 0]));
  for (const fact of pack.facts) {
    const key = entityKey(packId, fact.entityId);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Installs or upgrades a pack shipped with the extension. Idempotent: a pack already installed
 * at the same or a newer revision is left alone, and so is one the user removed.
 */
export async function installBundledPack(
  db: GlossDb,
  pack: Pack,
  { enabled = true }: { enabled?: boolean } = {},
): Promise<'installed' | 'upgraded' | 'current' | 'removed by user'> {
  const removed = ((await db.bookkeeping.get(REMOVED_BUNDLED))?.value as string[] | undefined) ?? [];
  if (removed.includes(pack.pack.id)) return 'removed by user';
  const existing = await db.packs.get(pack.pack.id);
  if (existing && existing.version >= (pack.pack.version ?? 1)) return 'current';
  await installPack(db, pack, { bundled: true, enabled });
  return existing ? 'upgraded' : 'installed';
}

export async function listPacks(db: GlossDb): Promise<PackSummary[]> {
  const packs = await db.packs.toArray();
  return Promise.all(
    packs.map(async (pack) => ({
      ...pack,
      entityCount: await db.entities.where('packId').equals(pack.id).count(),
      factCount: await db.facts.where('packId').equals(pack.id).count(),
      sourceCount: await db.sources.where('packId').equals(pack.id).count(),
    })),
  );
}

export async function exportPack(db: GlossDb, packId: string): Promise<Pack> {
  return db.transaction('r', [db.packs, db.sources, db.entities, db.facts], async () => {
    const record = await db.packs.get(packId);
    if (!record) throw new Error(`No pack with id "${packId}"`);
    const [sources, entities, facts] = await Promise.all([
      db.sources.where('packId').equals(packId).sortBy('position'),
      db.entities.where('packId').equals(packId).sortBy('position'),
      db.facts.where('packId').equals(packId).sortBy('position'),
    ]);
    const entityIds = new Map(entities.map((e) => [e.key, e.id]));
    const sourceIds = new Map(sources.map((s) => [s.key, s.id]));
    return {
      format: PACK_FORMAT,
      version: PACK_FORMAT_VERSION,
      pack: {
        id: record.id,
        version: record.version,
        title: record.title,
        description: record.description,
        language: record.language,
        createdAt: record.createdAt,
      },
      sources: sources.map(({ id, title, url, publisher, publishedAt }) =>
        dropUndefined({ id, title, url, publisher, publishedAt }),
      ),
      entities: entities.map(({ id, name, type, aliases, labels, sameAs, description, caseSensitive }) =>
        dropUndefined({ id, name, type, aliases, labels, sameAs, description, caseSensitive }),
      ),
      facts: facts.map((fact) => ({
        id: fact.id,
        entityId: entityIds.get(fact.entityKey) ?? fact.entityKey,
        sourceId: sourceIds.get(fact.sourceKey) ?? fact.sourceKey,
        text: fact.text,
        quote: fact.quote,
      })),
    };
  });
}

export async function setPackEnabled(db: GlossDb, packId: string, enabled: boolean): Promise<void> {
  // Switching packs leaves the graph as it is: the link index stays good under the new revision.
  const committed = await db.transaction('rw', [db.packs, db.entities, db.bookkeeping], async () => {
    const memory = takeKept(db, await knowledgeRevision(db));
    const record = await db.packs.get(packId);
    if (!record) throw new Error(`No pack with id "${packId}"`);
    if (enabled && !record.enabled) {
      const load = await packLoad(db, packId, memory.loads);
      await checkKnowledgeLimits(db, packId, record.title, load, memory.loads);
    }
    await db.packs.update(packId, { enabled, updatedAt: Date.now() });
    return { revision: await touchKnowledge(db), memory };
  });
  keep(db, committed.revision, committed.memory);
}

/** Removes a pack's knowledge. Notes on its entities stay, shown as orphaned. */
export async function removePack(db: GlossDb, packId: string): Promise<void> {
  const committed = await db.transaction('rw', packTables(db), async () => {
    const memory = takeKept(db, await knowledgeRevision(db));
    const record = await db.packs.get(packId);
    if (!record) throw new Error(`No pack with id "${packId}"`);
    const gone = await deletePackContents(db, packId);
    await db.packs.delete(packId);
    // Links stay (notes on these keys still resolve); identities left without members are tombstoned.
    memory.loads.delete(packId);
    await refreshIdentities(graphTables(db), await identitiesOf(db, gone), Date.now(), {
      index: memory.index,
    });
    if (record.bundled) {
      const removed = ((await db.bookkeeping.get(REMOVED_BUNDLED))?.value as string[] | undefined) ?? [];
      await db.bookkeeping.put({ key: REMOVED_BUNDLED, value: [...new Set([...removed, packId])] });
    }
    return { revision: await touchKnowledge(db), memory };
  });
  keep(db, committed.revision, committed.memory);
}

/** Deletes a pack's sources, entities and facts; returns the keys of the entities it had. */
async function deletePackContents(db: GlossDb, packId: string): Promise<string[]> {
  const keys = (await db.entities.where('packId').equals(packId).primaryKeys()) as string[];
  await db.sources.where('packId').equals(packId).delete();
  await db.entities.where('packId').equals(packId).delete();
  await db.facts.where('packId').equals(packId).delete();
  return keys;
}

const KNOWLEDGE_REVISION = 'knowledgeRevision';

/** Bumps the revision the compiled matcher is cached by. Call inside every transaction that changes knowledge. */
export async function touchKnowledge(db: GlossDb): Promise<number> {
  const current = ((await db.bookkeeping.get(KNOWLEDGE_REVISION))?.value as number | undefined) ?? 0;
  // Time-based, so it never repeats an earlier value even after "delete all data" (which clears the
  // stored one); and never one this background issued, which a clear in the same millisecond as the
  // import before it would (what is kept for that revision would answer for knowledge now gone).
  const revision = Math.max(current + 1, Date.now(), (issued.get(db) ?? 0) + 1);
  issued.set(db, revision);
  await db.bookkeeping.put({ key: KNOWLEDGE_REVISION, value: revision });
  return revision;
}

/** The last revision this background issued, per database. */
const issued = new WeakMap<GlossDb, number>();

export async function knowledgeRevision(db: GlossDb): Promise<number> {
  return ((await db.bookkeeping.get(KNOWLEDGE_REVISION))?.value as number | undefined) ?? 0;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
