// The user's preferences and the values each may hold: pure, so both the stored settings
// (src/settings/settings.ts) and a backup's settings (backup.ts) are checked by the same rules.
import * as v from 'valibot';

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
  /** Remind the user, in the manager, to save a backup file when notes have never been saved. */
  backupReminder: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  highlightStyle: 'underline',
  hoverDelay: 300,
  disabledSites: [],
  pausedUntil: 0,
  choices: {},
  backupReminder: true,
};

/** The longest hover delay the manager offers, in ms. */
export const MAX_HOVER_DELAY = 2000;

/**
 * What each setting may hold. Settings come from storage and from backup files; one bad value
 * (`"disabledSites": 5`) must not break every page, so each field is checked on its own.
 */
const FIELDS: { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> } = {
  highlightStyle: v.picklist(['underline', 'tint', 'hover'], 'expected "underline", "tint" or "hover"'),
  hoverDelay: v.pipe(
    v.number('expected a number'),
    v.integer('expected a whole number of milliseconds'),
    v.minValue(0, 'must not be negative'),
    v.maxValue(MAX_HOVER_DELAY, `must be at most ${MAX_HOVER_DELAY}`),
  ),
  disabledSites: v.array(v.string('expected a host name'), 'expected a list of host names'),
  pausedUntil: v.pipe(
    v.number('expected a number'),
    v.check((n) => n === -1 || (Number.isFinite(n) && n >= 0), 'expected -1, 0 or a time'),
  ),
  choices: v.record(
    v.string(),
    v.record(v.string(), v.string(), 'expected text → entity key'),
    'expected host → choices',
  ),
  backupReminder: v.boolean('expected true or false'),
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
  for (const field of Object.keys(FIELDS) as Array<keyof Settings>) {
    if (!Object.hasOwn(record, field) || record[field] === undefined) continue;
    const result = v.safeParse(FIELDS[field], record[field], { abortPipeEarly: true });
    if (result.success) (settings as Record<string, unknown>)[field] = result.output;
    else problems.push({ field, message: result.issues[0].message });
  }
  return { settings, problems };
}
