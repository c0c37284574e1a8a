// The knowledge graph's write side for people: manual links and unlinks, and the review's preview
// of how a capture would link.
import type { LinkIndex } from '@/src/core/graph/link';
import { mergeFacts } from '@/src/core/graph/members';
import type { IdentityRecord } from '@/src/core/graph/records';
import type { Pack } from '@/src/core/pack';
import { entityKey } from '@/src/core/records';
import type { GlossDb } from '@/src/db/db';
import { linkIncoming } from '@/src/db/graph';
import { buildIndex } from '@/src/db/link-index';
import type { LinkPreview, LinkTarget } from '@/src/messaging/protocol';
import { liveIdentity } from './identity-view';
import { keepIndex, peekIndex } from './kept-knowledge';
import { graphTables, knowledgeRevision, packTables, touchKnowledge } from './packs';

/**
 * Links one entity to an identity by hand (`to`: an identity or entity key), or (to null) sets it
 * apart in an identity of its own. The choice is a manual link row: pack upgrades and automatic
 * linking keep it, backups carry it. An identity emptied by the move points to where it went.
 */
export async function linkEntity(db: GlossDb, key: string, to: string | null): Promise<void> {
  await db.transaction('rw', packTables(db), async () => {
    const entity = await db.entities.get(key);
    if (!entity) throw new Error(`No entity "${key}" to link`);
    if (to !== null && !(await liveIdentity(db, to))) throw new Error(`No entity "${to}" to link to`);
    await linkIncoming(graphTables(db), [entity], new Map([[key, to]]));
    await touchKnowledge(db);
  });
}

/** How each entity of a draft pack would land, by pack entity id: what saving it would do. */
export async function previewLinks(db: GlossDb, pack: Pack): Promise<Record<string, LinkPreview>> {
  return db.transaction('r', [db.entities, db.facts, db.identities, db.links, db.bookkeeping], async () => {
    const identities = new Map((await db.identities.toArray()).map((i) => [i.id, i]));
    const targets = new Map<string, LinkTarget>();
    const target = async (id: string): Promise<LinkTarget> => {
      const known = targets.get(id);
      if (known) return known;
      const identity = identities.get(id);
      const members = (await db.links.where('identityId').equals(id).primaryKeys()) as string[];
      const facts = await db.facts.where('entityKey').anyOf(members).toArray();
      const made: LinkTarget = {
        key: id,
        name: identity?.name ?? id,
        type: identity?.type ?? 'other',
        // As the card counts them: a fact stated by several sources once.
        factCount: mergeFacts(facts, new Map()).length,
        sourceCount: new Set(facts.map((f) => f.sourceKey)).size,
      };
      targets.set(id, made);
      return made;
    };
    const existing = await db.links.bulkGet(pack.entities.map((e) => entityKey(pack.pack.id, e.id)));
    let index: LinkIndex | undefined;
    const out: Record<string, LinkPreview> = {};
    for (const [i, entity] of pack.entities.entries()) {
      // Saving again a pack already in (same id): its entities keep their identities.
      const link = existing[i];
      if (link && !identities.get(link.identityId)?.deletedAt && identities.has(link.identityId)) {
        out[entity.id] = { decision: 'link', identity: await target(link.identityId), rule: link.rule };
        continue;
      }
      index ??= await keptOrBuilt(db, identities);
      const decision = index.decide(entity);
      if (decision.kind === 'link') {
        out[entity.id] = {
          decision: 'link',
          identity: await target(decision.identityId),
          rule: decision.rule,
        };
      } else if (decision.kind === 'propose') {
        const candidates = [];
        for (const c of decision.candidates) candidates.push(await target(c.identityId));
        out[entity.id] = { decision: 'propose', candidates, rule: decision.candidates[0]?.rule };
      } else {
        out[entity.id] = { decision: 'new' };
      }
    }
    return out;
  });
}

/** The index the next import will link against, if one is kept; else built, and kept for that import. */
async function keptOrBuilt(db: GlossDb, identities: ReadonlyMap<string, IdentityRecord>): Promise<LinkIndex> {
  const revision = await knowledgeRevision(db);
  const kept = peekIndex(db, revision);
  if (kept) return kept;
  const built = await buildIndex(graphTables(db), identities);
  keepIndex(db, revision, built);
  return built;
}
