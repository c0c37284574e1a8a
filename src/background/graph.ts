// The knowledge graph's write side for people: manual links and unlinks, the review's link
// preview, and the "seen on" history.
import { LinkIndex } from '@/src/core/graph/link';
import { newIdentityId } from '@/src/core/graph/records';
import type { Pack } from '@/src/core/pack';
import { entityKey } from '@/src/core/records';
import type { GlossDb } from '@/src/db/db';
import type { LinkPreview } from '@/src/messaging/protocol';
import { resolveIdentity } from './identity-view';

/** Links one entity to an identity by hand, or (to null) sets it apart in an identity of its own. */
export async function linkEntity(db: GlossDb, key: string, to: string | null): Promise<void> {
  await db.transaction('rw', [db.identities, db.links, db.entities], async () => {
    const entity = await db.entities.get(key);
    if (!entity) throw new Error(`No entity "${key}" to link`);
    const now = Date.now();
    let identityId: string;
    if (to === null) {
      identityId = newIdentityId();
      await db.identities.add({
        id: identityId,
        name: entity.name,
        type: entity.type,
        sameAs: entity.sameAs ?? [],
        createdAt: now,
        updatedAt: now,
      });
    } else {
      const target = await resolveIdentity(db, to);
      if (!target?.record) throw new Error(`No entity "${to}" to link to`);
      identityId = target.id;
    }
    const old = await db.links.get(key);
    await db.links.put({
      entityKey: key,
      identityId,
      manual: true,
      rule: 'manual',
      createdAt: old?.createdAt ?? now,
      updatedAt: now,
    });
  });
}

/** How each entity of a draft pack would land, by pack entity id. */
export async function previewLinks(db: GlossDb, pack: Pack): Promise<Record<string, LinkPreview>> {
  const identities = await db.identities.filter((i) => !i.deletedAt).toArray();
  const index = new LinkIndex(identities.map((i) => ({ ...i, aliases: [] })));
  const out: Record<string, LinkPreview> = {};
  const target = (id: string) => {
    const found = identities.find((i) => i.id === id);
    return { key: id, name: found?.name ?? id, type: found?.type ?? 'other', factCount: 0, sourceCount: 0 };
  };
  for (const entity of pack.entities) {
    const decision = index.decide(entity);
    const key = entityKey(pack.pack.id, entity.id);
    if (decision.kind === 'link')
      out[entity.id] = { decision: 'link', identity: target(decision.identityId), rule: decision.rule };
    else if (decision.kind === 'propose')
      out[entity.id] = {
        decision: 'propose',
        candidates: decision.candidates.map((c) => target(c.identityId)),
      };
    else out[entity.id] = { decision: 'new' };
    void key;
  }
  return out;
}

/** Forgets every page Gloss marked an entity on. */
export async function clearHistory(db: GlossDb): Promise<void> {
  await db.sightings.clear();
}
