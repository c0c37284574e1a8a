// Forming identities from pack entities: the database step of linking (the rules are pure, in
// src/core/graph/link.ts). Runs inside the caller's transaction on the tables it is given, so the
// v3 upgrade (schema.ts) and every import (packs, captures, bundled packs, backups) share it.
import type { EntityTable, Transaction } from 'dexie';
import { represent } from '@/src/core/graph/members';
import { type IdentityRecord, isIdentityKey, type LinkRecord, newIdentityId } from '@/src/core/graph/records';
import type { EntityRecord, FactRecord, PackRecord } from '@/src/core/records';
import {
  buildIndex,
  isLive,
  type KeptIndex,
  type MemberSummary,
  membersAfter,
  summarise,
} from './link-index';

export interface GraphTables {
  entities: EntityTable<EntityRecord, 'key'>;
  facts: EntityTable<FactRecord, 'key'>;
  identities: EntityTable<IdentityRecord, 'id'>;
  links: EntityTable<LinkRecord, 'entityKey'>;
}

/** Manual choices by entity key: an identity (or entity) key to link to, or null to keep apart. */
export type ManualChoices = ReadonlyMap<string, string | null>;

/**
 * A User Timing entry ("gloss:<name>") for a step of linking or importing: the browser benchmark
 * (bench/graph-import.bench.ts) reads them from the service worker. A few entries per import.
 */
export function measure(name: string, start: number): void {
  performance.measure(`gloss:${name}`, { start, end: performance.now() });
}

/** Merged-away identities form a chain at most this long. */
const MAX_HOPS = 50;

/**
 * Decides the identity of each given entity (already written to `entities`), in order:
 * - a manual choice (the review's, or a restored one) wins;
 * - an entity already linked keeps its link across pack upgrades, manual or not;
 * - otherwise the linking rules decide: `link` joins that identity, `propose` and `new` make a new
 *   identity (a proposal is for a person to confirm, never a link).
 * Then every identity that gained or lost a member is recomputed.
 */
export async function linkIncoming(
  t: GraphTables,
  incoming: readonly EntityRecord[],
  manual: ManualChoices = new Map(),
  now = Date.now(),
  { index: kept, factCounts }: LinkOptions = {},
): Promise<KeptIndex | undefined> {
  if (incoming.length === 0) return kept;
  let started = performance.now();
  const existing = new Map(
    (await t.links.bulkGet(incoming.map((e) => e.key)))
      .filter((l) => l !== undefined)
      .map((l) => [l.entityKey, l]),
  );
  // With an index kept, linking needs only the identities these entities were linked to before
  // (others are read when a manual choice names them); building an index needs them all.
  const identities = kept
    ? await identitiesById(
        t,
        [...existing.values()].map((l) => l.identityId),
      )
    : new Map((await t.identities.toArray()).map((i) => [i.id, i]));
  // Only entities that need the rules pay for the index (an upgrade of a linked pack does not).
  const needsRules = incoming.some((e) => {
    const link = existing.get(e.key);
    return !manual.has(e.key) && (!link || (!link.manual && !isLive(identities.get(link.identityId))));
  });
  measure('link:read', started);
  started = performance.now();
  const index = kept ?? (needsRules ? await buildIndex(t, identities) : undefined);
  if (index && !kept) measure('link:index', started);
  started = performance.now();
  const batch = newBatch(existing, identities, index, now, factCounts);
  for (const entity of incoming) {
    // Only a manual choice awaits anything: an await per entity outside Dexie's own promises lets
    // the transaction commit before the last write (PrematureCommitError on a 250-entity pack).
    if (manual.has(entity.key) && (await linkChosen(t, batch, entity, manual.get(entity.key) ?? null)))
      continue;
    linkByRules(batch, entity);
  }

  measure('link:decide', started);
  started = performance.now();
  const { links, fresh, touched } = batch;
  await t.links.bulkPut(links);
  await t.identities.bulkPut([...fresh.values()]);
  measure('link:write', started);
  // A new identity made of the one entity it was made for is already what a refresh would make.
  const joined = new Map<string, number>();
  for (const link of links) joined.set(link.identityId, (joined.get(link.identityId) ?? 0) + 1);
  const stale = [...touched].filter((id) => !(fresh.has(id) && joined.get(id) === 1));
  const members = index ? membersAfter(index, stale, links, existing) : undefined;
  // The mergedInto marks set above reach the database through the refresh (it starts from `identities`).
  started = performance.now();
  const written = new Map(incoming.map((e) => [e.key, e]));
  await refreshIdentities(t, stale, now, { known: identities, index, written, members, factCounts });
  measure('link:refresh', started);
  return index;
}

