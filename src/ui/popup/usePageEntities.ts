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
    sendMessage('getEntities', { keys: missing })
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
