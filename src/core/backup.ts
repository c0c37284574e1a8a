// The backup file: everything a user has (packs with their on/off state, notes, settings) in one
// JSON document that imports back losslessly. Read record by record: a note or pack that breaks a
// rule is repaired when it can be (an over-long page address is clipped the way the writer clips
// it) or else skipped, and every repair and skip is reported; only a file that is not a Gloss
// backup at all is refused.
import * as v from 'valibot';
import type { Correction } from './context/types';
import type { IdentityRecord, LinkReason, LinkRecord, SightingRecord } from './graph/records';
import { clipText, clipUrl, LIMITS } from './limits';
import { clipNote, type Note } from './note';
import { formatPath, type Pack, type PackError, validatePack } from './pack';
import { checkSettings, type Settings } from './settings';
import { ENTITY_TYPES } from './vocabulary';

export const BACKUP_FORMAT = 'gloss-backup';
export const BACKUP_VERSION = 1;

export type BackupNote = Note;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  packs: Array<{ enabled: boolean; bundled: boolean; pack: Pack }>;
  notes: BackupNote[];
  settings: Record<string, unknown>;
  /** The knowledge graph (absent in backups made before it): identities, tombstones included. */
  identities?: IdentityRecord[];
  /** Which identity each pack entity belongs to, and which links and unlinks were made by hand. */
  links?: LinkRecord[];
  /** "Seen on" history. */
  sightings?: SightingRecord[];
  /** The reader's corrections ("Not this — it's …"), undone ones as tombstones, so an undo merges too. */
  corrections?: Correction[];
}

const string = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const filled = (max: number) =>
  v.pipe(v.string(), v.regex(/\S/, 'blank string'), v.maxLength(max, `longer than ${max} characters`));
const time = v.pipe(v.number(), v.integer('expected an integer'), v.minValue(0, 'must not be negative'));

const NoteSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'empty string'), v.maxLength(200, 'longer than 200 characters')),
  // "" for a page note (a note on a selection, about no entity).
  entityKey: string(500),
  entityName: string(LIMITS.entityName),
  text: filled(LIMITS.noteText),
  pageUrl: string(LIMITS.pageUrl),
  pageTitle: string(LIMITS.pageTitle),
  quote: string(LIMITS.quote),
  selector: v.optional(
    v.object({ exact: filled(LIMITS.quote), prefix: string(LIMITS.quote), suffix: string(LIMITS.quote) }),
  ),
  quoteMissing: v.optional(v.boolean()),
  createdAt: time,
  updatedAt: time,
});

const text = (max: number) =>
  v.pipe(v.string(), v.minLength(1, 'empty string'), v.maxLength(max, `longer than ${max} characters`));

const LINK_REASONS = [
  'shared-identifier',
  'same-name',
  'full-name',
  'manual',
  'new',
] as const satisfies readonly LinkReason[];

const IdentitySchema = v.object({
  id: text(200),
  name: text(1000),
  type: v.picklist(ENTITY_TYPES, `expected one of ${ENTITY_TYPES.join(', ')}`),
  description: v.optional(v.pipe(v.string(), v.maxLength(100_000, 'longer than 100000 characters'))),
  sameAs: v.array(text(1000)),
  createdAt: time,
  updatedAt: time,
  deletedAt: v.optional(time),
  mergedInto: v.optional(text(200)),
});

const LinkSchema = v.object({
  entityKey: text(500),
  identityId: text(200),
  manual: v.boolean(),
  rule: v.picklist(LINK_REASONS, 'expected a linking rule, "manual" or "new"'),
  createdAt: time,
  updatedAt: time,
});

const SightingSchema = v.object({
  id: text(10_200),
  identityId: text(200),
  url: text(10_000),
  title: v.pipe(v.string(), v.maxLength(10_000, 'longer than 10000 characters')),
  count: v.pipe(time, v.minValue(1, 'must be at least 1')),
  firstSeenAt: time,
  lastSeenAt: time,
});

const CorrectionSchema = v.object({
  id: text(200),
  alias: text(1000),
  wrong: v.optional(text(200)),
  right: v.nullable(text(200)),
  scope: v.picklist(['context', 'site', 'everywhere'], 'expected context, site or everywhere'),
  site: v.optional(text(1000)),
  cues: v.optional(v.pipe(v.array(text(1000)), v.maxLength(100, 'more than 100 items'))),
  createdAt: time,
  updatedAt: time,
  deletedAt: v.optional(time),
});

const ShellSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `expected "${BACKUP_FORMAT}"`),
  version: v.literal(
    BACKUP_VERSION,
    `unsupported backup version (this Gloss reads version ${BACKUP_VERSION})`,
  ),
  exportedAt: v.optional(v.string(), ''),
  packs: v.optional(v.array(v.unknown()), []),
  notes: v.optional(v.array(v.unknown()), []),
  settings: v.optional(v.unknown(), {}),
  identities: v.optional(v.array(v.unknown()), []),
  links: v.optional(v.array(v.unknown()), []),
  sightings: v.optional(v.array(v.unknown()), []),
  corrections: v.optional(v.array(v.unknown()), []),
});

const PackEntrySchema = v.object({ enabled: v.boolean(), bundled: v.boolean(), pack: v.unknown() });

export interface BackupReading {
  ok: true;
  backup: Omit<Backup, 'settings'> & { settings: Partial<Settings> };
  /** Records taken in after a fix, e.g. a page address clipped to the limit (at most MAX_REPORTED listed). */
  repaired: PackError[];
  repairedCount: number;
  /** Records (or settings) left out, with why (at most MAX_REPORTED listed). */
  skipped: PackError[];
  skippedCount: number;
}

export type BackupValidation = BackupReading | { ok: false; errors: PackError[] };

/** Most problems a report lists; a file with thousands of them is summarised, not dumped. */
export const MAX_REPORTED = 50;

const issueError = (prefix: string, issue: v.BaseIssue<unknown>): PackError => {
  const path = formatPath(issue.path?.map((item) => item.key) ?? []);
  return {
    path: !prefix ? path : path === '$' ? prefix : `${prefix}${path.startsWith('[') ? '' : '.'}${path}`,
    message: issue.input === undefined && issue.kind === 'schema' ? 'missing' : issue.message,
  };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A note with what came from a page clipped to the limits (the writer's own clipping), else as is. */
function repairNote(input: unknown): { note: unknown; clipped: string[] } {
  if (!isRecord(input)) return { note: input, clipped: [] };
  const fields = ['entityName', 'pageUrl', 'pageTitle', 'quote'] as const;
  if (!fields.every((field) => typeof input[field] === 'string')) return { note: input, clipped: [] };
  const note: Record<string, unknown> = clipNote(input as Pick<Note, (typeof fields)[number]>);
  let clipped = fields.filter((field) => note[field] !== input[field]).map(String);
  if (typeof input.text === 'string' && input.text.length > LIMITS.noteText) {
    note.text = clipText(input.text, LIMITS.noteText);
    clipped = [...clipped, 'text'];
  }
  return { note, clipped };
}

/** A pack's source titles and addresses clipped like My knowledge's writer clips them. */
function repairPack(input: unknown): { pack: unknown; clipped: string[] } {
  if (!isRecord(input) || !Array.isArray(input.sources)) return { pack: input, clipped: [] };
  const clipped: string[] = [];
  const sources = input.sources.map((source, i) => {
    if (!isRecord(source)) return source;
    const fixed = { ...source };
    if (typeof source.title === 'string' && source.title.length > LIMITS.sourceTitle) {
      fixed.title = clipText(source.title, LIMITS.sourceTitle);
      clipped.push(`sources[${i}].title`);
    }
    if (typeof source.url === 'string' && source.url.length > LIMITS.sourceUrl) {
      const url = clipUrl(source.url, LIMITS.sourceUrl);
      if (url) fixed.url = url;
      else delete fixed.url;
      clipped.push(`sources[${i}].url`);
    }
    return fixed;
  });
  return { pack: clipped.length ? { ...input, sources } : input, clipped };
}

/** Reads a backup given as JSON text; every problem names its JSON path. Never throws. */
export function validateBackup(json: string): BackupValidation {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON (${(error as Error).message})` }] };
  }
  const shell = v.safeParse(ShellSchema, data, { abortPipeEarly: true });
  if (!shell.success) {
    return { ok: false, errors: shell.issues.map((issue) => issueError('', issue)).slice(0, MAX_REPORTED) };
  }
  const repaired: PackError[] = [];
  const skipped: PackError[] = [];
  const packs = checkPacks(shell.output.packs, repaired, skipped);
  const notes = checkNotes(shell.output.notes, repaired, skipped);
  const identities = checkRecords(shell.output.identities, IdentitySchema, 'identities', skipped);
  const links = checkRecords(shell.output.links, LinkSchema, 'links', skipped);
  const sightings = checkRecords(shell.output.sightings, SightingSchema, 'sightings', skipped);
  const corrections = checkRecords(shell.output.corrections, CorrectionSchema, 'corrections', skipped);
  const settings = checkSettings(shell.output.settings);
  for (const problem of settings.problems) {
    skipped.push({
      path: problem.field ? `settings.${problem.field}` : 'settings',
      message: problem.message,
    });
  }
  return {
    ok: true,
    backup: {
      ...shell.output,
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      packs,
      notes,
      identities,
      links,
      sightings,
      corrections,
      settings: settings.settings,
    },
    repaired: summarise(repaired),
    repairedCount: repaired.length,
    skipped: summarise(skipped),
    skippedCount: skipped.length,
  };
}

type Problems = PackError[];

/** The records of one knowledge-graph section that pass their schema; each other one reported and left out. */
function checkRecords<T>(
  inputs: unknown[],
  schema: v.GenericSchema<unknown, T>,
  section: string,
  skipped: Problems,
): T[] {
  const records: T[] = [];
  inputs.forEach((input, i) => {
    const result = v.safeParse(schema, input, { abortPipeEarly: true });
    if (result.success) records.push(result.output);
    else skipped.push(issueError(`${section}[${i}]`, result.issues[0]));
  });
  return records;
}

/** The backup's packs that pass the pack format, repaired where clipping does it; the rest reported and left out. */
function checkPacks(inputs: unknown[], repaired: Problems, skipped: Problems): Backup['packs'] {
  const packs: Backup['packs'] = [];
  const packIds = new Map<string, number>();
  inputs.forEach((input, i) => {
    const entry = v.safeParse(PackEntrySchema, input, { abortPipeEarly: true });
    if (!entry.success) {
      skipped.push(issueError(`packs[${i}]`, entry.issues[0]));
      return;
    }
    const { pack, clipped } = repairPack(entry.output.pack);
    const result = validatePack(pack);
    if (!result.ok) {
      const first = result.errors[0];
      const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more problems)` : '';
      skipped.push({
        path: `packs[${i}].pack${first?.path === '$' ? '' : `.${first?.path}`}`,
        message: `${first?.message}${more}; the pack was left out`,
      });
      return;
    }
    const seen = packIds.get(result.pack.pack.id);
    if (seen !== undefined) {
      skipped.push({ path: `packs[${i}].pack.pack.id`, message: `duplicate pack id (also packs[${seen}])` });
      return;
    }
    packIds.set(result.pack.pack.id, i);
    for (const path of clipped)
      repaired.push({ path: `packs[${i}].pack.${path}`, message: 'too long; clipped' });
    packs.push({ enabled: entry.output.enabled, bundled: entry.output.bundled, pack: result.pack });
  });
  return packs;
}

