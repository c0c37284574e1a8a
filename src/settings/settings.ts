// User preferences live in extension storage (not the knowledge base) because every content
// script reads them at start and must react at once when they change in another tab.

import { checkSettings, DEFAULT_SETTINGS, type Settings } from '@/src/core/settings';
import { defineItem } from '@/src/messaging/storage-item';

// What settings are and which values are valid live in the core, so the backup reader checks
// imported settings with the same rules that guard stored ones.
export {
  checkSettings,
  DEFAULT_SETTINGS,
  type HighlightStyle,
  MAX_HOVER_DELAY,
  type Settings,
  type SettingsProblem,
} from '@/src/core/settings';

export const settingsItem = defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

/**
 * Stored settings with the defaults for what they lack (a newer version may add settings) and
 * for any field whose stored value is not valid, so a bad value cannot break pages.
 */
export function withDefaults(stored: unknown): Settings {
  return { ...DEFAULT_SETTINGS, ...checkSettings(stored).settings };
}

export async function getSettings(): Promise<Settings> {
  return withDefaults(await settingsItem.getValue());
}

export async function updateSettings(change: (current: Settings) => Partial<Settings>): Promise<Settings> {
  const current = await getSettings();
  const next = { ...current, ...change(current) };
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(listener: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => listener(withDefaults(value)));
}

export function isPaused(settings: Settings, now = Date.now()): boolean {
  return settings.pausedUntil === -1 || settings.pausedUntil > now;
}

export function isActiveOn(settings: Settings, host: string, now = Date.now()): boolean {
  return !isPaused(settings, now) && !settings.disabledSites.includes(host);
}
