import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPackJsonSchema, SCHEMA_PATH } from '@/scripts/pack-schema';

// docs/pack.schema.json is what outside tools validate against; it must say what the code checks.
describe('docs/pack.schema.json', () => {
  it('is the schema generated from the validator (run `npm run docs:schema` after changing PackSchema)', () => {
    expect(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'))).toEqual(buildPackJsonSchema());
  });
});