/** The backup's notes that pass, repaired where clipping does it; the rest reported and left out. */
function checkNotes(inputs: unknown[], repaired: Problems, skipped: Problems): BackupNote[] {
  const notes: BackupNote[] = [];
  const noteIds = new Map<string, number>();
  inputs.forEach((input, i) => {
    const { note, clipped } = repairNote(input);
    const result = v.safeParse(NoteSchema, note, { abortPipeEarly: true });
    if (!result.success) {
      skipped.push(issueError(`notes[${i}]`, result.issues[0]));
      return;
    }
    const seen = noteIds.get(result.output.id);
    if (seen !== undefined) {
      skipped.push({ path: `notes[${i}].id`, message: `duplicate id (also notes[${seen}])` });
      return;
    }
    noteIds.set(result.output.id, i);
    for (const field of clipped)
      repaired.push({ path: `notes[${i}].${field}`, message: 'too long; clipped' });
    notes.push(result.output as BackupNote);
  });
  return notes;
}

function summarise(problems: PackError[]): PackError[] {
  if (problems.length <= MAX_REPORTED) return problems;
  return [
    ...problems.slice(0, MAX_REPORTED),
    { path: '$', message: `and ${problems.length - MAX_REPORTED} more` },
  ];
}

/** Things made this long ago and never saved to a file earn a reminder to save a backup. */
export const BACKUP_REMINDER_DAYS = 30;

/**
 * How many of the user's things are older than BACKUP_REMINDER_DAYS and were made after the last
 * backup file was saved (lastBackupAt, 0 for never): notes by their creation time, My-knowledge
 * facts by the time the My-knowledge pack was made (facts carry no date of their own).
 */
export function unsavedOldThings(
  notes: ReadonlyArray<{ createdAt: number }>,
  myKnowledge: { factCount: number; installedAt: number } | undefined,
  lastBackupAt: number,
  now: number,
): { notes: number; facts: number } {
  const before = now - BACKUP_REMINDER_DAYS * 24 * 60 * 60 * 1000;
  const old = (at: number) => at > lastBackupAt && at < before;
  return {
    notes: notes.filter((note) => old(note.createdAt)).length,
    facts:
      myKnowledge && myKnowledge.factCount > 0 && old(myKnowledge.installedAt) ? myKnowledge.factCount : 0,
  };
}
