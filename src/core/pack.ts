// Knowledge pack format, version 2: the public JSON format users import and export. Version 1
// files still import with the same meaning (v2 only adds the optional `sameAs` and `labels`).
// Documented in docs/pack-format.md; docs/pack.schema.json is generated from PackSchema
// (test/unit/pack-schema-doc.test.ts keeps the two in step).
import * as v from 'valibot';
import { matchNames, type NamedEntity } from './lang/names';
import { ENTITY_TYPES, type EntityType } from './vocabulary';

export { ENTITY_TYPES, type EntityType };

export const PACK_FORMAT = 'gloss-pack';
/** The version export writes. */
export const PACK_FORMAT_VERSION = 2;
/** Every version import reads. */
export const PACK_FORMAT_VERSIONS = [1, 2] as const;
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

/** Most aliases one entity may carry, counting its labels in every language. */
export const MAX_ENTITY_ALIASES = 500;

// An identifier in another catalogue, "scheme:value": `wikidata:Q159`, `iso3166:RU`, `geonames:2950159`.
// Two entities sharing one are the same thing (src/core/graph/link.ts), so the form is strict.
const identifier = v.pipe(
  v.string(),
  v.maxLength(300, 'longer than 300 characters'),
  v.regex(/^[a-z][a-z0-9.+-]{0,31}:\S+$/, 'not an identifier like "wikidata:Q159" (scheme:value)'),
);

// A BCP 47 language tag as Intl understands it; `Intl.getCanonicalLocales` throws on a bad one.
const languageTag = v.pipe(
  v.string(),
  v.check((tag) => {
    try {
      return Intl.getCanonicalLocales(tag).length === 1;
    } catch {
      return false;
    }
  }, 'not a BCP 47 language tag like "en" or "pt-BR"'),
);

export const EntitySchema = v.object({
  id,
  name: text(300),
  type: v.picklist(ENTITY_TYPES, `expected one of ${ENTITY_TYPES.join(', ')}`),
  aliases: v.pipe(v.array(text(300)), v.maxLength(MAX_ENTITY_ALIASES, 'more than 500 aliases')),
  /** Names in other languages, by language tag (format v2). Counted with aliases in the caps below. */
  labels: v.optional(
    v.pipe(
      v.record(
        languageTag,
        v.pipe(v.array(text(300)), v.maxLength(MAX_ENTITY_ALIASES, 'more than 500 labels')),
      ),
      v.check((labels) => Object.keys(labels).length <= 200, 'more than 200 languages'),
    ),
  ),
  /** Identifiers of the same thing elsewhere (format v2): a shared one links entities across packs. */
  sameAs: v.optional(v.pipe(v.array(identifier), v.maxLength(100, 'more than 100 identifiers'))),
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
  version: v.picklist(
    PACK_FORMAT_VERSIONS,
    `unsupported format version (this Gloss reads versions ${PACK_FORMAT_VERSIONS.join(' and ')})`,
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
  const tooBig = packLimitError(result.output.entities);
  if (tooBig) errors.push({ path: 'entities', message: tooBig });
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

/**
 * Every form of an entity's name that is matched on pages: the name first, then its aliases, its
 * labels in every language and their Cyrillic ↔ Latin transliterations (src/core/lang/names.ts).
 */
export function entityNames(entity: NamedEntity): string[] {
  return matchNames(entity);
}

// Caps on what the matcher is built from. The background compiles every name of every enabled
// pack into one automaton; a pack declaring a million entities with 500 aliases each would make
// it run out of memory. The figures leave room for the largest pack Gloss is tested with:
// `npm run pack:cities` (135,180 names, 1.33 M characters, the whole of GeoNames' cities over
// 1,000 people) imports beside the bundled pack with a third of the room to spare, while the
// matcher stays small: 100,000 names build in 0.75 s and 25 MB (docs/benchmarks.md, bench:match),
// so 200,000 stay near 1.5 s and 50 MB. Characters are capped too, as names can be long.
export const KNOWLEDGE_LIMITS = {
  /** Names, aliases and labels of all enabled packs together. */
  aliases: 200_000,
  /** Their characters together. */
  aliasCharacters: 8_000_000,
} as const;

/** What a set of entities adds to the matcher: each distinct name, alias and label. */
export interface AliasLoad {
  aliases: number;
  aliasCharacters: number;
}

export function aliasLoad(entities: Iterable<Pick<PackEntity, 'name' | 'aliases' | 'labels'>>): AliasLoad {
  let aliases = 0;
  let aliasCharacters = 0;
  for (const entity of entities) {
    const names = new Set(entityNames(entity));
    for (const list of Object.values(entity.labels ?? {})) for (const label of list) names.add(label);
    aliases += names.size;
    for (const name of names) aliasCharacters += name.length;
  }
  return { aliases, aliasCharacters };
}

/** Adds `load` into `into` (a running total of several packs or pages). */
export function addLoad(into: AliasLoad, load: AliasLoad): void {
  into.aliases += load.aliases;
  into.aliasCharacters += load.aliasCharacters;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Why one pack is too large for any knowledge base, or undefined when it fits. */
export function packLimitError(entities: Iterable<Pick<PackEntity, 'name' | 'aliases' | 'labels'>>) {
  const load = aliasLoad(entities);
  if (load.aliases > KNOWLEDGE_LIMITS.aliases)
    return `the pack has ${count(load.aliases)} names and aliases; Gloss holds at most ${count(KNOWLEDGE_LIMITS.aliases)} across all packs. Split the pack into smaller ones.`;
  if (load.aliasCharacters > KNOWLEDGE_LIMITS.aliasCharacters)
    return `the pack's names and aliases have ${count(load.aliasCharacters)} characters; Gloss holds at most ${count(KNOWLEDGE_LIMITS.aliasCharacters)} across all packs. Split the pack into smaller ones.`;
  return undefined;
}

/**
 * Why a pack cannot be switched on beside the enabled packs (`others`: their load, without this
 * pack's older copy), or undefined when it fits.
 */
export function knowledgeLimitError(title: string, pack: AliasLoad, others: AliasLoad): string | undefined {
  const name = JSON.stringify(title);
  const total = pack.aliases + others.aliases;
  if (total > KNOWLEDGE_LIMITS.aliases)
    return `${name} has ${count(pack.aliases)} names and aliases; with the ${count(others.aliases)} of your other enabled packs that is ${count(total)}, and Gloss holds at most ${count(KNOWLEDGE_LIMITS.aliases)} across all packs. Disable or remove a pack, or split this one.`;
  const chars = pack.aliasCharacters + others.aliasCharacters;
  if (chars > KNOWLEDGE_LIMITS.aliasCharacters)
    return `${name} has ${count(pack.aliasCharacters)} characters of names and aliases; with your other enabled packs that is ${count(chars)}, and Gloss holds at most ${count(KNOWLEDGE_LIMITS.aliasCharacters)} across all packs. Disable or remove a pack, or split this one.`;
  return undefined;
}
