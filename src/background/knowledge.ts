// Read side of the knowledge base: the aliases the matcher is built from, one entity with
// everything known about it, and search across entities, facts and notes.

import { entityAliasEntries } from '@/src/core/lang/inflect';
import type { AliasEntry } from '@/src/core/matcher';
import { entityNames } from '@/src/core/pack';
import type { EntityRecord } from '@/src/core/records';
import { foldForSearch, searchTerms } from '@/src/core/search-text';
import type { GlossDb } from '@/src/db/db';
import type { EntitySummary, EntityView, SearchResult } from '@/src/messaging/protocol';
import { summarize } from './my-knowledge';
import { knowledgeRevision } from './packs';

/** Every name and alias of the enabled packs: what the matcher is compiled from. */
export interface MatcherAliases {
  /** Changes whenever the enabled knowledge changes, so the compiled matcher is cached by it. */
  revision: string;
  aliases: AliasEntry[];
}

export async function matcherAliases(db: GlossDb): Promise<MatcherAliases> {
  return db.transaction('r', [db.packs, db.entities, db.bookkeeping], async () => {
    const enabled = (await db.packs.toArray()).filter((pack) => pack.enabled).map((pack) => pack.id);
    const entities = await db.entities.where('packId').anyOf(enabled).toArray();
    const aliases = entities.flatMap((entity) => entityAliasEntries(entity)); // labels tagged with their language
    return { revision: String(await knowledgeRevision(db)), aliases };
  });
}

export async function getEntity(db: GlossDb, key: string): Promise<EntityView | null> {
  return db.transaction('r', [db.packs, db.sources, db.entities, db.facts, db.notes], async () => {
    const entity = await db.entities.get(key);
    if (!entity) return null;
    const [pack, facts, notes] = await Promise.all([
      db.packs.get(entity.packId),
      db.facts.where('entityKey').equals(key).toArray(),
      db.notes.where('entityKey').equals(key).sortBy('createdAt'),
    ]);
    const sources = await db.sources.bulkGet([...new Set(facts.map((fact) => fact.sourceKey))]);
    const byKey = new Map(sources.filter((s) => s !== undefined).map((s) => [s.key, s]));
    return {
      entity,
      pack: { id: entity.packId, title: pack?.title ?? entity.packId },
      facts: facts.map((fact) => ({ ...fact, source: byKey.get(fact.sourceKey) ?? null })),
      notes,
    };
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

  await db.transaction('r', [db.entities, db.facts, db.notes], async () => {
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
  });
  return results.slice(0, limit);
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
  return db.transaction('r', [db.entities, db.facts], async () => {
    const found = (await db.entities.bulkGet(keys)).filter((entity) => entity !== undefined);
    return Promise.all(
      found.map(async (entity) =>
        summarize(entity, await db.facts.where('entityKey').equals(entity.key).count()),
      ),
    );
  });
}
