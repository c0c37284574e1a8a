// Pack format v2 (issue 13): `sameAs` identifiers and `labels` by language; v1 files still import.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Handlers } from '@/src/background/handlers';
import { formatPackError, type Pack, type PackValidation, validatePack } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import { freshHandlers } from './handler-fixtures';
import { smallPack } from './helpers';

function errorsOf(result: PackValidation): string[] {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors.map(formatPackError);
}

function v2Pack(): Pack {
  const pack = smallPack();
  pack.version = 2;
  pack.entities.push({
    id: 'ru',
    name: 'Russia',
    type: 'place',
    aliases: ['Russian Federation'],
    labels: { de: ['Russland'], 'pt-BR': ['Rússia'], ru: ['Россия'] },
    sameAs: ['wikidata:Q159', 'iso3166:RU'],
  });
  return pack;
}

describe('pack format v2', () => {
  it('accepts sameAs and labels, and still accepts v1 files', () => {
    expect(validatePack(v2Pack())).toMatchObject({ ok: true });
    expect(validatePack(smallPack())).toMatchObject({ ok: true, pack: { version: 1 } });
  });

  it('refuses identifiers that are not scheme:value, with their paths', () => {
    const pack = v2Pack();
    pack.entities[2]!.sameAs = ['wikidata:Q159', 'Q159', 'Wikidata: Q1', ''];
    expect(errorsOf(validatePack(pack))).toEqual([
      'entities[2].sameAs[1]: not an identifier like "wikidata:Q159" (scheme:value)',
      'entities[2].sameAs[2]: not an identifier like "wikidata:Q159" (scheme:value)',
      'entities[2].sameAs[3]: not an identifier like "wikidata:Q159" (scheme:value)',
    ]);
  });

  it('refuses labels under a key that is not a language tag, and empty labels', () => {
    const pack = v2Pack();
    pack.entities[2]!.labels = { 'not a tag': ['x'], de: [' '] };
    const errors = errorsOf(validatePack(pack));
    expect(errors).toContain(
      'entities[2].labels["not a tag"]: not a BCP 47 language tag like "en" or "pt-BR"',
    );
    expect(errors).toContain('entities[2].labels.de[0]: blank string');
  });
});

describe('import and export of v2', () => {
  let db: GlossDb;
  let handlers: Handlers;
  beforeEach(() => {
    ({ db, handlers } = freshHandlers());
  });
  afterEach(() => db.close());

  it('keeps sameAs and labels through import and export, and exports v1 packs as v2', async () => {
    expect(await handlers.importPack({ json: JSON.stringify(v2Pack()) })).toMatchObject({ ok: true });
    expect(JSON.parse(await handlers.exportPack({ id: 'demo' }))).toEqual(v2Pack());
    await handlers.importPack({ json: JSON.stringify({ ...smallPack({ id: 'old' }) }) });
    const exported = JSON.parse(await handlers.exportPack({ id: 'old' }));
    expect(exported.version).toBe(2);
    expect(validatePack(exported)).toMatchObject({ ok: true });
  });
});
