// Read side of the knowledge base: the aliases the matcher is built from, one entity with
// everything known about it, and search across entities, facts and notes.

import { type IdentityRecord, isIdentityKey } from '@/src/core/graph/records';
import { entityAliasEntries } from '@/src/core/lang/inflect';
import type { AliasEntry } from '@/src/core/matcher';
import { entityNames } from '@/src/core/pack';
import type { EntityRecord } from '@/src/core/records';
import { foldForSearch, searchTerms } from '@/src/core/search-text';
import type { GlossDb } from '@/src/db/db';
import type { EntitySummary, SearchResult } from '@/src/messaging/protocol';
import { summarize } from './my-knowledge';
import { knowledgeRevision } from './packs';

/** Every name and alias of the enabled packs: what the matcher is compiled from. */
export interface MatcherAliases {
  /** Changes whenever the enabled knowledge changes, so the compiled matcher is cached by it. */
  revision: string;
  aliases: AliasEntry[];
}

/**
 * Names of the identities with a member in an enabled pack, each alias once per identity: the page
 * marks identities, so "Russia" from three packs is one mention of one thing. An entity not linked
 * yet stands for itself.
 */
/**
 * What the matcher gets of one entity: its name and aliases (any language), its labels tagged with
 * their language (their inflected forms count only in text of that language), and the
 * transliterations of its names (any language).
 */
function namesToMatch(entity: EntityRecord): AliasEntry[] {
  const entries = entityAliasEntries(entity);
  const listed = new Set(entries.map((entry) => entry.alias.toLowerCase()));
  for (const alias of entityNames(entity)) {
    if (listed.has(alias.toLowerCase())) continue;
    entries.push({ alias, entityId: entity.key, ...(entity.caseSensitive ? { caseSensitive: true } : {}) });
  }
  return entries;
}

export async function matcherAliases(db: GlossDb): Promise<MatcherAliases> {
  return db.transaction('r', [db.packs, db.entities, db.links, db.bookkeeping], async () => {
    const enabled = (await db.packs.toArray()).filter((pack) => pack.enabled).map((pack) => pack.id);
    const entities = await db.entities.where('packId').anyOf(enabled).toArray();
    const links = await db.links.bulkGet(entities.map((entity) => entity.key));
    const seen = new Set<string>();
    const aliases: AliasEntry[] = [];
    entities.forEach((entity, i) => {
      const entityId = links[i]?.identityId ?? entity.key;
      for (const entry of namesToMatch(entity)) {
        const folded = entity.caseSensitive ? entry.alias : entry.alias.toLowerCase();
        const id = `${entityId}\u0000${entry.lang ?? ''}\u0000${folded}`;
        if (seen.has(id)) continue;
        seen.add(id);
        aliases.push({ ...entry, entityId });
      }
    });
    return { revision: String(await knowledgeRevision(db)), aliases };
  });
}

const DEFAULT_LIMIT = 20;

/** Words of the query must all appear (as word prefixes for names, as substrings in facts and notes). */
export async function search(db: GlossDb, query: string, limit = DEFAULT_LIMIT): Promise<SearchResult[]> {
  const words = searchTerms(query);
  const first = words[0];
  if (!first) return [];
  const results: SearchResult[] = [];
  const names = new Map<string, { name: string; type: SearchResult['entityType'] }>();

  await db.transaction('r', [db.entities, db.facts, db.notes, db.links, db.identities], async () => {
    const candidates = await db.entities.where('terms').startsWith(first).distinct().limit(500).toArray();
    for (const entity of candidates) {
      names.set(entity.key, { name: entity.name, type: entity.type });
      if (!words.every((word) => entity.terms.some((term) => term.startsWith(word)))) continue;
      const matched = entityNames(entity).find((name) => words.every((w) => foldForSearch(name).includes(w)));
      results.push({
        kind: 'entity',
        entityKey: entity.key,
        entityName: entity.name,
        entityType: entity.type,
        snippet: matched ?? entity.name,
      });
    }
    results.sort((a, b) => a.entityName.length - b.entityName.length);

    const contains = (text: string) => {
      const folded = foldForSearch(text);
      return words.every((word) => folded.includes(word));
    };
    const facts = await db.facts
      .filter((fact) => contains(fact.text))
      .limit(limit)
      .toArray();
    const notes = await db.notes
      .filter((note) => contains(note.text) || contains(note.quote))
      .limit(limit)
      .toArray();
    const missing = [...facts.map((f) => f.entityKey), ...notes.map((n) => n.entityKey)].filter(
      (k) => !names.has(k),
    );
    for (const entity of await db.entities.bulkGet([...new Set(missing)])) {
      if (entity) names.set(entity.key, { name: entity.name, type: entity.type });
    }
    for (const fact of facts) {
      const owner = names.get(fact.entityKey);
      results.push({
        kind: 'fact',
        entityKey: fact.entityKey,
        entityName: owner?.name ?? fact.entityKey,
        entityType: owner?.type ?? null,
        snippet: fact.text,
      });
    }
    for (const note of notes) {
      const owner = names.get(note.entityKey);
      results.push({
        kind: 'note',
        entityKey: note.entityKey,
        entityName: owner?.name ?? note.entityName,
        entityType: owner?.type ?? null,
        snippet: note.text,
      });
    }
    const identified = await asIdentities(db, results);
    results.splice(0, results.length, ...identified);
  });
  return results.slice(0, limit);
}