/** These identities by id (the ones that exist). */
async function identitiesById(t: GraphTables, ids: readonly string[]): Promise<Map<string, IdentityRecord>> {
  const unique = [...new Set(ids)];
  const found = await t.identities.bulkGet(unique);
  return new Map(found.filter((i) => i !== undefined).map((i) => [i.id, i]));
}

export interface LinkOptions {
  /**
   * The link index as of the knowledge this transaction starts from, kept by the caller between
   * imports. Linking keeps it up to date; without one, one is built here if some entity needs it.
   */
  index?: KeptIndex;
  /** Facts per incoming entity key, when the caller knows them (it just wrote them). */
  factCounts?: ReadonlyMap<string, number>;
}

/** One run of linkIncoming: the links it writes, the identities it makes and the ones it touches. */
interface LinkBatch {
  existing: ReadonlyMap<string, LinkRecord>;
  identities: Map<string, IdentityRecord>;
  /** The linking rules' index; built only when some entity needs the rules. */
  index: KeptIndex | undefined;
  links: LinkRecord[];
  touched: Set<string>;
  fresh: Map<string, IdentityRecord>;
  /** A new identity made of the entity alone; returns its id. */
  makeIdentity(entity: EntityRecord): string;
  /** Links the entity to the identity, keeping the link's dates when nothing about it changed. */
  put(entity: EntityRecord, identityId: string, rule: LinkRecord['rule'], isManual: boolean): void;
}

function newBatch(
  existing: ReadonlyMap<string, LinkRecord>,
  identities: Map<string, IdentityRecord>,
  index: KeptIndex | undefined,
  now: number,
  factCounts: ReadonlyMap<string, number> | undefined,
): LinkBatch {
  const links: LinkRecord[] = [];
  const touched = new Set<string>();
  const fresh = new Map<string, IdentityRecord>();
  const makeIdentity = (entity: EntityRecord): string => {
    const identity: IdentityRecord = {
      id: newIdentityId(),
      name: entity.name,
      type: entity.type,
      ...(entity.description ? { description: entity.description } : {}),
      sameAs: entity.sameAs ?? [],
      createdAt: now,
      updatedAt: now,
    };
    fresh.set(identity.id, identity);
    identities.set(identity.id, identity);
    index?.put(identity, [summarise(entity, factCounts?.get(entity.key))]);
    return identity.id;
  };
  const put = (entity: EntityRecord, identityId: string, rule: LinkRecord['rule'], isManual: boolean) => {
    const old = existing.get(entity.key);
    if (old) touched.add(old.identityId);
    touched.add(identityId);
    links.push({
      entityKey: entity.key,
      identityId,
      manual: isManual,
      rule,
      createdAt: old?.createdAt ?? now,
      updatedAt:
        old && old.identityId === identityId && old.manual === isManual && old.rule === rule
          ? old.updatedAt
          : now,
    });
  };
  return { existing, identities, index, links, touched, fresh, makeIdentity, put };
}

/** Links an entity the way the user chose; false when the chosen identity is gone (the rules decide). */
async function linkChosen(t: GraphTables, batch: LinkBatch, entity: EntityRecord, choice: string | null) {
  const { identities, put } = batch;
  const old = batch.existing.get(entity.key);
  if (choice === null) {
    // Kept apart: an identity of its own (the one it has when it is its only member, so notes
    // on that identity stay with it).
    const alone = old && identities.has(old.identityId) && (await isAlone(t, old.identityId, entity.key));
    put(entity, alone && old ? old.identityId : batch.makeIdentity(entity), 'manual', true);
    return true;
  }
  const target = await resolve(t, identities, choice);
  if (!target) return false;
  put(entity, target, 'manual', true);
  if (old && old.identityId !== target) mergeMark(identities, old.identityId, target);
  return true;
}

