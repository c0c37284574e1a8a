// What the knowledge base stores. Records keep the pack's own ids and add a global `key`
// ("packId/id") because two packs may both use an id like "nato".
import type { TextQuoteSelector } from '@/src/core/anchor';
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

export interface NoteRecord {
  id: string;
  /**
   * The entity this note is about. It may no longer exist (pack removed): the note is then orphaned,
   * never lost. "" for a page note: a note on a selection, about no entity.
   */
  entityKey: string;
  /** The entity's name when the note was written, so an orphaned note still says what it was about. */
  entityName: string;
  text: string;
  pageUrl: string;
  pageTitle: string;
  /** The sentence around the mention the note was written from (a page note: the selected text). */
  quote: string;
  /** A page note's selection, found again on later visits (W3C TextQuoteSelector). */
  selector?: TextQuoteSelector;
  /** The page was visited and the selector's quote was not on it (it changed). */
  quoteMissing?: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const entityKey = (packId: string, id: string) => `${packId}/${id}`;