/**
 * Results named by identity: each entity key becomes its identity's id and name (an entity
 * without a link keeps its key), and an identity found through several of its names is listed once.
 */
async function asIdentities(db: GlossDb, results: SearchResult[]): Promise<SearchResult[]> {
  const keys = [...new Set(results.map((r) => r.entityKey).filter((k) => k && !isIdentityKey(k)))];
  const links = new Map(
    (await db.links.bulkGet(keys)).filter((l) => l !== undefined).map((l) => [l.entityKey, l.identityId]),
  );
  const ids = [...new Set([...links.values(), ...results.map((r) => r.entityKey).filter(isIdentityKey)])];
  const identities = new Map(
    (await db.identities.bulkGet(ids)).filter((i) => i !== undefined).map((i) => [i.id, i]),
  );
  const merged = identities.size
    ? (await db.identities.bulkGet([...identities.values()].flatMap((i) => i.mergedInto ?? [])))
        .filter((i) => i !== undefined)
        .map((i) => [i.id, i] as const)
    : [];
  for (const [id, identity] of merged) identities.set(id, identity);
  const listed = new Set<string>();
  const out: SearchResult[] = [];
  for (const result of results) {
    let identity = identities.get(links.get(result.entityKey) ?? result.entityKey);
    if (identity?.mergedInto) identity = identities.get(identity.mergedInto) ?? identity;
    const named = identity
      ? { ...result, entityKey: identity.id, entityName: identity.name, entityType: identity.type }
      : result;
    if (named.kind === 'entity') {
      if (listed.has(named.entityKey)) continue;
      listed.add(named.entityKey);
    }
    out.push(named);
  }
  return out;
}

/** Entities by name or alias (word prefixes), or all of them, sorted by name, a page at a time. */
export async function listEntities(
  db: GlossDb,
  {
    query = '',
    packId,
    offset = 0,
    limit = 50,
  }: { query?: string; packId?: string; offset?: number; limit?: number },
): Promise<{ total: number; entities: EntitySummary[] }> {
  const words = searchTerms(query);
  const withCounts = (entities: EntityRecord[]) =>
    Promise.all(
      entities.map(async (entity) =>
        summarize(entity, await db.facts.where('entityKey').equals(entity.key).count()),
      ),
    );
  return db.transaction('r', [db.entities, db.facts], async () => {
    if (!words[0] && !packId) {
      // Everything, in name order, straight from the name index: no need to load it all.
      const page = await db.entities.orderBy('name').offset(offset).limit(Math.min(limit, 500)).toArray();
      return { total: await db.entities.count(), entities: await withCounts(page) };
    }
    let collection = words[0]
      ? db.entities.where('terms').startsWith(words[0]).distinct()
      : packId
        ? db.entities.where('packId').equals(packId)
        : db.entities.toCollection();
    collection = collection.filter(
      (entity) =>
        (!packId || entity.packId === packId) &&
        words.every((word) => entity.terms.some((term) => term.startsWith(word))),
    );
    const all = await collection.toArray();
    all.sort((a, b) => a.name.localeCompare(b.name));
    const page = all.slice(offset, offset + Math.min(limit, 500));
    const entities = await Promise.all(
      page.map(async (entity) =>
        summarize(entity, await db.facts.where('entityKey').equals(entity.key).count()),
      ),
    );
    return { total: all.length, entities };
  });
}