/** Links an entity with no (live) manual choice: its link kept, or the linking rules' decision. */
function linkByRules(batch: LinkBatch, entity: EntityRecord): void {
  const { identities, put } = batch;
  const old = batch.existing.get(entity.key);
  if (old && (old.manual || isLive(identities.get(old.identityId)))) {
    put(entity, old.identityId, old.rule, old.manual);
    return;
  }
  const decision = (batch.index as KeptIndex).decide(entity);
  if (decision.kind === 'link') {
    put(entity, decision.identityId, decision.rule, false);
    // The identity it had, emptied when its pack was removed: notes on it follow the link.
    if (old && old.identityId !== decision.identityId)
      mergeMark(identities, old.identityId, decision.identityId);
  } else if (old && identities.has(old.identityId)) {
    // Back after its pack was removed, with nothing to link to: the same identity again.
    put(entity, old.identityId, old.rule, false);
  } else {
    put(entity, batch.makeIdentity(entity), 'new', false);
  }
}

/** What the caller of refreshIdentities already has. */
export interface RefreshContext {
  /** Identities as the caller has them (with changes not yet written); the rest are read. */
  known?: ReadonlyMap<string, IdentityRecord>;
  /**
   * A kept link index to keep up to date: each identity is put in again as refreshed, or taken out.
   * Identities it holds are not read back, nor are their members named in `members`.
   */
  index?: KeptIndex;
  /** Entities written in this transaction, by key. */
  written?: ReadonlyMap<string, EntityRecord>;
  /** Member entity keys of some of the identities (the rest are read from their links). */
  members?: ReadonlyMap<string, readonly string[]>;
  /** Facts per entity key, where the caller knows them. */
  factCounts?: ReadonlyMap<string, number>;
}

/**
 * Recomputes identities from their present members: name, type and description from the
 * representative member, identifiers from all. One left with no present member is tombstoned
 * (never deleted: notes may name it); one that has members again comes back. Only identities that
 * change are written.
 */
export async function refreshIdentities(
  t: GraphTables,
  ids: Iterable<string>,
  now = Date.now(),
  { known, index, written, members: given, factCounts }: RefreshContext = {},
): Promise<void> {
  const list = [...new Set(ids)];
  if (list.length === 0) return;
  let started = performance.now();
  // A few bulk reads for what is not in memory: a 10,000-entity pack touches as many identities.
  const unknown = given ? list.filter((id) => !given.has(id)) : list;
  const unread = index ? list.filter((id) => !index.record(id)) : list;
  const [found, links] = await Promise.all([t.identities.bulkGet(unread), linksOf(t, unknown)]);
  const stored = new Map(found.filter((i) => i !== undefined).map((i) => [i.id, i]));
  const membership = [
    ...links,
    ...list.flatMap((id) => (given?.get(id) ?? []).map((entityKey) => ({ identityId: id, entityKey }))),
  ];
  const summaries = await memberSummaries(t, membership, { index, written, factCounts, members: given });
  const members = new Map<string, MemberSummary[]>();
  membership.forEach((link, i) => {
    const summary = summaries[i];
    if (!summary) return;
    const found = members.get(link.identityId);
    if (found) found.push(summary);
    else members.set(link.identityId, [summary]);
  });
  measure('refresh:read', started);
  started = performance.now();
  await countFacts(t, members);
  measure('refresh:facts', started);
  started = performance.now();
  const writes: IdentityRecord[] = [];
  for (const id of list) {
    const before = stored.get(id) ?? index?.record(id);
    const base = known?.get(id) ?? before;
    if (!base) {
      index?.remove(id);
      continue;
    }
    const own = members.get(id) ?? [];
    const next: IdentityRecord = { ...base };
    if (own.length === 0) {
      if (!next.deletedAt) next.deletedAt = now;
    } else {
      const rep = represent(own.map((entity) => ({ entity, factCount: entity.factCount ?? 0 })));
      if (rep) {
        next.name = rep.name;
        next.type = rep.type;
        next.sameAs = rep.sameAs;
        if (rep.description) next.description = rep.description;
        else delete next.description;
      }
      delete next.deletedAt;
      delete next.mergedInto;
    }
    const changed = !before || !sameIdentity(before, next);
    const after = changed ? { ...next, updatedAt: now } : (before as IdentityRecord);
    if (changed) writes.push(after);
    if (!index) continue;
    if (isLive(after) && own.length) index.put(after, own);
    else index.remove(id);
  }
  await t.identities.bulkPut(writes);
  measure('refresh:write', started);
}

