// Captured articles waiting for review. A draft is the extractor's pack plus the article it came
// from; nothing becomes a pack until the user saves it from the review screen. Drafts live in the
// bookkeeping table (key "draft:<id>"): they are working state, not part of backups. A draft the user
// never came back to expires after DRAFT_LIFETIME_DAYS (the manager warns first).
import { isExpired } from '@/src/core/drafts';
import { siteOf } from '@/src/core/export';
import { type ArticleInput, extractPack } from '@/src/core/extract';
import type { Pack } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import type { Draft, DraftSummary, ImportResult } from '@/src/messaging/protocol';
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

/** Every draft waiting for review, newest first, with its size in storage. */
export async function listDrafts(db: GlossDb): Promise<DraftSummary[]> {
  const records = await db.bookkeeping.where('key').startsWith(PREFIX).toArray();
  const encoder = new TextEncoder();
  return records
    .map(({ value }) => {
      const draft = value as Draft;
      return {
        id: draft.id,
        title: draft.article?.title || draft.pack?.pack?.title || 'Untitled capture',
        site: draft.article?.siteName || siteOf(draft.article?.url ?? ''),
        createdAt: draft.createdAt,
        size: encoder.encode(JSON.stringify(draft)).length,
      };
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

/** Discards the drafts past their lifetime; returns how many went. */
export async function expireDrafts(db: GlossDb, now = Date.now()): Promise<number> {
  return db.transaction('rw', db.bookkeeping, async () => {
    const records = await db.bookkeeping.where('key').startsWith(PREFIX).toArray();
    const expired = records.filter(({ value }) => isExpired((value as Draft).createdAt ?? 0, now));
    await db.bookkeeping.bulkDelete(expired.map((r) => r.key));
    return expired.length;
  });
}

/** What the background needs of browser.alarms (absent where the permission is not granted). */
export interface Alarms {
  get(name: string): Promise<unknown>;
  create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): void;
  onAlarm(listener: (name: string) => void): void;
}

export const DRAFT_EXPIRY_ALARM = 'gloss-expire-drafts';

/**
 * Expires drafts now (the background starts often: a service worker or event page wakes for every
 * message) and once a day while the browser runs, by an alarm — a timer would not survive the
 * background being stopped.
 */
export function scheduleDraftExpiry(db: GlossDb, alarms: Alarms | undefined, now = () => Date.now()): void {
  const run = () =>
    void expireDrafts(db, now()).catch((error) => console.error('Gloss: expiring drafts failed', error));
  run();
  if (!alarms) return;
  alarms.onAlarm((name) => {
    if (name === DRAFT_EXPIRY_ALARM) run();
  });
  // Created once: creating it again on every wake-up would push the first run back each time.
  void alarms
    .get(DRAFT_EXPIRY_ALARM)
    .then((existing) => {
      if (!existing) alarms.create(DRAFT_EXPIRY_ALARM, { periodInMinutes: 24 * 60, delayInMinutes: 24 * 60 });
    })
    .catch((error) => console.error('Gloss: scheduling draft expiry failed', error));
}