export async function getEntities(db: GlossDb, keys: string[]): Promise<EntitySummary[]> {
  return db.transaction('r', [db.entities, db.facts, db.identities, db.links], async () => {
    const found = (await db.entities.bulkGet(keys.filter((k) => !isIdentityKey(k)))).filter(
      (entity) => entity !== undefined,
    );
    const entities = await Promise.all(
      found.map(async (entity) =>
        summarize(entity, await db.facts.where('entityKey').equals(entity.key).count()),
      ),
    );
    const identities = [];
    for (const key of keys.filter(isIdentityKey)) {
      const summary = await identitySummary(db, key);
      if (summary) identities.push(summary);
    }
    return [...entities, ...identities];
  });
}

/** Up to this many identities, the entity browser's total leaves out every tombstone. */
const EXACT_COUNT = 20_000;

/**
 * Identities, one row per real thing however many packs know it, by name or alias prefix (all when
 * the query is empty), in name order, a page at a time: the manager's entity browser.
 */
export async function listIdentities(
  db: GlossDb,
  { query = '', offset = 0, limit = 50 }: { query?: string; offset?: number; limit?: number },
): Promise<{ total: number; entities: EntitySummary[] }> {
  const words = searchTerms(query);
  const size = Math.min(limit, 500);
  const live = (identity: IdentityRecord | undefined): identity is IdentityRecord =>
    identity !== undefined && !identity.deletedAt && !identity.mergedInto;
  return db.transaction('r', [db.entities, db.facts, db.identities, db.links], async () => {
    let total: number;
    let page: IdentityRecord[];
    if (!words[0]) {
      // Everything, in name order, straight from the name index. Tombstones are few and not indexed:
      // counted out exactly while reading every identity is cheap (about 1 s per 100,000 in
      // Chromium), else only the merged ones are (from their index).
      const all = await db.identities.count();
      total =
        all <= EXACT_COUNT
          ? await db.identities.filter(live).count()
          : all - (await db.identities.where('mergedInto').above('').count());
      page = await db.identities.orderBy('name').filter(live).offset(offset).limit(size).toArray();
    } else {
      const matching = await db.entities
        .where('terms')
        .startsWith(words[0])
        .distinct()
        .filter((entity) => words.every((word) => entity.terms.some((term) => term.startsWith(word))))
        .primaryKeys();
      const links = await db.links.bulkGet(matching as string[]);
      const ids = new Set(links.flatMap((link) => (link ? [link.identityId] : [])));
      const found = (await db.identities.bulkGet([...ids])).filter(live);
      found.sort((a, b) => a.name.localeCompare(b.name));
      total = found.length;
      page = found.slice(offset, offset + size);
    }
    const entities: EntitySummary[] = [];
    for (const identity of page) {
      const summary = await summaryOf(db, identity);
      if (summary) entities.push(summary);
    }
    return { total, entities };
  });
}

/** An identity listed like an entity (pages count mentions by identity): all its names and facts. */
async function identitySummary(db: GlossDb, key: string): Promise<EntitySummary | null> {
  const identity = await db.identities.get(key);
  return identity && !identity.deletedAt ? summaryOf(db, identity) : null;
}

/** An identity at hand, listed like an entity; null when no member of it is left. */
async function summaryOf(db: GlossDb, identity: IdentityRecord): Promise<EntitySummary | null> {
  const key = identity.id;
  const memberKeys = (await db.links.where('identityId').equals(key).primaryKeys()) as string[];
  const members = (await db.entities.bulkGet(memberKeys)).filter((e) => e !== undefined);
  if (!members.length) return null;
  const counts = await Promise.all(members.map((m) => db.facts.where('entityKey').equals(m.key).count()));
  const names = new Set(members.flatMap((m) => entityNames(m)));
  names.delete(identity.name);
  const rep = members[counts.indexOf(Math.max(...counts))] ?? members[0];
  return {
    key,
    packId: rep?.packId ?? '',
    name: identity.name,
    type: identity.type,
    aliases: [...names],
    ...(identity.description ? { description: identity.description } : {}),
    factCount: counts.reduce((a, b) => a + b, 0),
  };
}
