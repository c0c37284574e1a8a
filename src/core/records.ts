// What the knowledge base stores, as every context sees it: the background keeps these in Dexie
// (src/db), pages and the UI get them through messages. Pure types, so a content script can name a
// note without importing the database. Records keep the pack's own ids and add a global `key`
// ("packId/id") because two packs may both use an id like "nato".
import type { Note } from '@/src/core/note';
import type { EntityType } from '@/src/core/pack';

export interface PackRecord {
  id: string;
  /** The pack's own revision (pack.version in the file, 1 when absent). */
  version: number;
  title: string;
  description: string;
  language: string;
  createdAt: string;
  enabled: boolean;
  /** Shipped inside the extension and kept up to date by it. */
  bundled: boolean;
  installedAt: number;
  updatedAt: number;
}

export interface SourceRecord {
  key: string;
  packId: string;
  id: string;
  title: string;
  url?: string;
  publisher?: string;
  publishedAt?: string;
  /** Order in the pack file, so an export gives the file back as it came. */
  position: number;
}

export interface EntityRecord {
  key: string;
  packId: string;
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description?: string;
  caseSensitive?: boolean;
  /** Identifiers of the real thing (pack format v2), e.g. "wikidata:Q159", "iso3166:RU". */
  sameAs?: string[];
  /** Names by language (pack format v2): BCP 47 tag → names. */
  labels?: Record<string, string[]>;
  /** Folded words of the name and aliases: the search index. */
  terms: string[];
  position: number;
}

export interface FactRecord {
  key: string;
  packId: string;
  id: string;
  entityKey: string;
  sourceKey: string;
  text: string;
  quote: string;
  position: number;
}

/** Notes are stored as they are defined in the core. */
export type NoteRecord = Note;

export const entityKey = (packId: string, id: string) => `${packId}/${id}`;
