// An identity as the card and the manager's entity page show it: its members' facts from every
// source, deduplicated, its notes, where it was seen and what it appears with.

import { type MergedFact, mergeFacts, represent } from '@/src/core/graph/members';
import type { IdentityRecord } from '@/src/core/graph/records';
import { isIdentityKey } from '@/src/core/graph/records';
import { entityNames } from '@/src/core/pack';
import type { EntityRecord, FactRecord, SourceRecord } from '@/src/core/records';
import type { GlossDb } from '@/src/db/db';
import { measure } from '@/src/db/graph';
import type { EntityPageView, EntityView } from '@/src/messaging/protocol';
import { appearsWith } from './history';

/** Merged-away identities form a chain at most this long (each manual link adds one). */
const MAX_HOPS = 50;

/** An identity and every entity key ever linked to it (members of removed packs included). */
export interface Resolved {
  id: string;
  record?: IdentityRecord;
  memberKeys: string[];
  /** Identities merged into this one (their notes are its notes). */
  mergedFrom: string[];
}

/**
 * The identity a key names: an identity id (following `mergedInto`), or a pack entity key through
 * its link. An entity without a link (only before its pack is linked) stands for itself.
 */
export async function resolveIdentity(db: GlossDb, key: string): Promise<Resolved | null> {
  let id = key;
  if (!isIdentityKey(key)) {
    const link = await db.links.get(key);
    if (!link) return (await db.entities.get(key)) ? { id: key, memberKeys: [key], mergedFrom: [] } : null;
    id = link.identityId;
  }
  let record = await db.identities.get(id);
  for (let hop = 0; record?.mergedInto && hop < MAX_HOPS; hop++) {
    record = await db.identities.get(record.mergedInto);
  }
  if (!record) return null;
  const memberKeys = (await db.links.where('identityId').equals(record.id).primaryKeys()) as string[];
  return { id: record.id, record, memberKeys, mergedFrom: await mergedFrom(db, record.id) };
}

/** Every identity whose `mergedInto` chain leads to this one. */
async function mergedFrom(db: GlossDb, id: string): Promise<string[]> {
  const out: string[] = [];
  let frontier = [id];
  for (let hop = 0; frontier.length && hop < MAX_HOPS; hop++) {
    frontier = (await db.identities.where('mergedInto').anyOf(frontier).primaryKeys()) as string[];
    out.push(...frontier);
  }
  return out;
}

/** Every key a note on this identity may carry: its id, merged-away ids, member entity keys. */
export const noteKeys = (r: Resolved) => [r.id, ...r.mergedFrom, ...r.memberKeys];

/** The live identity a key names, with its name; null when it names nothing that is still there. */
export async function liveIdentity(db: GlossDb, key: string): Promise<{ id: string; name: string } | null> {
  const resolved = await resolveIdentity(db, key);
  if (!resolved) return null;
  if (resolved.record)
    return resolved.record.deletedAt ? null : { id: resolved.id, name: resolved.record.name };
  const entity = await db.entities.get(resolved.id);
  return entity ? { id: entity.key, name: entity.name } : null;
}

/**
 * Rows whose `entityKey` is one of these keys, one index read per key: an `anyOf` walks a cursor
 * row by row (500 facts of 50 members: 500 steps, most of getEntity's time in Chromium).
 */
async function byKeys<T>(keys: readonly string[], read: (key: string) => Promise<T[]>): Promise<T[]> {
  return (await Promise.all([...new Set(keys)].map(read))).flat();
}

interface Gathered {
  resolved: Resolved;
  members: EntityRecord[];
  /** Members whose packs are on: what the card shows (all members when none is on). */
  shown: EntityRecord[];
  facts: FactRecord[];
  sources: Map<string, SourceRecord>;
  packTitles: Map<string, string>;
  askedByIdentity: boolean;
}

async function gather(db: GlossDb, key: string): Promise<Gathered | null> {
  const resolved = await resolveIdentity(db, key);
  if (!resolved) return null;
  const members = (await db.entities.bulkGet(resolved.memberKeys)).filter((e) => e !== undefined);
  if (members.length === 0) return null;
  const packs = (await db.packs.bulkGet([...new Set(members.map((m) => m.packId))])).filter(
    (p) => p !== undefined,
  );
  const enabled = new Set(packs.filter((p) => p.enabled).map((p) => p.id));
  const on = members.filter((m) => enabled.has(m.packId));
  const shown = on.length ? on : members;
  const facts = await byKeys(
    shown.map((m) => m.key),
    (key) => db.facts.where('entityKey').equals(key).toArray(),
  );
  const found = await db.sources.bulkGet([...new Set(facts.map((f) => f.sourceKey))]);
  const sources = new Map(found.filter((s) => s !== undefined).map((s) => [s.key, s]));
  const packTitles = new Map(packs.map((p) => [p.id, p.title]));
  return { resolved, members, shown, facts, sources, packTitles, askedByIdentity: isIdentityKey(key) };
}

