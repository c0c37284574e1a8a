// The manager reminds the user to save a backup when notes (or My-knowledge facts) older than
// 30 days were never saved to a file; storage is asked to stay persistent.
import { describe, expect, it, vi } from 'vitest';
import { keepStorage } from '@/src/background/backup';
import { unsavedOldThings } from '@/src/core/backup';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

describe('unsavedOldThings', () => {
  const notes = [{ createdAt: NOW - 40 * DAY }, { createdAt: NOW - 31 * DAY }, { createdAt: NOW - 5 * DAY }];

  it('counts notes older than 30 days made after the last backup file', () => {
    expect(unsavedOldThings(notes, undefined, 0, NOW)).toEqual({ notes: 2, facts: 0 });
    expect(unsavedOldThings(notes, undefined, NOW - 35 * DAY, NOW)).toEqual({ notes: 1, facts: 0 });
    expect(unsavedOldThings(notes, undefined, NOW - DAY, NOW)).toEqual({ notes: 0, facts: 0 });
    expect(unsavedOldThings([], undefined, 0, NOW)).toEqual({ notes: 0, facts: 0 });
  });

  it('counts My-knowledge facts by when My knowledge was started', () => {
    expect(unsavedOldThings([], { factCount: 3, installedAt: NOW - 45 * DAY }, 0, NOW)).toEqual({
      notes: 0,
      facts: 3,
    });
    expect(unsavedOldThings([], { factCount: 3, installedAt: NOW - 10 * DAY }, 0, NOW).facts).toBe(0);
    expect(unsavedOldThings([], { factCount: 0, installedAt: NOW - 45 * DAY }, 0, NOW).facts).toBe(0);
    expect(
      unsavedOldThings([], { factCount: 3, installedAt: NOW - 45 * DAY }, NOW - 40 * DAY, NOW).facts,
    ).toBe(0);
  });
});

describe('keepStorage', () => {
  it('asks for persistence once, only when not yet persistent, and survives a refusal or an error', async () => {
    const persist = vi.fn(async () => true);
    expect(await keepStorage({ persisted: async () => false, persist })).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    const never = vi.fn(async () => true);
    expect(await keepStorage({ persisted: async () => true, persist: never })).toBe(true);
    expect(never).not.toHaveBeenCalled();
    expect(await keepStorage({ persisted: async () => false, persist: async () => false })).toBe(false);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(
      await keepStorage({
        persisted: async () => {
          throw new Error('denied');
        },
        persist,
      }),
    ).toBe(false);
    warn.mockRestore();
    expect(await keepStorage(undefined)).toBe(false);
  });
});
