// Captures waiting for review are listed, and expire 30 days after capture, with a warning from
// day 23 on. Time is a fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DRAFT_EXPIRY_ALARM, expireDrafts, listDrafts, scheduleDraftExpiry } from '@/src/background/drafts';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import { expiryWarning } from '@/src/core/drafts';
import type { GlossDb } from '@/src/db/db';
import { freshDb } from './helpers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1, 12);
const article = (title: string) => ({
  title,
  url: 'https://news.example/nato',
  siteName: 'News Example',
  text: 'NATO Secretary General Jens Stoltenberg said the plan was approved in Wiesbaden.',
  language: 'en',
});

let db: GlossDb;
let handlers: Handlers;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  db = freshDb();
  handlers = createHandlers(db);
});
afterEach(() => {
  db.close();
  vi.useRealTimers();
});

describe('drafts of captures', () => {
  it('are listed newest first with title, site, date and size', async () => {
    const first = await handlers.captureArticle(article('First capture'));
    vi.setSystemTime(T0 + DAY);
    const second = await handlers.captureArticle({ ...article('Second'), siteName: undefined });
    const listed = await handlers.listDrafts(undefined);
    expect(listed.map((d) => [d.id, d.title, d.site, d.createdAt])).toEqual([
      [second.draftId, 'Second', 'news.example', T0 + DAY],
      [first.draftId, 'First capture', 'News Example', T0],
    ]);
    expect(listed[0]?.size).toBeGreaterThan(article('Second').text.length);
    await handlers.discardDraft({ id: first.draftId });
    expect((await handlers.listDrafts(undefined)).map((d) => d.id)).toEqual([second.draftId]);
  });

  it('expire 30 days after capture, not a moment before', async () => {
    await db.bookkeeping.put({ key: 'removedBundled', value: ['x'] });
    await handlers.captureArticle(article('Old'));
    vi.setSystemTime(T0 + 10 * DAY);
    await handlers.captureArticle(article('Newer'));
    expect(await expireDrafts(db, T0 + 30 * DAY - 1)).toBe(0);
    expect(await expireDrafts(db, T0 + 30 * DAY)).toBe(1);
    expect((await listDrafts(db)).map((d) => d.title)).toEqual(['Newer']);
    // Other things in the same table are never touched.
    expect(await db.bookkeeping.get('removedBundled')).toEqual({ key: 'removedBundled', value: ['x'] });
  });

  it('warn from day 23 on: "N reviews will be discarded in K days"', () => {
    const drafts = [{ createdAt: T0 }, { createdAt: T0 + 2 * DAY }];
    expect(expiryWarning(drafts, T0 + 23 * DAY - 1)).toBeNull();
    expect(expiryWarning(drafts, T0 + 23 * DAY)).toEqual({ count: 1, days: 7 });
    expect(expiryWarning(drafts, T0 + 25 * DAY)).toEqual({ count: 2, days: 5 });
    expect(expiryWarning(drafts, T0 + 29.5 * DAY)).toEqual({ count: 2, days: 1 });
    expect(expiryWarning([], T0)).toBeNull();
  });

  it('are expired at start-up and by a daily alarm, created once', async () => {
    await handlers.captureArticle(article('Old'));
    const listeners: Array<(name: string) => void> = [];
    const created: string[] = [];
    const alarms = {
      get: async (name: string) => (created.includes(name) ? { name } : undefined),
      create: (name: string) => void created.push(name),
      onAlarm: (listener: (name: string) => void) => void listeners.push(listener),
    };
    let now = T0 + 31 * DAY;
    scheduleDraftExpiry(db, alarms, () => now);
    await vi.waitFor(async () => expect(await listDrafts(db)).toEqual([]));
    await vi.waitFor(() => expect(created).toEqual([DRAFT_EXPIRY_ALARM]));

    vi.setSystemTime(T0 + 31 * DAY);
    await handlers.captureArticle(article('Later'));
    now = T0 + 62 * DAY;
    for (const listener of listeners) listener('something-else');
    expect((await listDrafts(db)).length).toBe(1);
    for (const listener of listeners) listener(DRAFT_EXPIRY_ALARM);
    await vi.waitFor(async () => expect(await listDrafts(db)).toEqual([]));

    scheduleDraftExpiry(db, alarms, () => now);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(created).toEqual([DRAFT_EXPIRY_ALARM]);
  });
});
