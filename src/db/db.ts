// The knowledge base. Opened by the background only: a content script's IndexedDB would belong
// to the page's origin, so every other context asks the background (src/messaging).
import Dexie, { type EntityTable } from 'dexie';
import type { Correction } from '@/src/core/context/types';
import type { IdentityRecord, LinkRecord, SightingRecord } from '@/src/core/graph/records';
import type { EntityRecord, FactRecord, NoteRecord, PackRecord, SourceRecord } from '@/src/core/records';
import { DB_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';

export type GlossDb = Dexie & {
  packs: EntityTable<PackRecord, 'id'>;
  sources: EntityTable<SourceRecord, 'key'>;
  entities: EntityTable<EntityRecord, 'key'>;
  facts: EntityTable<FactRecord, 'key'>;
  notes: EntityTable<NoteRecord, 'id'>;
  /** The knowledge graph (v3): one identity per real thing, pack entities linked to it. */
  identities: EntityTable<IdentityRecord, 'id'>;
  links: EntityTable<LinkRecord, 'entityKey'>;
  /** Pages where Gloss marked an identity ("seen on"). */
  sightings: EntityTable<SightingRecord, 'id'>;
  /** The reader's corrections (v4); undone ones stay as tombstones (deletedAt) for backups. */
  corrections: EntityTable<Correction, 'id'>;
  /**
   * The background's own keyed values: capture drafts, the knowledge revision, the compiled matcher,
   * removed bundled packs. Not the user's settings (those are in extension storage). Its IndexedDB
   * table is named "settings" since v1; table names are schema, so only the TypeScript name changed.
   */
  bookkeeping: EntityTable<BookkeepingRecord, 'key'>;
};

/** One value the background keeps for itself, by name. */
export interface BookkeepingRecord {
  key: string;
  value: unknown;
}

/** The IndexedDB table behind `db.bookkeeping` (see schema.ts, v1). */
const BOOKKEEPING_TABLE = 'settings';

/** Opens the database with the given versions (all of them unless a test asks for fewer). */
export function openDb(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): GlossDb {
  const db = new Dexie(name) as GlossDb;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  Object.defineProperty(db, 'bookkeeping', { get: () => db.table(BOOKKEEPING_TABLE) });
  return db;
}
