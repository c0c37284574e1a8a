// A backup is read record by record: what is too long is clipped the way the writer clips it,
// what cannot be repaired is left out, and both are reported; the rest is imported.
import { describe, expect, it } from 'vitest';
import { validateBackup } from '@/src/core/backup';
import { CLIP_MARK, clipText, clipUrl, LIMITS } from '@/src/core/limits';
import { validatePack } from '@/src/core/pack';
import { notesOnlyBackup } from '@/src/ui/manager/restore';
import { smallPack } from './helpers';

const note = (overrides: Record<string, unknown> = {}) => ({
  id: 'n1',
  entityKey: 'demo/e1',
  entityName: 'Wiesbaden',
  text: 'A note',
  pageUrl: 'https://example.org/a',
  pageTitle: 'A',
  quote: 'q',
  createdAt: 1,
  updatedAt: 1,
  ...overrides,
});
const backup = (parts: Record<string, unknown>) =>
  JSON.stringify({
    format: 'gloss-backup',
    version: 1,
    exportedAt: '',
    packs: [],
    notes: [],
    settings: {},
    ...parts,
  });

describe('clipping', () => {
  it('clips text with a marker, never splitting a surrogate pair', () => {
    expect(clipText('abcdef', 4)).toBe(`abc${CLIP_MARK}`);
    expect(clipText('abc', 4)).toBe('abc');
    expect(clipText('ab😀cd', 4)).toBe(`ab${CLIP_MARK}`);
  });

  it('clips an address to a working one: fragment, then query, then path segments', () => {
    expect(clipUrl('https://e.org/a/b?q=1#frag', 22)).toBe('https://e.org/a/b?q=1');
    expect(clipUrl('https://e.org/a/b?q=1#frag', 20)).toBe('https://e.org/a/b');
    expect(clipUrl('https://e.org/a/bbbbbbbb', 18)).toBe('https://e.org/a/');
    expect(clipUrl('not a url at all', 5)).toBeNull();
  });

  it("My knowledge's limits are the pack format's own", () => {
    const withSource = (source: Record<string, unknown>) => {
      const pack = smallPack();
      pack.sources[0] = { id: 's1', title: 'T', ...source };
      return validatePack(pack).ok;
    };
    expect(withSource({ title: 'x'.repeat(LIMITS.sourceTitle) })).toBe(true);
    expect(withSource({ title: 'x'.repeat(LIMITS.sourceTitle + 1) })).toBe(false);
    const url = (n: number) => `https://e.org/${'x'.repeat(n - 'https://e.org/'.length)}`;
    expect(withSource({ url: url(LIMITS.sourceUrl) })).toBe(true);
    expect(withSource({ url: url(LIMITS.sourceUrl + 1) })).toBe(false);
  });
});

describe('reading a backup', () => {
  it('repairs over-long notes and sources, leaves out broken records, and says which and why', () => {
    const pack = smallPack();
    pack.sources[0] = { id: 's1', title: 'S'.repeat(3000), url: `https://e.org/${'p'.repeat(3000)}` };
    const broken = smallPack({ id: 'broken' });
    broken.facts[0] = { ...broken.facts[0], entityId: 'ghost' } as (typeof broken.facts)[0];
    const result = validateBackup(
      backup({
        packs: [
          { enabled: true, bundled: false, pack },
          { enabled: true, bundled: false, pack: broken },
          { enabled: 'yes', bundled: false, pack },
        ],
        notes: [
          note({ pageUrl: `https://e.org/${'u'.repeat(12_000)}`, pageTitle: 't'.repeat(11_000) }),
          note({ id: 'n2', text: '   ' }),
          note({ id: 'n3', createdAt: 'yesterday' }),
          'not a note',
          note({ id: 'n4' }),
        ],
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.backup.packs.map((p) => p.pack.pack.id)).toEqual(['demo']);
    expect(result.backup.packs[0]?.pack.sources[0]?.url).toBe('https://e.org/');
    expect(result.backup.notes.map((n) => n.id)).toEqual(['n1', 'n4']);
    expect(result.backup.notes[0]?.pageUrl).toBe('https://e.org/');
    expect(result.backup.notes[0]?.pageTitle).toHaveLength(LIMITS.pageTitle);
    expect(result.repaired.map((e) => e.path)).toEqual([
      'packs[0].pack.sources[0].title',
      'packs[0].pack.sources[0].url',
      'notes[0].pageUrl',
      'notes[0].pageTitle',
    ]);
    expect(result.skipped.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'packs[1].pack.facts[0].entityId: no entity with id "ghost"; the pack was left out',
      'packs[2].enabled: Invalid type: Expected boolean but received "yes"',
      'notes[1].text: blank string',
      'notes[2].createdAt: Invalid type: Expected number but received "yesterday"',
      'notes[3]: Invalid type: Expected Object but received "not a note"',
    ]);
    expect(result.skippedCount).toBe(5);
  });

  it('refuses only what is not a Gloss backup', () => {
    expect(validateBackup('{').ok).toBe(false);
    expect(validateBackup(backup({ version: 2 })).ok).toBe(false);
    expect(validateBackup(backup({ notes: 'none' })).ok).toBe(false);
  });
});

describe('Undo of deleted notes', () => {
  it("brings back a page note's selector and missing-quote mark", () => {
    const selector = { exact: 'q', prefix: 'a ', suffix: ' b' };
    const [restored] = notesOnlyBackup([
      { ...note({ entityKey: '' }), selector, quoteMissing: true },
    ] as never).notes;
    expect(restored).toMatchObject({ selector, quoteMissing: true });
  });

  it('keeps every field of the note and nothing the view added', () => {
    const original = note({ entityKey: '' });
    const [restored] = notesOnlyBackup([{ ...original, orphaned: true }] as never).notes;
    expect(restored).toEqual(original);
  });
});
