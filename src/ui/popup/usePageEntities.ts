import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageEntityCount } from '@/src/messaging/content-protocol';
import { type EntitySummary, sendMessage } from '@/src/messaging/protocol';
import { useChangeSignal } from './useStorage';

export interface PageEntity {
  entity: EntitySummary;
  count: number;
}

/**
 * The page's mention counts joined with the entities' names and types. Summaries are fetched
 * once per key (the page is asked every second) and forgotten when the knowledge changes.
 */
export function usePageEntities(counts: PageEntityCount[]): PageEntity[] {
  const known = useRef(new Map<string, EntitySummary | null>());
  const [version, setVersion] = useState(0);
  const missing = counts.map((c) => c.entityKey).filter((key) => !known.current.has(key));
  const missingKey = missing.join('\n');

  useChangeSignal((change) => {
    if (change.kind !== 'knowledge') return;
    known.current.clear();
    setVersion((v) => v + 1);
  });

  // Keyed by the missing keys as one string: the page is asked every second with a fresh array.
  useEffect(() => {
    if (missing.length === 0) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    summaries(missing)
      .then((entities) => {
        if (!live) return;
        for (const key of missing) known.current.set(key, null); // Unknown keys stay out of the list.
        for (const entity of entities) known.current.set(entity.key, entity);
        setVersion((v) => v + 1);
      })
      .catch(() => {
        // The background may be starting up: ask again in a moment.
        retry = setTimeout(() => live && setVersion((v) => v + 1), 1000);
      });
    return () => {
      clearTimeout(retry);
      live = false;
    };
  }, [missingKey, version]);

  return counts.flatMap(({ entityKey, count }) => {
    const entity = known.current.get(entityKey);
    return entity ? [{ entity, count }] : [];
  });
}

/**
 * Summaries of the page's keys. Mentions carry identity ids; an id the summary call does not know
 * is asked for as a card view (getEntity resolves identities) and summed up from that.
 */
async function summaries(keys: string[]): Promise<EntitySummary[]> {
  const entities = await sendMessage('getEntities', { keys });
  const found = new Set(entities.map((entity) => entity.key));
  const rest = keys.filter((key) => !found.has(key));
  const views = await Promise.all(rest.map((key) => sendMessage('getEntity', { key })));
  return [
    ...entities,
    ...views.flatMap((view, i) =>
      view
        ? [
            {
              key: rest[i] ?? view.identity.id,
              packId: view.entity.packId,
              name: view.entity.name,
              type: view.entity.type,
              aliases: view.entity.aliases,
              ...(view.entity.description ? { description: view.entity.description } : {}),
              factCount: view.facts.length,
            },
          ]
        : [],
    ),
  ];
}
