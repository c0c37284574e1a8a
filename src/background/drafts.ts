// Captured articles waiting for review. A draft is the extractor's pack plus the article it came
// from; nothing becomes a pack until the user saves it from the review screen. Drafts live in the
// bookkeeping table (key "draft:<id>"): they are working state, not part of backups.
import { type ArticleInput, extractPack } from '@/src/core/extract';
import type { Pack } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import type { Draft, ImportResult } from '@/src/messaging/protocol';
import { importPackJson } from './packs';

const PREFIX = 'draft:';
const MAX_TEXT = 2_000_000;

export async function createDraft(db: GlossDb, article: ArticleInput): Promise<Draft> {
  if (typeof article?.text !== 'string' || !article.text.trim()) {
    throw new Error('Gloss found no article text on this page');
  }
  const clipped = { ...article, text: article.text.slice(0, MAX_TEXT) };
  const draft: Draft = {
    id: crypto.randomUUID(),
    createdAt: Date.now(),
    article: clipped,
    pack: extractPack(clipped),
  };
  await db.bookkeeping.put({ key: PREFIX + draft.id, value: draft });
  return draft;
}

export async function getDraft(db: GlossDb, id: string): Promise<Draft | null> {
  return ((await db.bookkeeping.get(PREFIX + id))?.value as Draft | undefined) ?? null;
}

export async function discardDraft(db: GlossDb, id: string): Promise<void> {
  await db.bookkeeping.delete(PREFIX + id);
}

/**
 * The reviewed pack, validated and imported like a pack file; the draft goes once it is in.
 * `links`: the review's manual choices per pack entity id (an identity key, or null to keep apart).
 */
export async function saveDraft(
  db: GlossDb,
  id: string,
  pack: Pack,
  links?: Record<string, string | null>,
): Promise<ImportResult> {
  if (!(await getDraft(db, id))) throw new Error('This capture was already saved or discarded');
  const result = await importPackJson(db, pack, { links });
  if (result.ok) await discardDraft(db, id);
  return result;
}
