// Settings are checked field by field, from storage and from backup files: a bad value falls back
// to the default (stored) or is left out and reported (imported); the good fields stay.
import { describe, expect, it } from 'vitest';
import { createHandlers } from '@/src/background/handlers';
import { checkSettings, DEFAULT_SETTINGS } from '@/src/core/settings';
import { isActiveOn, withDefaults } from '@/src/settings/settings';
import { settingsStore } from './handler-fixtures';
import { freshDb } from './helpers';

describe('checkSettings and withDefaults', () => {
  it('keeps the good fields and drops each bad one with a reason', () => {
    const { settings, problems } = checkSettings({
      disabledSites: 5,
      hoverDelay: 450,
      highlightStyle: 'sparkles',
      pausedUntil: -1,
      choices: { 'example.org': { nato: 7 } },
      backupReminder: 'yes',
      fromANewerGloss: true,
    });
    expect(settings).toEqual({ hoverDelay: 450, pausedUntil: -1 });
    expect(problems.map((p) => p.field)).toEqual([
      'highlightStyle',
      'disabledSites',
      'choices',
      'backupReminder',
    ]);
    expect(checkSettings({ hoverDelay: Number.NaN, pausedUntil: -5 }).settings).toEqual({});
    expect(checkSettings({ hoverDelay: 1e9 }).settings).toEqual({});
    expect(checkSettings('nonsense').problems).toHaveLength(1);
    expect(checkSettings(null)).toEqual({ settings: {}, problems: [] });
  });

  it('a bad stored value reads as the default, so pages keep working', () => {
    const settings = withDefaults({ disabledSites: 5, hoverDelay: 450 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, hoverDelay: 450 });
    expect(isActiveOn(settings, 'example.org')).toBe(true);
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults([1, 2])).toEqual(DEFAULT_SETTINGS);
  });
});

describe('settings in a backup', () => {
  it('{ "disabledSites": 5 } is left out and reported; the good settings are imported', async () => {
    const settings = settingsStore({ disabledSites: ['kept.example'] });
    const handlers = createHandlers(freshDb(), { settings });
    const json = JSON.stringify({
      format: 'gloss-backup',
      version: 1,
      exportedAt: '2024-06-14T00:00:00Z',
      packs: [],
      notes: [],
      settings: { disabledSites: 5, hoverDelay: 600 },
    });
    const result = await handlers.importAll({ json });
    expect(result).toMatchObject({
      ok: true,
      skippedCount: 1,
      skipped: [{ path: 'settings.disabledSites', message: 'expected a list of host names' }],
    });
    expect(settings.stored).toEqual({ disabledSites: ['kept.example'], hoverDelay: 600 });
  });
});
