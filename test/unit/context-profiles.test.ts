// The background's context profiles (issue 15) on fake-indexeddb: built from the bundled pack's
// identities, facts and "appears with", only for the ids asked, kept until the knowledge changes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import type { GlossDb } from '@/src/db/db';
import { admit } from '@/src/messaging/rules';
import { bundledPack, freshDb } from './helpers';

let db: GlossDb;
let handlers: Handlers;

beforeEach(async () => {
  db = freshDb();
  handlers = createHandlers(db);
  await handlers.importPack({ json: JSON.stringify(bundledPack()) });
});
afterEach(() => db.close());

const identityOf = async (id: string) =>
  (await db.links.get(`nato-ukraine-2024/${id}`))?.identityId as string;

describe('getContextProfiles', () => {
  it('profiles an identity from its description, facts and company', async () => {
    const nato = await identityOf('nato');
    const stoltenberg = await identityOf('jens-stoltenberg');
    const { profiles } = await handlers.getContextProfiles({ ids: [nato, 'i:nobody'] });
    expect(profiles).toHaveLength(1);
    const [profile] = profiles;
    expect(profile?.id).toBe(nato);
    expect(profile?.type).toBe('organization');
    expect(profile?.cues).toEqual(expect.arrayContaining(['alliance', 'military', 'stoltenberg']));
    expect(profile?.with[stoltenberg]).toBeGreaterThan(0);
    expect(profile?.withNames?.[stoltenberg]).toBe('Jens Stoltenberg');
    expect(profile?.weight).toBeGreaterThan(10);
  });

  it('keeps profiles until the knowledge changes', async () => {
    const hungary = await identityOf('hungary');
    const first = (await handlers.getContextProfiles({ ids: [hungary] })).profiles[0];
    expect(first?.cues).not.toContain('paprika');
    // Written behind the handlers' back: the kept profile is answered.
    await db.facts
      .where('entityKey')
      .equals('nato-ukraine-2024/hungary')
      .modify({ text: 'Paprika paprika.' });
    expect((await handlers.getContextProfiles({ ids: [hungary] })).profiles[0]?.cues).not.toContain(
      'paprika',
    );
    // A change through the handlers moves the knowledge revision: built again.
    await handlers.saveFact({
      entityKey: hungary,
      text: 'Hungary grows paprika.',
      quote: '',
      sourceTitle: 'Me',
    });
    expect((await handlers.getContextProfiles({ ids: [hungary] })).profiles[0]?.cues).toContain('paprika');
  });

  it('answers a web page, but not with more than 2,000 ids at once', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `i:${i}`);
    expect(admit('getContextProfiles', { ids }, 'page')).toEqual({ ids });
    expect(() => admit('getContextProfiles', { ids: [...ids, 'i:one-more'] }, 'page')).toThrow(
      /more than 2000 ids/,
    );
  });
});
