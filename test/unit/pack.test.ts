import { describe, expect, it } from 'vitest';
import { formatPackError, type PackValidation, validatePack } from '@/src/core/pack';
import { smallPack } from './helpers';

function errorsOf(result: PackValidation): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatPackError);
}

describe('validatePack', () => {
  it('accepts a valid pack given as text or as data', () => {
    expect(validatePack(smallPack()).ok).toBe(true);
    expect(validatePack(JSON.stringify(smallPack())).ok).toBe(true);
  });

  it('names the JSON path of an empty alias', () => {
    const pack = smallPack();
    pack.entities[1]?.aliases.push('');
    expect(errorsOf(validatePack(pack))).toEqual(['entities[1].aliases[1]: empty string']);
  });

  it('reports wrong types and missing fields with their paths', () => {
    const pack = smallPack() as unknown as {
      entities: Array<Record<string, unknown>>;
      facts: Array<Record<string, unknown>>;
    };
    pack.entities[0] = { ...pack.entities[0], name: 42 };
    delete pack.facts[1]?.quote;
    expect(errorsOf(validatePack(pack))).toEqual([
      'entities[0].name: expected string, got number 42',
      'facts[1].quote: missing',
    ]);
  });

  it('rejects an unknown entity type and a non-web URL', () => {
    const pack = smallPack() as unknown as {
      entities: Array<Record<string, unknown>>;
      sources: Array<Record<string, unknown>>;
    };
    pack.entities[0] = { ...pack.entities[0], type: 'city' };
    pack.sources[0] = { ...pack.sources[0], url: 'javascript:alert(1)' };
    const errors = errorsOf(validatePack(pack));
    expect(errors).toContain('sources[0].url: not an http(s) URL');
    expect(errors).toContain('entities[0].type: expected one of person, place, organization, event, other');
  });

  it('rejects invalid JSON, a wrong format and a newer format version', () => {
    expect(errorsOf(validatePack('{"format": "gloss-pack",'))[0]).toMatch(/^\$: not valid JSON/);
    expect(errorsOf(validatePack({ ...smallPack(), format: 'other' }))).toEqual([
      'format: expected "gloss-pack"',
    ]);
    expect(errorsOf(validatePack({ ...smallPack(), version: 3 }))[0]).toMatch(
      /^version: unsupported format version/,
    );
    expect(errorsOf(validatePack(null))).toEqual(['$: expected Object, got null']);
  });

  it('rejects duplicate ids and dangling references', () => {
    const pack = smallPack();
    pack.entities.push({ id: 'e1', name: 'Other', type: 'other', aliases: [] });
    pack.facts.push({ id: 'f3', entityId: 'ghost', sourceId: 'nowhere', text: 'x', quote: 'y' });
    expect(errorsOf(validatePack(pack))).toEqual([
      'entities[2].id: duplicate id "e1" (also entities[0])',
      'facts[2].entityId: no entity with id "ghost"',
      'facts[2].sourceId: no source with id "nowhere"',
    ]);
  });

  it('rejects ids that would break stored keys', () => {
    const pack = smallPack();
    if (pack.entities[0]) pack.entities[0].id = 'a/b';
    expect(errorsOf(validatePack(pack))[0]).toMatch(/^entities\[0\]\.id: ids use letters/);
  });

  it('caps the number of reported errors', () => {
    const pack = smallPack();
    pack.entities[0]!.aliases = Array.from({ length: 120 }, () => '');
    const errors = errorsOf(validatePack(pack));
    expect(errors).toHaveLength(51);
    expect(errors.at(-1)).toBe('$: and 70 more errors');
  });
});
