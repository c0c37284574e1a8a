// User preferences live in extension storage (not the knowledge base) because every content
// script reads them at start and must react at once when they change in another tab.
import { storage } from 'wxt/utils/storage';

export type HighlightStyle = 'underline' | 'tint' | 'hover';

export interface Settings {
  /** How mentions look: underlined, tinted, or invisible until the pointer is on them. */
  highlightStyle: HighlightStyle;
  /** Hover-intent delay before the popover opens, in ms. */
  hoverDelay: number;
  /** Host names where Gloss does nothing. */
  disabledSites: string[];
  /** Gloss is paused everywhere until this time (ms since epoch); 0 = not paused, Infinity is stored as -1. */
  pausedUntil: number;
  /** For ambiguous mentions: host → folded mention text → chosen entity key. */
  choices: Record<string, Record<string, string>>;
  /** The card's facts by their source's date: newest or oldest first. */
  factOrder: 'newest' | 'oldest';
  /** Remember the pages where Gloss marked an entity ("seen on"). */
  history: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  highlightStyle: 'underline',
  hoverDelay: 300,
  disabledSites: [],
  pausedUntil: 0,
  choices: {},
  factOrder: 'newest',
  history: true,
};

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

/** Stored settings with the defaults for what they lack (a newer version may add settings). */
export function withDefaults(stored: Partial<Settings> | null | undefined): Settings {
  return { ...DEFAULT_SETTINGS, ...stored };
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
