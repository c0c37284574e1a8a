// "My knowledge": the pack that holds entities and facts users add by hand. It is an ordinary
// pack (exported, backed up, enabled or not like any other), created on first use.

import * as v from 'valibot';
import { isIdentityKey } from '@/src/core/graph/records';
import { clipText, clipUrl, LIMITS } from '@/src/core/limits';
import { EntitySchema, entityNames, FactSchema } from '@/src/core/pack';
import { type EntityRecord, entityKey, type FactRecord } from '@/src/core/records';
import { searchTerms } from '@/src/core/search-text';
import type { GlossDb } from '@/src/db/db';
import { identitiesOf, linkIncoming, refreshIdentities } from '@/src/db/graph';
import {
  type EntityInput,
  type EntitySummary,
  type FactInput,
  MY_KNOWLEDGE_PACK,
} from '@/src/messaging/protocol';
import { resolveIdentity } from './identity-view';
import { graphTables, touchKnowledge } from './packs';

async function ensurePack(db: GlossDb): Promise<void> {
  if (await db.packs.get(MY_KNOWLEDGE_PACK)) return;
  const now = Date.now();
  await db.packs.add({
    id: MY_KNOWLEDGE_PACK,
    version: 1,
    title: 'My knowledge',
    description: 'Entities and facts you added by hand.',
    language: 'en',
    createdAt: new Date(now).toISOString(),
    enabled: true,
    bundled: false,
    installedAt: now,
    updatedAt: now,
  });
}

function ownEntity(entity: EntityRecord | undefined, key: string): EntityRecord {
  if (!entity) throw new Error(`No entity "${key}"`);
  if (entity.packId !== MY_KNOWLEDGE_PACK) {
    throw new Error(`"${entity.name}" belongs to a pack; import a new version of the pack to change it`);
  }
  return entity;
}

function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'entity'
  );
}

async function freeId(db: GlossDb, table: 'entities' | 'facts' | 'sources', base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await db[table].get(entityKey(MY_KNOWLEDGE_PACK, id)))) return id;
  }
}

function checked<T extends v.GenericSchema>(schema: T, value: unknown, what: string): v.InferOutput<T> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((item) => item.key).join('.') ?? what;
  throw new Error(`${what} ${path}: ${issue.message}`);
}

/** My knowledge's writes reach the graph too: its entities are members of identities. */
const tables = (db: GlossDb) => [
  db.packs,
  db.entities,
  db.facts,
  db.sources,
  db.bookkeeping,
  db.identities,
  db.links,
];

export async function saveEntity(db: GlossDb, input: EntityInput): Promise<EntitySummary> {
  return db.transaction('rw', tables(db), async () => {
    await ensurePack(db);
    const existing = input.key ? ownEntity(await db.entities.get(input.key), input.key) : undefined;
    const id = existing?.id ?? (await freeId(db, 'entities', slug(input.name)));
    const aliases = [...new Set(input.aliases.map((a) => a.trim()).filter(Boolean))];
    const entity = checked(
      EntitySchema,
      {
        id,
        name: input.name.trim(),
        type: input.type,
        aliases,
        description: input.description?.trim() || undefined,
        caseSensitive: input.caseSensitive || undefined,
      },
      'entity',
    );
    const record: EntityRecord = {
      ...entity,
      key: entityKey(MY_KNOWLEDGE_PACK, id),
      packId: MY_KNOWLEDGE_PACK,
      terms: searchTerms(...entityNames(entity)),
      position: existing?.position ?? (await db.entities.where('packId').equals(MY_KNOWLEDGE_PACK).count()),
    };
    await db.entities.put(record);
    // A new entity is linked like an imported one; an edited one keeps its identity, renamed maybe.
    if (existing) await refreshIdentities(graphTables(db), await identitiesOf(db, [record.key]));
    else await linkIncoming(graphTables(db), [record]);
    await touchKnowledge(db);
    return summarize(record, await db.facts.where('entityKey').equals(record.key).count());
  });
}

export async function deleteEntity(db: GlossDb, key: string): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    ownEntity(await db.entities.get(key), key);
    await db.facts.where('entityKey').equals(key).delete();
    await db.entities.delete(key);
    await refreshIdentities(graphTables(db), await identitiesOf(db, [key]));
    await touchKnowledge(db);
  });
}

