// The one message protocol. Every context (content scripts, popup, manager) reaches the
// background's knowledge base through these calls; src/background/handlers.ts answers each key,
// and src/messaging/rules.ts says who may call it and what its data must look like.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ContextProfile, Correction } from '@/src/core/context/types';
import type { ArticleInput } from '@/src/core/extract';
import type { AliasMatch, SerializedMatcherJSON } from '@/src/core/matcher';
import type { EntityType, Pack, PackError } from '@/src/core/pack';
import type { EntityRecord, FactRecord, NoteRecord, PackRecord, SourceRecord } from '@/src/core/records';

/** How a page gets its matcher: compiled, to match locally, or "ask me" for a large knowledge base. */
export type MatcherDelivery =
  | { revision: string; mode: 'local'; size: number; matcher: SerializedMatcherJSON }
  | { revision: string; mode: 'remote'; size: number }
  | { revision: string; mode: 'unchanged'; size: number };

/** What the card and popup show for one identity: its facts from every source. */
export interface EntityView {
  /**
   * The identity's representative member (name, type, description). Its `key` is the identity id
   * when the view was asked for by identity id (pages), else the representative's entity key.
   */
  entity: EntityRecord;
  /** The representative's pack (kept for existing callers). */
  pack: { id: string; title: string };
  identity: {
    id: string;
    /** Distinct sources of its facts. */
    sourceCount: number;
    packs: Array<{ id: string; title: string }>;
    memberKeys: string[];
  };
  /** Deduplicated (same folded text): one row per fact, every source that states it. */
  facts: Array<FactRecord & { source: SourceRecord | null; alsoIn: SourceRecord[] }>;
  /** Notes on the identity id and on every member key. */
  notes: NoteRecord[];
}

/** The manager's entity page. */
export interface EntityPageView extends EntityView {
  aliases: Array<{ text: string; packId: string; packTitle: string }>;
  sources: Array<SourceRecord & { packTitle: string; factCount: number }>;
  members: Array<{ key: string; name: string; packId: string; packTitle: string; manual: boolean }>;
  /** Identities most often seen on the same pages and in the same sources, most first (≤ 12). */
  appearsWith: Array<{ key: string; name: string; type: EntityType; count: number }>;
  /** Pages where Gloss marked it, most recent first. */
  seenOn: Array<{ url: string; title: string; count: number; firstSeenAt: number; lastSeenAt: number }>;
}

/** An identity as the review shows it next to a draft's entity. */
export interface LinkTarget {
  key: string;
  name: string;
  type: EntityType;
  factCount: number;
  sourceCount: number;
}

/** How a draft's entity would land in the knowledge base. */
export interface LinkPreview {
  decision: 'link' | 'propose' | 'new';
  /** For link: the identity. */
  identity?: LinkTarget;
  /** For propose: the candidates. */
  candidates?: LinkTarget[];
  rule?: string;
}

