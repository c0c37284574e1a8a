// Writes docs/pack.schema.json from the validator Gloss uses, so the published schema and the
// import checks cannot drift apart (test/unit/pack-schema-doc.test.ts fails when they do).
// Usage: npm run docs:schema
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { PackSchema } from '../src/core/pack';

export const SCHEMA_PATH = resolve(import.meta.dirname ?? __dirname, '../docs/pack.schema.json');

export function buildPackJsonSchema(): object {
  // errorMode "ignore": the id-uniqueness and reference checks are not expressible here; the doc says so.
  const generated = toJsonSchema(PackSchema, { errorMode: 'ignore' });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://gloss.invalid/schemas/gloss-pack-2.json',
    title: 'Gloss knowledge pack, format version 2 (version 1 files are valid too)',
    description:
      'See docs/pack-format.md. Beyond this schema, Gloss rejects duplicate ids within sources, entities and facts, facts whose entityId or sourceId names no entity or source of the pack, labels whose key is not a BCP 47 language tag (Intl.getCanonicalLocales), and packs over the caps on names and aliases (200,000 names, 8,000,000 characters).',
    ...Object.fromEntries(Object.entries(generated).filter(([key]) => key !== '$schema')),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  writeFileSync(SCHEMA_PATH, `${JSON.stringify(buildPackJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${SCHEMA_PATH}`);
}
