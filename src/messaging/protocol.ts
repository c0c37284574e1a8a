// The one message protocol. Every context (content scripts, popup, manager) reaches the
// background's knowledge base through these calls; src/background/handlers.ts answers each key.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { AliasEntry } from '@/src/core/matcher';
import type { PackError } from '@/src/core/pack';
import type { EntityRecord, FactRecord, NoteRecord, PackRecord, SourceRecord } from '@/src/db/records';

export interface Dictionary {
  /** Changes whenever the enabled knowledge changes, so callers can cache by it. */
  revision: string;
  aliases: AliasEntry[];
}

export interface EntityView {
  entity: EntityRecord;
  pack: { id: string; title: string };
  facts: Array<FactRecord & { source: SourceRecord | null }>;
  notes: NoteRecord[];
}

export interface SearchResult {
  kind: 'entity' | 'fact' | 'note';
  entityKey: string;
  entityName: string;
  entityType: EntityRecord['type'] | null;
  /** The text that matched: a name or alias, a fact, a note. */
  snippet: string;
}

export interface PackSummary extends PackRecord {
  entityCount: number;
  factCount: number;
  sourceCount: number;
}

export type NoteInput = Pick<NoteRecord, 'entityKey' | 'text' | 'pageUrl' | 'pageTitle' | 'quote'>;

export type ImportResult =
  | { ok: true; packId: string; title: string; entities: number; facts: number; replaced: boolean }
  | { ok: false; errors: PackError[] };

export interface GlossProtocol {
  /** Every name and alias of the enabled packs, for content scripts to match against. */
  getDictionary(): Dictionary;
  getEntity(data: { key: string }): EntityView | null;
  search(data: { query: string; limit?: number }): SearchResult[];
  listNotes(data: { entityKey?: string }): NoteRecord[];
  createNote(data: NoteInput): NoteRecord;
  updateNote(data: { id: string; text: string }): NoteRecord;
  deleteNote(data: { id: string }): void;
  listPacks(): PackSummary[];
  /** Pack JSON text; validated, then imported in one transaction or not at all. */
  importPack(data: { json: string }): ImportResult;
  /** The pack as pack-format JSON text. */
  exportPack(data: { id: string }): string;
  setPackEnabled(data: { id: string; enabled: boolean }): void;
  removePack(data: { id: string }): void;
}

export const PROTOCOL_KEYS = [
  'getDictionary',
  'getEntity',
  'search',
  'listNotes',
  'createNote',
  'updateNote',
  'deleteNote',
  'listPacks',
  'importPack',
  'exportPack',
  'setPackEnabled',
  'removePack',
] as const satisfies ReadonlyArray<keyof GlossProtocol>;

export const { sendMessage, onMessage } = defineExtensionMessaging<GlossProtocol>({
  // The default logs every message to the console of every page Gloss runs on.
  logger: { debug() {}, log() {}, warn: console.warn, error: console.error },
});
