// Knowledge pack format, version 1: the public JSON format users import and export.
// Documented in docs/pack-format.md; docs/pack.schema.json is generated from PackSchema
// (test/unit/pack-schema-doc.test.ts keeps the two in step).
import * as v from 'valibot';
import { ENTITY_TYPES, type EntityType } from './vocabulary';

export { ENTITY_TYPES, type EntityType };

export const PACK_FORMAT = 'gloss-pack';
export const PACK_FORMAT_VERSION = 1;
/** Larger files are refused before parsing, so a runaway file cannot exhaust memory. */
export const MAX_PACK_BYTES = 200 * 1024 * 1024;

const text = (max: number) =>
  v.pipe(
    v.string(),
    v.minLength(1, 'empty string'),
    v.regex(/\S/, 'blank string'),
    v.maxLength(max, `longer than ${max} characters`),
  );
const optionalText = (max: number) =>
  v.optional(v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`)));
// Ids name records inside a pack; "/" is reserved because stored keys are "packId/id".
const id = v.pipe(
  v.string(),
  v.minLength(1, 'empty string'),
  v.maxLength(200, 'longer than 200 characters'),
  v.regex(/^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u, 'ids use letters, digits and . _ : - (no spaces or "/")'),
);
const isoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/, 'not an ISO 8601 date'),
);
// Only web links: a pack must not be able to plant javascript: or data: URLs in the UI.
const webUrl = v.pipe(
  v.string(),
  v.maxLength(2048, 'longer than 2048 characters'),
  v.regex(/^https?:\/\/\S+$/i, 'not an http(s) URL'),
);

export const SourceSchema = v.object({
  id,
  title: text(1000),
  url: v.optional(webUrl),
  publisher: optionalText(500),
  publishedAt: v.optional(isoDate),
});

export const EntitySchema = v.object({
  id,
  name: text(300),
  type: v.picklist(ENTITY_TYPES, `expected one of ${ENTITY_TYPES.join(', ')}`),
  aliases: v.pipe(v.array(text(300)), v.maxLength(500, 'more than 500 aliases')),
  description: optionalText(5000),
  caseSensitive: v.optional(v.boolean()),
});

export const FactSchema = v.object({
  id,
  entityId: id,
  sourceId: id,
  text: text(5000),
  quote: text(20000),
});

export const PackSchema = v.object({
  format: v.literal(PACK_FORMAT, `expected "${PACK_FORMAT}"`),
  version: v.literal(
    PACK_FORMAT_VERSION,
    `unsupported format version (this Gloss reads version ${PACK_FORMAT_VERSION})`,
  ),
  pack: v.object({
    id,
    /** The pack's own revision: a bundled pack is upgraded in place when this grows. */
    version: v.optional(
      v.pipe(v.number(), v.integer('expected an integer'), v.minValue(1, 'must be at least 1')),
    ),
    title: text(300),
    description: v.pipe(v.string(), v.maxLength(5000, 'longer than 5000 characters')),
    language: v.pipe(
      v.string(),
      v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'not a language tag like "en" or "pt-BR"'),
    ),
    createdAt: isoDate,
  }),
  sources: v.pipe(v.array(SourceSchema), v.maxLength(1_000_000, 'more than 1,000,000 sources')),
  entities: v.pipe(v.array(EntitySchema), v.maxLength(1_000_000, 'more than 1,000,000 entities')),
  facts: v.pipe(v.array(FactSchema), v.maxLength(5_000_000, 'more than 5,000,000 facts')),
});

export type Pack = v.InferOutput<typeof PackSchema>;
export type PackSource = v.InferOutput<typeof SourceSchema>;
export type PackEntity = v.InferOutput<typeof EntitySchema>;
export type PackFact = v.InferOutput<typeof FactSchema>;

/** One problem with a pack, with the JSON path it is at, e.g. `entities[3].aliases[0]: empty string`. */
export interface PackError {
  path: string;
  message: string;
}

export type PackValidation = { ok: true; pack: Pack } | { ok: false; errors: PackError[] };

/** Most errors a report lists; a file with thousands of problems is summarised, not dumped. */
const MAX_REPORTED = 50;

export function formatPackError(error: PackError): string {
  return `${error.path}: ${error.message}`;
}

/** Validates a pack given as JSON text or as already-parsed data. Never throws. */
export function validatePack(input: unknown): PackValidation {
  let data = input;
  if (typeof input === 'string') {
    if (input.length > MAX_PACK_BYTES) {
      return fail([{ path: '$', message: `file is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB` }]);
    }
    try {
      data = JSON.parse(input);
    } catch (error) {
      return fail([{ path: '$', message: `not valid JSON (${(error as Error).message})` }]);
    }
  }
  const result = v.safeParse(PackSchema, data, { abortPipeEarly: true });
  if (!result.success) {
    return fail(result.issues.map(toPackError));
  }
  const errors = checkReferences(result.output);
  return errors.length ? fail(errors) : { ok: true, pack: result.output };
}

function fail(errors: PackError[]): PackValidation {
  const shown = errors.slice(0, MAX_REPORTED);
  if (errors.length > MAX_REPORTED) {
    shown.push({ path: '$', message: `and ${errors.length - MAX_REPORTED} more errors` });
  }
  return { ok: false, errors: shown };
}

function toPackError(issue: v.BaseIssue<unknown>): PackError {
  const path = formatPath(issue.path?.map((item) => item.key) ?? []);
  if (issue.kind === 'schema' && issue.input === undefined) return { path, message: 'missing' };
  if (
    issue.type === 'object' ||
    issue.type === 'array' ||
    ['string', 'number', 'boolean'].includes(issue.type)
  ) {
    return { path, message: `expected ${issue.expected}, got ${describe(issue.input)}` };
  }
  return { path, message: issue.message };
}

export function formatPath(keys: ReadonlyArray<unknown>): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '$';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') return value.length > 40 ? 'a string' : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${value}`;
  return typeof value;
}

/** Duplicate ids and dangling references: what a schema alone cannot see. */
function checkReferences(pack: Pack): PackError[] {
  const errors: PackError[] = [];
  const sourceIds = uniqueIds(pack.sources, 'sources', errors);
  const entityIds = uniqueIds(pack.entities, 'entities', errors);
  uniqueIds(pack.facts, 'facts', errors);
  pack.facts.forEach((fact, i) => {
    if (!entityIds.has(fact.entityId)) {
      errors.push({
        path: `facts[${i}].entityId`,
        message: `no entity with id ${JSON.stringify(fact.entityId)}`,
      });
    }
    if (!sourceIds.has(fact.sourceId)) {
      errors.push({
        path: `facts[${i}].sourceId`,
        message: `no source with id ${JSON.stringify(fact.sourceId)}`,
      });
    }
  });
  return errors;
}

function uniqueIds(items: ReadonlyArray<{ id: string }>, name: string, errors: PackError[]): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else
      errors.push({
        path: `${name}[${i}].id`,
        message: `duplicate id ${JSON.stringify(item.id)} (also ${name}[${seen}])`,
      });
  });
  return new Set(first.keys());
}

/** Every form of an entity's name that is matched on pages: the name first, then its aliases. */
export function entityNames(entity: Pick<PackEntity, 'name' | 'aliases'>): string[] {
  return [...new Set([entity.name, ...entity.aliases])];
}
