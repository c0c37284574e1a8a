import { useState } from 'preact/hooks';
import { sendMessage } from '@/src/messaging/protocol';
import { typeLabel } from '../format';
import { useDebouncedQuery } from '../hooks/useDebouncedQuery';
import { useLive } from '../hooks/useLive';
import { entityHref } from './route';

const PAGE = 50;

/** Every entity, one row per real thing however many packs know it, searchable by name or alias, 50 at a time. */
export function EntityBrowser() {
  const [typed, setTyped] = useState('');
  const { query } = useDebouncedQuery(typed);
  // A page number belongs to its query: a new query starts at the first page.
  const [paging, setPaging] = useState({ query, offset: 0 });
  const offset = paging.query === query ? paging.offset : 0;
  const setOffset = (next: number) => setPaging({ query, offset: next });

  const live = useLive(() => sendMessage('listIdentities', { query, offset, limit: PAGE }), [query, offset]);
  const total = live.status === 'ready' ? live.data.total : 0;
  const entities = live.status === 'ready' ? live.data.entities : [];
  const last = Math.min(offset + PAGE, total);

  return (
    <div class="gloss-browser">
      <label class="gloss-field gloss-field-wide">
        <span class="gloss-label">Find an entity</span>
        <input
          class="gloss-input"
          type="search"
          value={typed}
          placeholder="Name or alias"
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
      </label>
      {live.status === 'error' && <p class="gloss-error">Could not list entities: {live.message}</p>}
      <p class="gloss-muted" aria-live="polite">
        {live.status === 'ready' &&
          (total === 0
            ? 'No entities match.'
            : `Entities ${offset + 1}–${last} of ${total.toLocaleString('en')}`)}
      </p>
      <ul class="gloss-list gloss-entity-list">
        {entities.map((entity) => (
          <li key={entity.key}>
            <a class="gloss-entity-link" href={entityHref(entity.key)}>
              <bdi class="gloss-entity-name">{entity.name}</bdi>
              <span class="gloss-type">{typeLabel(entity.type)}</span>
              <span class="gloss-muted">
                {entity.factCount} {entity.factCount === 1 ? 'fact' : 'facts'}
              </span>
            </a>
            {entity.aliases.length > 0 && (
              <span class="gloss-muted gloss-aliases">
                Also: <bdi>{entity.aliases.join(', ')}</bdi>
              </span>
            )}
          </li>
        ))}
      </ul>
      {total > PAGE && (
        <nav class="gloss-actions" aria-label="Entity pages">
          <button
            type="button"
            class="gloss-button gloss-button-small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            Previous
          </button>
          <button
            type="button"
            class="gloss-button gloss-button-small"
            disabled={last >= total}
            onClick={() => setOffset(offset + PAGE)}
          >
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
