// "Seen on": the pages where Gloss marked an identity, kept on this device only (never sent
// anywhere), on unless the user switches it off, capped per identity. Pages report what they
// marked (reportPage); a visit counts once per identity however often the page reports.
import { pageAddress } from '@/src/core/anchor';
import { isIdentityKey, type SightingRecord, sightingId } from '@/src/core/graph/records';
import type { EntityType } from '@/src/core/vocabulary';
import type { GlossDb } from '@/src/db/db';
import type { PageReport } from '@/src/messaging/protocol';

/** Pages kept per identity; the oldest go first. */
export const MAX_SIGHTINGS = 200;
const MAX_TITLE = 1_000;

/** Reports from one tab and address this far apart are two visits (the page was left open, or reloaded). */
const VISIT_GAP_MS = 30 * 60_000;

/** A tab's current visit: its address, the identities counted for it already, its last report. */
interface Visit {
  url: string;
  counted: Set<string>;
  at: number;
}

export class History {
  /** By tab. Lost when the background sleeps: the next report then counts as a new visit. */
  private readonly visits = new Map<number, Visit>();

  /** Records what a page marked, when it says where it is. Unknown keys are ignored. */
  async record(db: GlossDb, report: PageReport, tabId: number | undefined, now = Date.now()): Promise<void> {
    if (!report.url || !report.counts?.length || !/^https?:/i.test(report.url)) return;
    const url = pageAddress(report.url);
    const title = (report.title ?? '').slice(0, MAX_TITLE);
    let visit = tabId === undefined ? undefined : this.visits.get(tabId);
    if (!visit || visit.url !== url || now - visit.at > VISIT_GAP_MS) {
      visit = { url, counted: new Set(), at: now };
      if (tabId !== undefined) this.visits.set(tabId, visit);
    }
    visit.at = now;
    const current = visit;
    await db.transaction('rw', [db.sightings, db.identities, db.links], async () => {
      const ids = await identityIds(db, report.counts?.filter((c) => c.count > 0).map((c) => c.key) ?? []);
      const fresh = ids.filter((id) => !current.counted.has(id));
      if (!fresh.length) return;
      const found = await db.sightings.bulkGet(fresh.map((id) => sightingId(id, url)));
      const writes: SightingRecord[] = fresh.map((identityId, i) => {
        const seen = found[i];
        return seen
          ? { ...seen, title: title || seen.title, count: seen.count + 1, lastSeenAt: now }
          : {
              id: sightingId(identityId, url),
              identityId,
              url,
              title,
              count: 1,
              firstSeenAt: now,
              lastSeenAt: now,
            };
      });
      await db.sightings.bulkPut(writes);
      for (const id of fresh) current.counted.add(id);
      await capSightings(db, fresh);
    });
  }
}

/** The live identities among reported keys (identity ids; entity keys through their links). */
async function identityIds(db: GlossDb, keys: string[]): Promise<string[]> {
  const unique = [...new Set(keys)];
  const linked = await db.links.bulkGet(unique.filter((k) => !isIdentityKey(k)));
  const ids = [...new Set([...unique.filter(isIdentityKey), ...linked.flatMap((l) => l?.identityId ?? [])])];
  const records = await db.identities.bulkGet(ids);
  return records.filter((r): r is NonNullable<typeof r> => r !== undefined && !r.deletedAt).map((r) => r.id);
}

/** Keeps the newest MAX_SIGHTINGS pages of each identity. */
export async function capSightings(db: GlossDb, identityIds: Iterable<string>): Promise<void> {
  for (const id of new Set(identityIds)) {
    const count = await db.sightings.where('identityId').equals(id).count();
    if (count <= MAX_SIGHTINGS) continue;
    const all = await db.sightings.where('identityId').equals(id).sortBy('lastSeenAt');
    await db.sightings.bulkDelete(all.slice(0, count - MAX_SIGHTINGS).map((s) => s.id));
  }
}

export async function clearHistory(db: GlossDb): Promise<void> {
  await db.sightings.clear();
}

/** At most this many identities in "appears with". */
const MAX_APPEARS_WITH = 12;

/**
 * The identities most often met with this one: on the same pages (its "seen on") and in the same
 * sources (articles its facts come from), one point per shared page or source.
 */
export async function appearsWith(
  db: GlossDb,
  identityId: string,
  memberKeys: readonly string[],
): Promise<Array<{ key: string; name: string; type: EntityType; count: number }>> {
  const pages = await db.sightings.where('identityId').equals(identityId).toArray();
  const sourceKeys = (
    await db.facts
      .where('entityKey')
      .anyOf([...memberKeys])
      .toArray()
  ).map((f) => f.sourceKey);
  const counts = await coOccurrences(db, identityId, pages, sourceKeys);
  const records = await db.identities.bulkGet([...counts.keys()]);
  return records
    .filter((r): r is NonNullable<typeof r> => r !== undefined && !r.deletedAt)
    .map((r) => ({ key: r.id, name: r.name, type: r.type, count: counts.get(r.id) ?? 0 }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, MAX_APPEARS_WITH);
}

/**
 * How often each other identity is met with this one: one point per page both were seen on (`pages`:
 * this one's sightings) and one per source both have facts from. A source with more than
 * `maxSourceFacts` facts (a dataset) is left out.
 */
export async function coOccurrences(
  db: GlossDb,
  identityId: string,
  pages: ReadonlyArray<{ url: string }>,
  sourceKeys: Iterable<string>,
  maxSourceFacts = Number.POSITIVE_INFINITY,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const bump = (id: string) => {
    if (id !== identityId) counts.set(id, (counts.get(id) ?? 0) + 1);
  };
  for (const page of pages)
    for (const other of await db.sightings.where('url').equals(page.url).toArray()) bump(other.identityId);
  for (const sourceKey of new Set(sourceKeys)) {
    const shared = db.facts.where('sourceKey').equals(sourceKey);
    const facts = await (Number.isFinite(maxSourceFacts)
      ? shared.limit(maxSourceFacts + 1)
      : shared
    ).toArray();
    if (facts.length > maxSourceFacts) continue;
    const links = await db.links.bulkGet([...new Set(facts.map((f) => f.entityKey))]);
    for (const id of new Set(links.flatMap((l) => l?.identityId ?? []))) bump(id);
  }
  return counts;
}