function view(db: GlossDb, g: Gathered): Promise<EntityView> {
  const counts = new Map<string, number>();
  for (const fact of g.facts) counts.set(fact.entityKey, (counts.get(fact.entityKey) ?? 0) + 1);
  const rep = represent(g.shown.map((entity) => ({ entity, factCount: counts.get(entity.key) ?? 0 })));
  const entity = rep?.entity ?? (g.shown[0] as EntityRecord);
  const described = {
    ...entity,
    ...(rep?.description ? { description: rep.description } : {}),
    // Asked by identity (a page's mention): the view answers to that key, as callers keep views by
    // entity.key. Asked by a member's key (the manager), entity.key stays the representative's.
    ...(g.askedByIdentity ? { key: g.resolved.id } : {}),
  };
  const facts: MergedFact[] = mergeFacts(g.facts, g.sources);
  const title = (id: string) => g.packTitles.get(id) ?? id;
  return byKeys(noteKeys(g.resolved), (key) => db.notes.where('entityKey').equals(key).toArray())
    .then((notes) =>
      notes.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)),
    )
    .then((notes) => ({
      entity: described,
      pack: { id: entity.packId, title: title(entity.packId) },
      identity: {
        id: g.resolved.id,
        sourceCount: new Set(g.facts.map((f) => f.sourceKey)).size,
        packs: [...new Set(g.members.map((m) => m.packId))].map((id) => ({ id, title: title(id) })),
        memberKeys: g.members.map((m) => m.key),
      },
      facts,
      notes,
    }));
}

const VIEW_TABLES = (db: GlossDb) => [
  db.packs,
  db.sources,
  db.entities,
  db.facts,
  db.notes,
  db.identities,
  db.links,
  db.sightings,
];

/** The card's view of the identity a key names (identity id, entity key, or merged-away identity). */
export async function getEntity(db: GlossDb, key: string): Promise<EntityView | null> {
  const started = performance.now();
  const found = await db.transaction('r', VIEW_TABLES(db), async () => {
    const g = await gather(db, key);
    return g ? view(db, g) : null;
  });
  measure('card:getEntity', started);
  return found;
}

/** The manager's entity page: the card's view plus aliases, sources, members and history. */
export async function getEntityPage(db: GlossDb, key: string): Promise<EntityPageView | null> {
  return db.transaction('r', VIEW_TABLES(db), async () => {
    const g = await gather(db, key);
    if (!g) return null;
    const base = await view(db, g);
    const title = (id: string) => g.packTitles.get(id) ?? id;
    const links = new Map(
      (await db.links.bulkGet(g.members.map((m) => m.key)))
        .filter((l) => l !== undefined)
        .map((l) => [l.entityKey, l]),
    );
    const aliases: EntityPageView['aliases'] = [];
    const seen = new Set<string>();
    for (const member of g.members) {
      for (const text of entityNames(member)) {
        const id = `${member.packId}\u0000${text}`;
        if (seen.has(id)) continue;
        seen.add(id);
        aliases.push({ text, packId: member.packId, packTitle: title(member.packId) });
      }
    }
    const factCounts = new Map<string, number>();
    for (const fact of g.facts) factCounts.set(fact.sourceKey, (factCounts.get(fact.sourceKey) ?? 0) + 1);
    const sources = [...g.sources.values()]
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
      .map((source) => ({
        ...source,
        packTitle: title(source.packId),
        factCount: factCounts.get(source.key) ?? 0,
      }));
    const members = g.members.map((m) => ({
      key: m.key,
      name: m.name,
      packId: m.packId,
      packTitle: title(m.packId),
      manual: links.get(m.key)?.manual ?? false,
    }));
    const seenOn = (await db.sightings.where('identityId').equals(g.resolved.id).toArray())
      .sort((a, b) => b.lastSeenAt - a.lastSeenAt)
      .map(({ url, title, count, firstSeenAt, lastSeenAt }) => ({
        url,
        title,
        count,
        firstSeenAt,
        lastSeenAt,
      }));
    const together = await appearsWith(db, g.resolved.id, g.resolved.memberKeys);
    return { ...base, aliases, sources, members, appearsWith: together, seenOn };
  });
}
