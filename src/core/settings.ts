// The user's preferences and the values each may hold: pure, so both the stored settings
// (src/settings/settings.ts) and a backup's settings (backup.ts) are checked by the same rules.
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
  /**
   * Answers to "Which one?" an older Gloss remembered here (host → folded mention text → entity
   * key). Gloss now keeps them as corrections for the site; the background turns any it finds here
   * (after an update, or from an older backup) into corrections and empties this.
   */
  choices: Record<string, Record<string, string>>;
  /** Remind the user, in the manager, to save a backup file when notes have never been saved. */
  backupReminder: boolean;
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
  backupReminder: true,
  factOrder: 'newest',
  history: true,
};

/** The longest hover delay the manager offers, in ms. */
export const MAX_HOVER_DELAY = 2000;

/**
 * What each setting may hold. Settings come from storage and from backup files; one bad value
 * (`"disabledSites": 5`) must not break every page, so each field is checked on its own.
 */
const isTime = (n: unknown) => typeof n === 'number' && (n === -1 || (Number.isFinite(n) && n >= 0));
const isStringMap = (value: unknown, inner: (x: unknown) => boolean) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every(inner);

/**
 * What each setting may hold, as a check and the reason given when it fails. Settings come from
 * storage and from backup files; one bad value (`"disabledSites": 5`) must not break every page,
 * so each field is checked on its own. Plain predicates, not valibot's composed schemas: content
 * scripts read settings through withDefaults, and every page's script has a 60 KiB budget that
 * valibot's runtime would break (65.5 KB with valibot schemas, 62.1 KB with v.custom, 60 KB allowed).
 */
export const SETTING_CHECKS: {
  [K in keyof Settings]: { check: (value: unknown) => boolean; message: string };
} = {
  highlightStyle: {
    check: (x) => x === 'underline' || x === 'tint' || x === 'hover',
    message: 'expected "underline", "tint" or "hover"',
  },
  hoverDelay: {
    check: (x) => Number.isInteger(x) && (x as number) >= 0 && (x as number) <= MAX_HOVER_DELAY,
    message: `expected a whole number of milliseconds from 0 to ${MAX_HOVER_DELAY}`,
  },
  disabledSites: {
    check: (x) => Array.isArray(x) && x.every((site) => typeof site === 'string'),
    message: 'expected a list of host names',
  },
  pausedUntil: { check: isTime, message: 'expected -1, 0 or a time' },
  choices: {
    check: (x) => isStringMap(x, (site) => isStringMap(site, (key) => typeof key === 'string')),
    message: 'expected host → text → entity key',
  },
  backupReminder: { check: (x) => typeof x === 'boolean', message: 'expected true or false' },
  factOrder: { check: (x) => x === 'newest' || x === 'oldest', message: 'expected "newest" or "oldest"' },
  history: { check: (x) => typeof x === 'boolean', message: 'expected true or false' },
};

export interface SettingsProblem {
  /** The setting's name, e.g. "disabledSites". */
  field: string;
  message: string;
}

/**
 * The valid fields of a settings object, each bad one reported and left out; unknown fields
 * (e.g. from a newer Gloss) are left out too. Never throws.
 */
export function checkSettings(input: unknown): { settings: Partial<Settings>; problems: SettingsProblem[] } {
  const settings: Partial<Settings> = {};
  const problems: SettingsProblem[] = [];
  if (input === null || input === undefined) return { settings, problems };
  if (typeof input !== 'object' || Array.isArray(input)) {
    return { settings, problems: [{ field: '', message: 'expected an object of settings' }] };
  }
  const record = input as Record<string, unknown>;
  for (const field of Object.keys(SETTING_CHECKS) as Array<keyof Settings>) {
    if (!Object.hasOwn(record, field) || record[field] === undefined) continue;
    const { check, message } = SETTING_CHECKS[field];
    if (check(record[field])) (settings as Record<string, unknown>)[field] = record[field];
    else problems.push({ field, message });
  }
  return { settings, problems };
}
