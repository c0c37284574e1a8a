// The link index as the database step of linking uses it (src/db/graph.ts): built from the live
// identities' present members, or kept up to date from what a batch of links changed.
import { LinkIndex } from '@/src/core/graph/link';
import type { IdentityRecord, LinkRecord } from '@/src/core/graph/records';
import { entityNames } from '@/src/core/pack';
import type { EntityRecord } from '@/src/core/records';
import type { GraphTables } from './graph';

export const isLive = (identity: IdentityRecord | undefined) => Boolean(identity && !identity.deletedAt);

/** Live identities indexed by their present members' names and identifiers. */
export async function buildIndex(
  t: GraphTables,
  identities: ReadonlyMap<string, IdentityRecord>,
): Promise<LinkIndex> {
  const members = new Map<string, EntityRecord[]>();
  const links = new Map((await t.links.toArray()).map((l) => [l.entityKey, l.identityId]));
  // Pages of whole records by key: a cursor (each) costs a request per entity, 100,000 of them.
  for (let after: string | undefined; ; ) {
    const page = await (after === undefined
      ? t.entities.toCollection()
      : t.entities.where(':id').above(after)
    )
      .limit(ENTITY_PAGE)
      .toArray();
    for (const entity of page) {
      const id = links.get(entity.key);
      const identity = id ? identities.get(id) : undefined;
      if (!identity || !isLive(identity)) continue;
      const found = members.get(identity.id);
      if (found) found.push(entity);
      else members.set(identity.id, [entity]);
    }
    if (page.length < ENTITY_PAGE) break;
    after = page[page.length - 1]?.key;
  }
  const index = new LinkIndex();
  for (const [id, own] of members) index.add(indexEntry(identities.get(id) as IdentityRecord, own));
  return index;
}

const ENTITY_PAGE = 5_000;

/** An identity as the link index holds it: its name and type, its members' names and identifiers. */
export function indexEntry(identity: IdentityRecord, members: readonly EntityRecord[]) {
  const names = members.flatMap((m) => [...entityNames(m), ...Object.values(m.labels ?? {}).flat()]);
  return {
    id: identity.id,
    name: identity.name,
    type: identity.type,
    aliases: [...new Set(names)],
    sameAs: [...new Set(members.flatMap((m) => m.sameAs ?? []))],
    members: members.map((m) => m.key),
  };
}

/**
 * Members of these identities once the batch's links are in, from the index (its members are the
 * present ones before the batch): no link rows to read. Identities the index lacks are left out.
 */
export function membersAfter(
  index: LinkIndex,
  ids: readonly string[],
  links: readonly LinkRecord[],
  existing: ReadonlyMap<string, LinkRecord>,
): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const id of ids) {
    const indexed = index.get(id);
    if (indexed) out.set(id, new Set(indexed.members ?? []));
  }
  for (const link of links) {
    const old = existing.get(link.entityKey);
    if (old && old.identityId !== link.identityId) out.get(old.identityId)?.delete(link.entityKey);
    out.get(link.identityId)?.add(link.entityKey);
  }
  // In key order, as the link rows would come.
  return new Map([...out].map(([id, keys]) => [id, [...keys].sort()]));
}