/** What a page reports: its mentions for the badge, and (top frame) what it marked, for "seen on". */
export interface PageReport {
  mentions: number;
  active: boolean;
  url?: string;
  title?: string;
  /** Mentions per identity key on the page (the MentionStore's counts). */
  counts?: Array<{ key: string; count: number }>;
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

/** A note about an entity, or a page note: entityKey "" and the selection's selector. */
export type NoteInput = Pick<
  NoteRecord,
  'entityKey' | 'text' | 'pageUrl' | 'pageTitle' | 'quote' | 'selector'
>;

/** A captured article waiting for review: what the extractor made of it. */
export interface Draft {
  id: string;
  createdAt: number;
  article: ArticleInput;
  pack: Pack;
}

/** A draft as the manager lists it. */
export interface DraftSummary {
  id: string;
  title: string;
  /** The article's site name or host ("" when unknown). */
  site: string;
  createdAt: number;
  /** Bytes the draft takes in storage (its JSON, UTF-8). */
  size: number;
}

/** A note with whether its entity still exists (a pack change may have removed it). */
export interface NoteView extends NoteRecord {
  orphaned: boolean;
}

/** Enough about an entity to list it. */
export interface EntitySummary {
  key: string;
  packId: string;
  name: string;
  type: EntityRecord['type'];
  aliases: string[];
  description?: string;
  factCount: number;
}

/** The pack users' own entities and facts go into. */
export { MY_KNOWLEDGE_PACK } from '@/src/core/vocabulary';

export interface EntityInput {
  /** Absent: a new entity in "My knowledge". */
  key?: string;
  name: string;
  type: EntityRecord['type'];
  aliases: string[];
  description?: string;
  caseSensitive?: boolean;
}

export interface FactInput {
  /** Absent: a new fact. */
  key?: string;
  entityKey: string;
  text: string;
  quote: string;
  /** Where it comes from; a new source of "My knowledge" is made (or reused by title and URL). */
  sourceTitle: string;
  sourceUrl?: string;
}

export type BackupImportResult =
  | {
      ok: true;
      packs: number;
      notesAdded: number;
      notesUpdated: number;
      notesKept: number;
      /** Records taken in after a fix (e.g. a clipped address), and how many; the list is capped. */
      repaired: PackError[];
      repairedCount: number;
      /** Records or settings left out, with why, and how many; the list is capped. */
      skipped: PackError[];
      skippedCount: number;
    }
  | { ok: false; errors: PackError[] };

export type ImportResult =
  | { ok: true; packId: string; title: string; entities: number; facts: number; replaced: boolean }
  | { ok: false; errors: PackError[] };

/** "Not this — it's …" from the card: the mention as on the page, and what it means. */
export interface CorrectionInput {
  /** The mention's text as on the page (the background folds it). */
  alias: string;
  /** The identity the mention was given. */
  wrong?: string;
  /** An identity id or entity key (resolved to its identity), or null: "nothing", do not mark it. */
  right: string | null;
  scope: Correction['scope'];
  /** The page's host name. */
  site: string;
  /** Folded words around the mention, for scope 'context' (see cueWords in src/core/corrections.ts). */
  cues?: string[];
}

/** A correction as the manager lists it, with the names of what it was and what it is. */
export interface CorrectionView extends Correction {
  wrongName?: string;
  rightName?: string;
}

export interface GlossProtocol {
  /** The compiled matcher for pages (or "remote" when it is too large to send); "unchanged" if the page has it. */
  getMatcher(data: { revision?: string }): MatcherDelivery;
  /** Matches page texts in the background (large knowledge bases). */
  matchTexts(data: { texts: string[] }): { revision: string; mentions: AliasMatch[][] };
  /** An identity id, a member entity key (resolved through links) or a merged-away identity. */
  getEntity(data: { key: string }): EntityView | null;
  /** What the page's scorer knows of these identities (issue 15): one call per scan batch; unknown ids are left out. */
  getContextProfiles(data: { ids: string[] }): { profiles: ContextProfile[] };
  /** The manager's entity page for an identity (same keys as getEntity). */
  getEntityPage(data: { key: string }): EntityPageView | null;
  /** Manual link of one entity to an identity, or (to: null) unlink it into an identity of its own. Remembered across upgrades, in backups. */
  linkEntity(data: { entityKey: string; to: string | null }): void;
  /** Forgets every "seen on" page. */
  clearHistory(): void;
  /** How each entity of a draft pack would link, by pack entity id (for the review). */
  previewLinks(data: { pack: Pack }): Record<string, LinkPreview>;
  search(data: { query: string; limit?: number }): SearchResult[];
  listNotes(data: { entityKey?: string }): NoteView[];
  /** Moves an (orphaned) note to another entity. */
  reattachNote(data: { id: string; entityKey: string }): NoteRecord;
  createNote(data: NoteInput): NoteRecord;
  /**
   * `baseVersion`: the note's updatedAt when the edit began. If the note was saved since (another
   * tab), nothing is written and the call fails with an error named "NoteConflictError" whose
   * `current` is the stored note. Without it, the last save wins.
   */
  updateNote(data: { id: string; text: string; baseVersion?: number }): NoteRecord;
  deleteNote(data: { id: string }): void;
  listPacks(): PackSummary[];
  /** Builds the link index an import links against, unless it is kept: the import view asks when it opens. Answers once it is built. */
  warmLinkIndex(): void;
  /** Pack JSON text; validated, then imported in one transaction or not at all. */
  importPack(data: { json: string }): ImportResult;
  /** The pack as pack-format JSON text. */
  exportPack(data: { id: string }): string;
  setPackEnabled(data: { id: string; enabled: boolean }): void;
  removePack(data: { id: string }): void;
  /** Entities by name/alias prefix (all when query is empty), optionally of one pack, a page at a time. */
  listEntities(data: { query?: string; packId?: string; offset?: number; limit?: number }): {
    total: number;
    entities: EntitySummary[];
  };
  /** Identities (one per real thing, however many packs know it) by name/alias prefix, a page at a time. */
  listIdentities(data: { query?: string; offset?: number; limit?: number }): {
    total: number;
    entities: EntitySummary[];
  };
  /** Summaries of the given entities or identities, under the keys asked (unknown keys are left out). */
  getEntities(data: { keys: string[] }): EntitySummary[];
  /** Creates or edits an entity of "My knowledge" (created on first use). */
  saveEntity(data: EntityInput): EntitySummary;
  /** Deletes an entity of "My knowledge" and its facts; notes on it are kept (orphaned). */
  deleteEntity(data: { key: string }): void;
  /** Creates or edits a fact of "My knowledge". */
  saveFact(data: FactInput): FactRecord;
  deleteFact(data: { key: string }): void;
  /** Everything — packs, notes, settings — as one backup JSON text. */
  exportAll(): string;
  /** A backup file: validated whole, then merged in one transaction (no duplicates; newer note edits win). */
  importAll(data: { json: string }): BackupImportResult;
  /** Deletes every pack, note and setting. */
  deleteAllData(): void;
  /** From a content script: how many mentions its page has, for the toolbar badge; the top frame adds url, title and counts per identity for "seen on" (kept when settings.history). */
  reportPage(data: PageReport): void;
  /** An article read from a page: extracted into a draft pack, and the manager opened to review it. */
  captureArticle(data: ArticleInput): { draftId: string };
  getDraft(data: { id: string }): Draft | null;
  /** The reviewed pack: validated and imported like a pack file; the draft is gone once it is in. links: manual choices per pack entity id (identity key, or null = keep apart). */
  saveDraft(data: { id: string; pack: Pack; links?: Record<string, string | null> }): ImportResult;
  discardDraft(data: { id: string }): void;
  /** Captures waiting for review (drafts), newest first. */
  listDrafts(): DraftSummary[];
  /** Page notes (notes on a selection) of a page, for it to mark their quotes. */
  listNotesForPage(data: { url: string }): NoteRecord[];
  /** What a page found of its page notes' quotes; the manager lists the missing ones. */
  reportAnchors(data: { url: string; found: string[]; missing: string[] }): void;
  /** The card's "Not this — it's …": stored (the same decision again replaces the older one), then announced. */
  correctMention(data: CorrectionInput): Correction;
  /** The corrections in force, newest first (the manager's list). */
  listCorrections(): CorrectionView[];
  /** Undoes a correction (kept as a tombstone for backups); false when it was already undone. */
  undoCorrection(data: { id: string }): boolean;
  /** What a page on `site` needs: the corrections for that site, for passages like one, and for everywhere. */
  getCorrections(data: { site: string }): Correction[];
}

export const { sendMessage, onMessage } = defineExtensionMessaging<GlossProtocol>({
  // The default logs every message to the console of every page Gloss runs on.
  logger: { debug() {}, log() {}, warn: console.warn, error: console.error },
});
