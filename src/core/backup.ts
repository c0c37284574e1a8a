// The backup file: everything a user has (packs with their on/off state, notes, settings) in one
// JSON document that imports back losslessly. Validated whole before anything is written.
import * as v from 'valibot';
import type { IdentityRecord, LinkReason, LinkRecord, SightingRecord } from './graph/records';
import type { Note } from './note';
import { formatPath, type Pack, type PackError, validatePack } from './pack';
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
}

const NoteSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1, 'empty string'), v.maxLength(200, 'longer than 200 characters')),
  // "" for a page note (a note on a selection, about no entity).
  entityKey: v.pipe(v.string(), v.maxLength(500, 'longer than 500 characters')),
  entityName: v.pipe(v.string(), v.maxLength(1000, 'longer than 1000 characters')),
  text: v.pipe(
    v.string(),
    v.regex(/\S/, 'blank string'),
    v.maxLength(100_000, 'longer than 100000 characters'),
  ),
  pageUrl: v.pipe(v.string(), v.maxLength(10_000, 'longer than 10000 characters')),
  pageTitle: v.pipe(v.string(), v.maxLength(10_000, 'longer than 10000 characters')),
  quote: v.pipe(v.string(), v.maxLength(20_000, 'longer than 20000 characters')),
  selector: v.optional(
    v.object({
      exact: v.pipe(
        v.string(),
        v.regex(/\S/, 'blank string'),
        v.maxLength(20_000, 'longer than 20000 characters'),
      ),
      prefix: v.pipe(v.string(), v.maxLength(20_000, 'longer than 20000 characters')),
      suffix: v.pipe(v.string(), v.maxLength(20_000, 'longer than 20000 characters')),
    }),
  ),
  quoteMissing: v.optional(v.boolean()),
  createdAt: v.pipe(v.number(), v.integer('expected an integer'), v.minValue(0, 'must not be negative')),
  updatedAt: v.pipe(v.number(), v.integer('expected an integer'), v.minValue(0, 'must not be negative')),
});

const text = (max: number) =>
  v.pipe(v.string(), v.minLength(1, 'empty string'), v.maxLength(max, `longer than ${max} characters`));
const time = v.pipe(v.number(), v.integer('expected an integer'), v.minValue(0, 'must not be negative'));

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

const ShellSchema = v.object({
  format: v.literal(BACKUP_FORMAT, `expected "${BACKUP_FORMAT}"`),
  version: v.literal(
    BACKUP_VERSION,
    `unsupported backup version (this Gloss reads version ${BACKUP_VERSION})`,
  ),
  exportedAt: v.string(),
  packs: v.array(v.object({ enabled: v.boolean(), bundled: v.boolean(), pack: v.unknown() })),
  notes: v.array(NoteSchema),
  settings: v.record(v.string(), v.unknown()),
  identities: v.optional(v.array(IdentitySchema)),
  links: v.optional(v.array(LinkSchema)),
  sightings: v.optional(v.array(SightingSchema)),
});

export type BackupValidation = { ok: true; backup: Backup } | { ok: false; errors: PackError[] };

const MAX_REPORTED = 50;

/** Validates a backup given as JSON text; every error names its JSON path. Never throws. */
export function validateBackup(json: string): BackupValidation {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, errors: [{ path: '$', message: `not valid JSON (${(error as Error).message})` }] };
  }
  const shell = v.safeParse(ShellSchema, data, { abortPipeEarly: true });
  if (!shell.success) {
    const errors = shell.issues.map((issue) => ({
      path: formatPath(issue.path?.map((item) => item.key) ?? []),
      message: issue.input === undefined && issue.kind === 'schema' ? 'missing' : issue.message,
    }));
    return { ok: false, errors: errors.slice(0, MAX_REPORTED) };
  }
  const errors: PackError[] = [];
  const packs: Backup['packs'] = [];
  const packIds = new Map<string, number>();
  shell.output.packs.forEach((entry, i) => {
    const result = validatePack(entry.pack);
    if (!result.ok) {
      for (const error of result.errors) {
        errors.push({
          path: `packs[${i}].pack${error.path === '$' ? '' : `.${error.path}`}`,
          message: error.message,
        });
      }
      return;
    }
    const seen = packIds.get(result.pack.pack.id);
    if (seen !== undefined) {
      errors.push({ path: `packs[${i}].pack.pack.id`, message: `duplicate pack id (also packs[${seen}])` });
    }
    packIds.set(result.pack.pack.id, i);
    packs.push({ enabled: entry.enabled, bundled: entry.bundled, pack: result.pack });
  });
  const noteIds = new Map<string, number>();
  shell.output.notes.forEach((note, i) => {
    const seen = noteIds.get(note.id);
    if (seen !== undefined)
      errors.push({ path: `notes[${i}].id`, message: `duplicate id (also notes[${seen}])` });
    noteIds.set(note.id, i);
  });
  if (errors.length) return { ok: false, errors: errors.slice(0, MAX_REPORTED) };
  return { ok: true, backup: { ...shell.output, packs } as Backup };
}
