// What the page's scorer needs to know of an identity (src/core/context): its type, the words its
// description, facts and company speak with, what it appears with, where it was seen. Built only
// for the identities a page asks about, kept until the knowledge changes (its revision moves).
import { pageAddress } from '@/src/core/anchor';
import { profileCues } from '@/src/core/context/profile';
import type { ContextProfile } from '@/src/core/context/types';
import { entityNames } from '@/src/core/pack';
import type { GlossDb } from '@/src/db/db';
import { coOccurrences } from './history';
import { resolveIdentity } from './identity-view';
import { knowledgeRevision } from './packs';

/** Facts read per identity for its cue words: a long list says nothing more. */
const MAX_FACTS = 200;
/** Profiles kept; beyond this the oldest go. */
const MAX_KEPT = 5_000;
/** A source with more facts than this is a dataset (a cities pack): sharing it says nothing. */
const MAX_SOURCE_FACTS = 500;
/** Identities kept in "with". */
const MAX_WITH = 50;
/** "Seen on" and "appears with" change as pages are read, without a knowledge revision. */
const KEPT_MS = 10 * 60_000;

export class ContextProfiles {
  #revision = '';
  readonly #kept = new Map<string, { profile: ContextProfile | null; at: number }>();

  constructor(private readonly db: GlossDb) {}

  /** The profiles of these identities (unknown ids are left out). */
  async get(ids: readonly string[], now = Date.now()): Promise<ContextProfile[]> {
    const revision = String(await knowledgeRevision(this.db));
    if (revision !== this.#revision) {
      this.#kept.clear();
      this.#revision = revision;
    }
    const out: ContextProfile[] = [];
    for (const id of new Set(ids)) {
      let kept = this.#kept.get(id);
      if (!kept || now - kept.at > KEPT_MS) {
        kept = { profile: await buildProfile(this.db, id), at: now };
        this.#kept.delete(id);
        this.#kept.set(id, kept);
        if (this.#kept.size > MAX_KEPT) this.#kept.delete(this.#kept.keys().next().value as string);
      }
      if (kept.profile) out.push(kept.profile);
    }
    return out;
  }
}

/** One identity's profile, answering to the id asked (what the page's mentions carry). */
async function buildProfile(db: GlossDb, id: string): Promise<ContextProfile | null> {
  return db.transaction(
    'r',
    [db.identities, db.links, db.entities, db.facts, db.sightings, db.sources],
    async () => {
      const resolved = await resolveIdentity(db, id);
      if (!resolved || resolved.record?.deletedAt) return null;
      const members = (await db.entities.bulkGet(resolved.memberKeys)).filter((e) => e !== undefined);
      const first = members[0];
      if (!first && !resolved.record) return null;
      const facts = await db.facts
        .where('entityKey')
        .anyOf(members.map((m) => m.key))
        .limit(MAX_FACTS)
        .toArray();
      const sightings = await db.sightings.where('identityId').equals(resolved.id).toArray();
      const together = await seenWith(db, resolved.id, sightings, facts);
      const sites = new Set<string>();
      for (const s of sightings) {
        try {
          sites.add(new URL(pageAddress(s.url)).hostname);
        } catch {
          // An address that no longer parses says nothing of a site.
        }
      }
      const name = resolved.record?.name ?? first?.name ?? id;
      const description = resolved.record?.description ?? members.find((m) => m.description)?.description;
      const cues = profileCues({
        name,
        aliases: members.flatMap((m) => entityNames(m)),
        description: [description, ...members.map((m) => m.description)].filter(Boolean).join(' '),
        facts: facts.map((f) => f.text),
        withNames: together.map((t) => t.name),
      });
      return {
        id,
        name,
        type: resolved.record?.type ?? first?.type ?? 'other',
        cues,
        with: Object.fromEntries(together.map((t) => [t.key, t.count])),
        withNames: Object.fromEntries(together.map((t) => [t.key, t.name])),
        sites: [...sites],
        weight: facts.length + new Set(facts.map((f) => f.sourceKey)).size,
      };
    },
  );
}

/**
 * "Appears with" as history.ts counts it (one point per shared page, one per shared source), kept
 * cheap for a profile: sources as large as a dataset are left out, and only the top MAX_WITH kept.
 */
async function seenWith(
  db: GlossDb,
  identityId: string,
  sightings: ReadonlyArray<{ url: string }>,
  facts: ReadonlyArray<{ sourceKey: string }>,
): Promise<Array<{ key: string; name: string; count: number }>> {
  const sources = facts.map((f) => f.sourceKey);
  const counts = await coOccurrences(db, identityId, sightings, sources, MAX_SOURCE_FACTS);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, MAX_WITH);
  const records = await db.identities.bulkGet(top.map(([id]) => id));
  return records.flatMap((r, i) =>
    r && !r.deletedAt ? [{ key: r.id, name: r.name, count: (top[i] as [string, number])[1] }] : [],
  );
}
