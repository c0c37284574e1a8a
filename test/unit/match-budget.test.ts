// The background's match budget (hardening 6): text sent by pages to be matched is limited per call
// and per tab per minute; the page stops sending once refused and keeps the marks it has.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHandlers, type Handlers, registerHandlers } from '@/src/background/handlers';
import { installBundledPacks } from '@/src/background/index';
import { MatchBudget } from '@/src/background/match-budget';
import { loadPageMatcher } from '@/src/content/matching';
import type { GlossDb } from '@/src/db/db';
import { BUDGET_SPENT, BudgetSpent, isBudgetSpent } from '@/src/messaging/match-budget';
import { sendMessage } from '@/src/messaging/protocol';
import { CONTENT_SCRIPT, fakeRuntime, freshDb } from './helpers';

const LIMITS = { charsPerCall: 100, charsPerTabPerMinute: 250, windowMs: 60_000 };
const text = (chars: number) => 'x'.repeat(chars);

describe('MatchBudget', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('lets a tab spend up to its limit per minute, then refuses until the minute is over', () => {
    const budget = new MatchBudget(LIMITS, clock);
    budget.spend(1, 100);
    budget.spend(1, 100);
    now += 20_000;
    expect(() => budget.spend(1, 51)).toThrow(BudgetSpent);
    try {
      budget.spend(1, 51);
    } catch (error) {
      expect((error as BudgetSpent).name).toBe(BUDGET_SPENT);
      expect((error as BudgetSpent).retryAfterMs).toBe(40_000);
    }
    // A refused call counted nothing: the 50 left can still be spent.
    budget.spend(1, 50);
    expect(() => budget.spend(1, 1)).toThrow(/limit is 250/);
    now += 40_000;
    budget.spend(1, 100);
  });

  it('counts each tab on its own', () => {
    const budget = new MatchBudget(LIMITS, clock);
    budget.spend(1, 100);
    budget.spend(1, 100);
    budget.spend(1, 50);
    expect(() => budget.spend(1, 1)).toThrow(BudgetSpent);
    budget.spend(2, 100);
    budget.spend(undefined, 100);
  });

  it('refuses one call larger than the per-call limit, at any time, and may take a smaller one', () => {
    const budget = new MatchBudget(LIMITS, clock);
    expect(() => budget.spend(1, 101)).toThrow(/at most 100 characters per call/);
    try {
      budget.spend(1, 101);
    } catch (error) {
      expect((error as BudgetSpent).retryAfterMs).toBe(0);
    }
    budget.spend(1, 100);
  });

  it('forgets tabs whose minute is over once many have sent text', () => {
    const budget = new MatchBudget(LIMITS, clock);
    for (let tab = 0; tab < 300; tab++) budget.spend(tab, 100);
    now += 60_000;
    budget.spend(1_000, 1);
    const windows = (budget as unknown as { windows: Map<unknown, unknown> }).windows;
    expect(windows.size).toBe(1);
  });
});

describe('matchTexts over the budget', () => {
  let db: GlossDb;
  let handlers: Handlers;
  let unregister: () => void;
  let now: number;
  let calls: number;

  beforeEach(async () => {
    now = 5_000_000;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    db = freshDb();
    await installBundledPacks(db);
    const real = createHandlers(db, { budget: new MatchBudget(LIMITS, () => Date.now()) });
    calls = 0;
    handlers = {
      ...real,
      matchTexts: (data, sender) => {
        calls++;
        return real.matchTexts(data, sender);
      },
    };
    fakeRuntime(CONTENT_SCRIPT);
    unregister = registerHandlers(handlers);
  });
  afterEach(() => {
    unregister();
    db.close();
    vi.useRealTimers();
  });

  it('is refused with the typed budget error, which reaches the page with its name and wait', async () => {
    await handlers.matchTexts({ texts: [text(100)] }, { tabId: 3 });
    await handlers.matchTexts({ texts: [text(50), text(50)] }, { tabId: 3 });
    await expect(handlers.matchTexts({ texts: [text(30), text(30)] }, { tabId: 3 })).rejects.toThrow(
      BudgetSpent,
    );
    await expect(handlers.matchTexts({ texts: [text(30), text(30)] }, { tabId: 4 })).resolves.toBeTruthy();

    const refused = await sendMessage('matchTexts', { texts: [text(101)] }).catch((error: unknown) => error);
    expect(isBudgetSpent(refused)).toBe(true);
    expect((refused as BudgetSpent).retryAfterMs).toBe(0);
    expect(isBudgetSpent(new Error('No pack with id "x"'))).toBe(false);
  });

  it('makes the page stop sending and keep what it found, without an error, until the minute is over', async () => {
    const matcher = await loadPageMatcher(null, { revision: '1', mode: 'remote', size: 5_000 });
    expect(matcher.where).toBe('background');
    const sentence = `Wiesbaden ${text(90)}`;
    expect((await matcher.find([sentence]))[0]).toHaveLength(1);
    expect((await matcher.find([sentence]))[0]).toHaveLength(1);
    expect(calls).toBe(2);
    // The third would pass 250 characters: refused, answered with no mentions.
    expect(await matcher.find(['Kyiv', text(50)])).toEqual([[], []]);
    expect(calls).toBe(3);
    // Nothing more is sent while the budget is spent.
    expect(await matcher.find(['Kyiv'])).toEqual([[]]);
    expect(calls).toBe(3);
    vi.setSystemTime(now + 60_000);
    expect((await matcher.find(['Kyiv']))[0]).toHaveLength(1);
    expect(calls).toBe(4);
  });

  it('leaves other failures to the caller', async () => {
    unregister();
    unregister = registerHandlers({
      ...handlers,
      matchTexts: async () => {
        throw new Error('The database is gone');
      },
    });
    const matcher = await loadPageMatcher(null, { revision: '1', mode: 'remote', size: 5_000 });
    await expect(matcher.find(['Kyiv'])).rejects.toThrow('The database is gone');
  });
});
