// Database versions, add-only. Each entry is one version as it shipped; never edit a shipped entry,
// append a new one with a one-line comment on what changed and an upgrade() if data must move.
// test/unit/db-migration.test.ts opens every earlier version with real data and upgrades it.
import type { Transaction } from 'dexie';
import { formIdentities, upgradeTables } from './graph';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const DB_NAME = 'gloss';

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    // v1: packs, sources, entities (search terms index), facts, notes, settings.
    version: 1,
    stores: {
      packs: 'id',
      sources: 'key, packId',
      entities: 'key, packId, *terms',
      facts: 'key, packId, entityKey, sourceKey',
      notes: 'id, entityKey, pageUrl, createdAt, updatedAt',
      settings: 'key',
    },
  },
  {
    // v2: entities indexed by name, so the manager pages through 100,000 of them in name order.
    version: 2,
    stores: {
      entities: 'key, packId, *terms, name',
    },
  },
  {
    // v3: the knowledge graph: identities (by merge target too), links of pack entities to them, "seen on" pages (by URL too).
    version: 3,
    stores: {
      identities: 'id, name, *sameAs, updatedAt, mergedInto',
      links: 'entityKey, identityId',
      sightings: 'id, identityId, lastSeenAt, url',
    },
    // Forms one identity per real thing from the entities there, by the linking rules; adds only.
    upgrade: (tx) => formIdentities(upgradeTables(tx)),
  },
  {
    // v4: the reader's corrections ("Not this — it's …"), by folded alias and by last change (tombstones kept).
    version: 4,
    stores: {
      corrections: 'id, alias, updatedAt',
    },
  },
];