export async function saveFact(db: GlossDb, input: FactInput): Promise<FactRecord> {
  return db.transaction('rw', tables(db), async () => {
    await ensurePack(db);
    const owner = isIdentityKey(input.entityKey)
      ? await ownMember(db, input.entityKey)
      : ownEntity(await db.entities.get(input.entityKey), input.entityKey);
    const existing = input.key ? await db.facts.get(input.key) : undefined;
    if (input.key && (!existing || existing.packId !== MY_KNOWLEDGE_PACK))
      throw new Error(`No fact "${input.key}" of My knowledge`);
    // Clipped to the pack format's limits: My knowledge is exported as a pack, and a source the
    // importer would refuse would make the whole pack (and the backup's copy of it) unrestorable.
    const url = clipUrl(input.sourceUrl?.trim() ?? '', LIMITS.sourceUrl) || undefined;
    const title = clipText(input.sourceTitle.trim(), LIMITS.sourceTitle);
    const sources = await db.sources.where('packId').equals(MY_KNOWLEDGE_PACK).toArray();
    let source = sources.find((s) => s.title === title && s.url === url);
    if (!source) {
      const sourceId = await freeId(db, 'sources', `source-${slug(title)}`);
      source = {
        key: entityKey(MY_KNOWLEDGE_PACK, sourceId),
        packId: MY_KNOWLEDGE_PACK,
        id: sourceId,
        title,
        url,
        position: sources.length,
      };
      checked(
        v.object({
          title: v.pipe(v.string(), v.regex(/\S/, 'blank string')),
          url: v.optional(v.pipe(v.string(), v.regex(/^https?:\/\/\S+$/i, 'not an http(s) URL'))),
        }),
        { title, url },
        'source',
      );
      await db.sources.put(source);
    }
    const id = existing?.id ?? (await freeId(db, 'facts', `${owner.id}-fact`));
    const fact = checked(
      FactSchema,
      {
        id,
        entityId: owner.id,
        sourceId: source.id,
        text: input.text.trim(),
        quote: input.quote.trim() || input.text.trim(),
      },
      'fact',
    );
    const record: FactRecord = {
      key: entityKey(MY_KNOWLEDGE_PACK, id),
      packId: MY_KNOWLEDGE_PACK,
      id,
      entityKey: owner.key,
      sourceKey: source.key,
      text: fact.text,
      quote: fact.quote,
      position: existing?.position ?? (await db.facts.where('packId').equals(MY_KNOWLEDGE_PACK).count()),
    };
    await db.facts.put(record);
    // A fact can make this member the identity's representative.
    await refreshIdentities(graphTables(db), await identitiesOf(db, [owner.key]));
    await touchKnowledge(db);
    return record;
  });
}

export async function deleteFact(db: GlossDb, key: string): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const fact = await db.facts.get(key);
    if (!fact || fact.packId !== MY_KNOWLEDGE_PACK) throw new Error(`No fact "${key}" of My knowledge`);
    await db.facts.delete(key);
    await refreshIdentities(graphTables(db), await identitiesOf(db, [fact.entityKey]));
    await touchKnowledge(db);
  });
}

/**
 * The identity's member in My knowledge, where a fact added to the identity goes: made (named like
 * the identity, linked to it by hand) when the user first adds a fact of their own.
 */
async function ownMember(db: GlossDb, identityKey: string): Promise<EntityRecord> {
  const identity = await resolveIdentity(db, identityKey);
  if (!identity?.record || identity.record.deletedAt) throw new Error(`No entity "${identityKey}"`);
  const members = (await db.entities.bulkGet(identity.memberKeys)).filter((e) => e !== undefined);
  const own = members.find((m) => m.packId === MY_KNOWLEDGE_PACK);
  if (own) return own;
  const { name, type } = identity.record;
  const id = await freeId(db, 'entities', slug(name));
  const record: EntityRecord = {
    id,
    name,
    type,
    aliases: [],
    key: entityKey(MY_KNOWLEDGE_PACK, id),
    packId: MY_KNOWLEDGE_PACK,
    terms: searchTerms(name),
    position: await db.entities.where('packId').equals(MY_KNOWLEDGE_PACK).count(),
  };
  await db.entities.put(record);
  await linkIncoming(graphTables(db), [record], new Map([[record.key, identity.id]]));
  return record;
}

export function summarize(entity: EntityRecord, factCount: number): EntitySummary {
  return {
    key: entity.key,
    packId: entity.packId,
    name: entity.name,
    type: entity.type,
    aliases: entity.aliases,
    ...(entity.description ? { description: entity.description } : {}),
    factCount,
  };
}