/**
 * What the representative choice needs of each member (undefined where the entity is gone): from
 * the entity just written, else what the kept index remembers of a member it holds, else the entity
 * read from the database.
 */
async function memberSummaries(
  t: GraphTables,
  membership: ReadonlyArray<{ identityId: string; entityKey: string }>,
  { index, written, factCounts, members: given }: RefreshContext,
): Promise<Array<MemberSummary | undefined>> {
  const out = membership.map(({ identityId, entityKey }) => {
    const entity = written?.get(entityKey);
    if (entity) return summarise(entity, factCounts?.get(entityKey) ?? index?.member(entityKey)?.factCount);
    // Members named by the caller are the index's present ones; those read from links may be gone.
    return given?.has(identityId) ? index?.member(entityKey) : undefined;
  });
  const unread = membership.flatMap((m, i) => (out[i] ? [] : [m.entityKey]));
  const read = new Map(
    (await t.entities.bulkGet(unread)).filter((e) => e !== undefined).map((e) => [e.key, e]),
  );
  return membership.map(({ entityKey }, i) => {
    const known = out[i];
    if (known) return known;
    const entity = read.get(entityKey);
    if (!entity) {
      index?.forget(entityKey);
      return undefined;
    }
    return summarise(entity, factCounts?.get(entityKey) ?? index?.member(entityKey)?.factCount);
  });
}

/** Counts the facts of members whose count is unknown, where they choose a representative (several members). */
async function countFacts(t: GraphTables, members: Map<string, MemberSummary[]>): Promise<void> {
  const uncounted = [...members.values()]
    .filter((own) => own.length > 1)
    .flatMap((own) => own.filter((m) => m.factCount === undefined));
  if (uncounted.length === 0) return;
  const counts = await Promise.all(uncounted.map((m) => t.facts.where('entityKey').equals(m.key).count()));
  const counted = new Map(uncounted.map((m, i) => [m.key, counts[i] ?? 0]));
  for (const [id, own] of members)
    if (own.some((m) => counted.has(m.key)))
      members.set(
        id,
        own.map((m) => (counted.has(m.key) ? { ...m, factCount: counted.get(m.key) } : m)),
      );
}

/**
 * The link rows of these identities: one index read each, unless they are a large part of the table,
 * when one read of the whole table is less work (an `anyOf` of thousands of keys walks the index key
 * by key, minutes in fake-indexeddb; a `filter` steps a cursor through every row, seconds in Chromium).
 */
async function linksOf(t: GraphTables, ids: readonly string[]): Promise<LinkRecord[]> {
  if (ids.length > 100 && ids.length * 4 > (await t.links.count())) {
    const wanted = new Set(ids);
    return (await t.links.toArray()).filter((link) => wanted.has(link.identityId));
  }
  const found = await Promise.all(ids.map((id) => t.links.where('identityId').equals(id).toArray()));
  return found.flat();
}

/** The identities of the given entity keys (members that are going, e.g. a removed pack's). */
export async function identitiesOf(
  t: Pick<GraphTables, 'links'>,
  keys: readonly string[],
): Promise<string[]> {
  const links = await t.links.bulkGet([...keys]);
  return [...new Set(links.filter((l) => l !== undefined).map((l) => l.identityId))];
}

/**
 * Marks that an identity's member moved into `into`: should the identity be left empty, the
 * refresh keeps the mark (`mergedInto`), so notes and links to it follow; one that keeps members
 * loses the mark again.
 */
function mergeMark(identities: Map<string, IdentityRecord>, from: string, into: string): void {
  const record = identities.get(from);
  if (record && !record.mergedInto) identities.set(from, { ...record, mergedInto: into });
}

