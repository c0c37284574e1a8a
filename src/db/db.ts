// The knowledge base. Opened by the background only: a content script's IndexedDB would belong
// to the page's origin, so every other context asks the background (src/messaging).
import Dexie, { type EntityTable } from 'dexie';
import type {
  EntityRecord,
  FactRecord,
  NoteRecord,
  PackRecord,
  SettingRecord,
  SourceRecord,
} from './records';
import { DB_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';

export type GlossDb = Dexie & {
  packs: EntityTable<PackRecord, 'id'>;
  sources: EntityTable<SourceRecord, 'key'>;
  entities: EntityTable<EntityRecord, 'key'>;
  facts: EntityTable<FactRecord, 'key'>;
  notes: EntityTable<NoteRecord, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
};

/** Opens the database with the given versions (all of them unless a test asks for fewer). */
export function openDb(name = DB_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): GlossDb {
  const db = new Dexie(name) as GlossDb;
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}
