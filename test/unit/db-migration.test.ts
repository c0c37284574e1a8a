// The pattern every new database version follows: open each earlier version exactly as it shipped,
// fill it with real data, close it, open the current version, and check nothing was lost.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { installPack } from '@/src/background/packs';
import { validatePack } from '@/src/core/pack';
import type { NoteRecord } from '@/src/core/records';
import { openDb } from '@/src/db/db';
import { SCHEMA_VERSIONS } from '@/src/db/schema';
import { bundledPack } from './helpers';

const latest = SCHEMA_VERSIONS.at(-1)?.version ?? 0;

describe.each(SCHEMA_VERSIONS.map((v) => v.version))('upgrading from database version %i', (from) => {
  it(`keeps every pack, entity, fact, note and setting on the way to version ${latest}`, async () => {
    const name = `gloss-migration-${from}-${Math.random()}`;
    const old = openDb(
      name,
      SCHEMA_VERSIONS.filter((v) => v.version <= from),
    );
    const parsed = validatePack(bundledPack());
    if (!parsed.ok) throw new Error('bundled pack invalid');
    await installPack(old, parsed.pack, { bundled: true });
    const notes: NoteRecord[] = Array.from({ length: 25 }, (_, i) => ({
      id: `note-${i}`,
      entityKey: i % 5 === 0 ? 'gone-pack/ghost' : 'nato-ukraine-2024/wiesbaden',
      entityName: i % 5 === 0 ? 'Ghost' : 'Wiesbaden',
      text: `Note ${i} — “quoted” ünïcödé 🚀`,
      pageUrl: `https://example.org/${i}`,
      pageTitle: `Page ${i}`,
      quote: 'The headquarters for coordinating assistance to Kyiv will be located in Wiesbaden.',
      createdAt: 1_700_000_000_000 + i,
      updatedAt: 1_700_000_000_000 + i,
    }));
    await old.notes.bulkAdd(notes);
    await old.bookkeeping.put({ key: 'hoverDelay', value: 450 });
    const before = await snapshot(old);
    old.close();

    const current = openDb(name);
    await current.open();
    expect(current.verno).toBe(latest);
    const after = await snapshot(current);
    expect(after.notes).toEqual(before.notes);
    expect(after).toEqual(before);
    current.close();
    await Dexie.delete(name);
  });
});

async function snapshot(db: ReturnType<typeof openDb>) {
  const byKey = <T extends { key?: string; id?: string }>(rows: T[]) =>
    rows.sort((a, b) => String(a.key ?? a.id).localeCompare(String(b.key ?? b.id)));
  return {
    packs: byKey(await db.packs.toArray()),
    sources: byKey(await db.sources.toArray()),
    entities: byKey(await db.entities.toArray()),
    facts: byKey(await db.facts.toArray()),
    notes: byKey(await db.notes.toArray()),
    settings: byKey(await db.bookkeeping.toArray()),
  };
}
