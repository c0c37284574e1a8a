// Building the link index before an import needs it. The first import after the browser starts
// would otherwise build it inside its transaction: every entity, link and fact read, seconds at
// 100,000 identities. The manager's import view asks for it when it opens; the build runs in short
// read transactions and yields between pages and slices, so messages are answered meanwhile, and
// it is kept only if the knowledge did not change while it ran.

import type { IdentityRecord } from '@/src/core/graph/records';
import { type AliasLoad, addLoad, aliasLoad } from '@/src/core/pack';
import type { EntityRecord } from '@/src/core/records';
import type { GlossDb } from '@/src/db/db';
import { measure } from '@/src/db/graph';
import { buildIndex, eachPage } from '@/src/db/link-index';
import { keepIndex, peekIndex, warmOnce } from './kept-knowledge';
import { graphTables, knowledgeRevision } from './packs';

/** Builds and keeps the link index unless one is kept for the current knowledge; one build at a time. */
export function warmLinkIndex(db: GlossDb): Promise<void> {
  return warmOnce(db, () => build(db));
}

/** Records read at a time: each page is a stretch the background answers nothing (a tenth of a second or so). */
const WARM_PAGE = 1_000;

/** A macrotask's pause: lets the service worker answer messages between pages of the build. */
const yieldToEvents = () => new Promise<void>((done) => setTimeout(done, 0));

async function build(db: GlossDb): Promise<void> {
  const revision = await knowledgeRevision(db);
  if (peekIndex(db, revision)) return;
  const started = performance.now();
  const options = { pause: yieldToEvents, pageSize: WARM_PAGE };
  const identities = new Map<string, IdentityRecord>();
  await eachPage(
    db.identities,
    (i) => i.id,
    (page) => {
      for (const identity of page) identities.set(identity.id, identity);
    },
    options,
  );
  // The alias caps an import checks are counted per pack from the same entities.
  const loads = new Map<string, AliasLoad>();
  const visit = (entities: readonly EntityRecord[]) => {
    const byPack = new Map<string, EntityRecord[]>();
    for (const entity of entities) {
      const list = byPack.get(entity.packId);
      if (list) list.push(entity);
      else byPack.set(entity.packId, [entity]);
    }
    for (const [packId, list] of byPack) {
      const sum = loads.get(packId);
      if (sum) addLoad(sum, aliasLoad(list));
      else loads.set(packId, aliasLoad(list));
    }
  };
  const index = await buildIndex(graphTables(db), identities, { ...options, visit });
  // Any change to knowledge bumps the revision (each read above was a transaction of its own).
  if ((await knowledgeRevision(db)) !== revision) return;
  keepIndex(db, revision, index, loads);
  measure('warm:index', started);
}
