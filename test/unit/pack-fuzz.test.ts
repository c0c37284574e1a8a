// At least 1,000 malformed variants of the bundled pack, and of a full backup: a pack is either
// valid and imported, or rejected with messages that name a JSON path — and after a rejection the
// database is exactly as it was; a backup is imported with every bad record left out or repaired
// and reported by its JSON path, or (not a backup at all) refused with nothing changed.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import { installBundledPacks } from '@/src/background/index';
import type { GlossDb } from '@/src/db/db';
import { bundledPack, freshDb } from './helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Paths to every value in a JSON tree. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => paths(v, [...prefix, i])));
  if (value && typeof value === 'object') {
    return here.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k])));
  }
  return here;
}

const replacements = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.constant(''),
  fc.constant('   '),
  fc.string(),
  fc.constant('x'.repeat(300_000)),
  fc.constant('ghost'),
  fc.constant('javascript:alert(1)'),
  fc.constant('<img src=x onerror=alert(1)>'),
  fc.constant([]),
  fc.constant({}),
  fc.constant(2),
  fc.constant('gloss-pack'),
);

type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: replacements }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

/** Applies mutations to a copy of `base`; returns JSON text (maybe no longer valid JSON). */
function mutate(base: Json, mutations: Mutation[]): string {
  const copy = structuredClone(base) as Json;
  let truncateAt: number | null = null;
  for (const m of mutations) {
    const all = paths(copy).filter((p) => p.length > 0);
    const path = all[m.at % all.length] as Array<string | number>;
    const parent = path
      .slice(0, -1)
      .reduce<Json>((node, key) => (node as Record<string, Json>)[key] as Json, copy) as
      | Json[]
      | Record<string, Json>;
    const key = path.at(-1) as string | number;
    if (m.kind === 'set') (parent as Record<string, unknown>)[key] = m.value;
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.kind === 'duplicate' && Array.isArray(parent))
      parent.push(structuredClone(parent[Number(key)] as Json));
    else if (m.kind === 'truncate') truncateAt = m.at;
  }
  const text = JSON.stringify(copy);
  return truncateAt === null ? text : text.slice(0, truncateAt % text.length);
}

const PATH = /^(\$|[A-Za-z_$][\w$]*|\[\d+\])(\.[A-Za-z_$][\w$]*|\[\d+\]|\["[^"]*"\])*$/;

let db: GlossDb;
let handlers: Handlers;

async function dump() {
  return Promise.all([
    db.packs.toArray(),
    db.sources.toArray(),
    db.entities.toArray(),
    db.facts.toArray(),
    db.notes.toArray(),
    db.bookkeeping.toArray(),
  ]);
}

beforeAll(async () => {
  db = freshDb();
  handlers = createHandlers(db);
  await installBundledPacks(db);
  await handlers.createNote({
    entityKey: 'nato-ukraine-2024/kyiv',
    text: 'keep me',
    pageUrl: '',
    pageTitle: '',
    quote: '',
  });
});
afterAll(() => db.close());

describe('fuzzed pack imports', () => {
  it('1,200 variants: imported when valid, else rejected with JSON paths and nothing changed', async () => {
    const base = bundledPack() as unknown as Json;
    const seen = { valid: 0, rejected: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const json = mutate(base, mutations);
        const before = await dump();
        const result = await handlers.importPack({ json });
        if (result.ok) {
          seen.valid++;
          // A valid variant is imported as it is: exporting gives the same pack back.
          const exported = JSON.parse(await handlers.exportPack({ id: result.packId }));
          expect(exported.entities.length).toBe(result.entities);
          // Put the original back for the next case.
          await handlers.importPack({ json: JSON.stringify(base) });
          return;
        }
        seen.rejected++;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const error of result.errors) {
          expect(error.path).toMatch(PATH);
          expect(error.message.length).toBeGreaterThan(0);
        }
        expect(await dump()).toEqual(before);
      }),
      { numRuns: 1200, seed: 20240614 },
    );
    expect(seen.rejected).toBeGreaterThan(900);
  }, 120_000);
});

describe('fuzzed backup imports', () => {
  it('300 variants of a full backup: imported with every bad record reported by JSON path, or refused whole (not a backup) and nothing changed', async () => {
    const base = JSON.parse(await handlers.exportAll(undefined)) as Json;
    let noticed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const json = mutate(base, mutations);
        const before = await dump();
        const result = await handlers.importAll({ json });
        if (result.ok) {
          // A broken record is left out or repaired, never the reason the rest is refused.
          for (const error of [...result.skipped, ...result.repaired]) expect(error.path).toMatch(PATH);
          if (result.skippedCount + result.repairedCount > 0) noticed++;
          await handlers.importAll({ json: JSON.stringify(base) });
          return;
        }
        noticed++;
        for (const error of result.errors) expect(error.path).toMatch(PATH);
        expect(await dump()).toEqual(before);
      }),
      { numRuns: 300, seed: 42 },
    );
    expect(noticed).toBeGreaterThan(150);
    expect((await handlers.listNotes({})).map((n) => n.text)).toContain('keep me');
  }, 120_000);
});