/** An identity key (following merges) or an entity key (through its link) to a live identity id. */
async function resolve(
  t: GraphTables,
  identities: ReadonlyMap<string, IdentityRecord>,
  key: string,
): Promise<string | undefined> {
  let id: string | undefined = key;
  if (!isIdentityKey(key)) id = (await t.links.get(key))?.identityId;
  // The map may hold only some identities (an index was kept): the rest are read.
  const get = async (at: string) => identities.get(at) ?? (await t.identities.get(at));
  let record = id ? await get(id) : undefined;
  for (let hop = 0; record?.mergedInto && hop < MAX_HOPS; hop++) record = await get(record.mergedInto);
  return record && !record.deletedAt ? record.id : undefined;
}

async function isAlone(t: GraphTables, identityId: string, key: string): Promise<boolean> {
  const keys = (await t.links.where('identityId').equals(identityId).primaryKeys()) as string[];
  return keys.every((k) => k === key);
}

function sameIdentity(a: IdentityRecord, b: IdentityRecord): boolean {
  return (
    a.name === b.name &&
    a.type === b.type &&
    a.description === b.description &&
    a.deletedAt === b.deletedAt &&
    a.mergedInto === b.mergedInto &&
    a.sameAs.length === b.sameAs.length &&
    a.sameAs.every((id, i) => id === b.sameAs[i])
  );
}

/**
 * The v3 upgrade: identities formed from the entities already there, packs in the order they were
 * installed (the bundled pack usually first), so earlier knowledge names the identity. Notes are
 * not touched: those on entity keys resolve through the new links.
 */
export async function formIdentities(
  t: GraphTables & { packs: EntityTable<PackRecord, 'id'> },
  now = Date.now(),
): Promise<void> {
  const packs = (await t.packs.toArray()).sort((a, b) => a.installedAt - b.installedAt);
  const order = new Map(packs.map((p, i) => [p.id, i]));
  const entities = (await t.entities.toArray()).sort(
    (a, b) =>
      (order.get(a.packId) ?? packs.length) - (order.get(b.packId) ?? packs.length) ||
      a.position - b.position,
  );
  await linkIncoming(t, entities, new Map(), now);
}

/** The graph's tables inside a schema upgrade (Dexie names them; types are the records'). */
export function upgradeTables(tx: Transaction): GraphTables & { packs: EntityTable<PackRecord, 'id'> } {
  return {
    packs: tx.table('packs'),
    entities: tx.table('entities'),
    facts: tx.table('facts'),
    identities: tx.table('identities'),
    links: tx.table('links'),
  };
}

/**
 * A backup's graph merged into this one (the packs are installed after, and keep these links).
 * Identities: the newer edit wins. Links: a link made by hand wins over an automatic one, else the
 * backup's wins (restoring is asking for the backed-up graph), unless ours is manual and newer.
 * Returns the identities whose members changed, to refresh once the packs are in.
 */
export async function mergeGraph(
  t: GraphTables,
  identities: readonly IdentityRecord[],
  links: readonly LinkRecord[],
): Promise<Set<string>> {
  const touched = new Set<string>();
  const ours = await t.identities.bulkGet(identities.map((i) => i.id));
  await t.identities.bulkPut(
    identities.filter((theirs, i) => !ours[i] || theirs.updatedAt > (ours[i] as IdentityRecord).updatedAt),
  );
  const current = await t.links.bulkGet(links.map((l) => l.entityKey));
  const writes: LinkRecord[] = [];
  const moved: Array<[string, string]> = [];
  for (const [i, theirs] of links.entries()) {
    const mine = current[i];
    touched.add(theirs.identityId);
    if (mine?.manual && (!theirs.manual || mine.updatedAt >= theirs.updatedAt)) continue;
    writes.push(theirs);
    if (mine && mine.identityId !== theirs.identityId) {
      touched.add(mine.identityId);
      moved.push([mine.identityId, theirs.identityId]);
    }
  }
  await t.links.bulkPut(writes);
  // An identity of ours whose members all went to the backup's: notes on it follow them.
  for (const [from, into] of moved) {
    const record = await t.identities.get(from);
    if (record && !record.mergedInto) await t.identities.put({ ...record, mergedInto: into });
  }
  return touched;
}
