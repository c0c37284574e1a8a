import type { SearchResult } from '@/src/messaging/protocol';
import { typeLabel } from '../format';
import type { SearchState } from './useSearch';

const KIND_LABEL: Record<SearchResult['kind'], string> = {
  entity: 'Also known as',
  fact: 'Fact',
  note: 'Note',
};

export interface SearchResultsProps {
  search: SearchState;
  onOpen(entityKey: string): void;
}

/** Search hits, one button each; a hit opens its entity's card. */
export function SearchResults({ search, onOpen }: SearchResultsProps) {
  return (
    <section class="gloss-popup-section" aria-labelledby="gloss-results">
      <h2 id="gloss-results" class="gloss-section-heading">
        Search results
      </h2>
      <div role="status" class="gloss-muted">
        {search.status === 'searching' && 'Searching…'}
        {search.status === 'done' &&
          search.results.length === 0 &&
          `Nothing in your knowledge base or notes matches “${search.query}”.`}
        {search.status === 'error' && <span class="gloss-error">Search failed: {search.message}</span>}
      </div>
      {search.status === 'done' && search.results.length > 0 && (
        <ul class="gloss-list" data-testid="search-results">
          {search.results.map((result, index) => (
            <li key={`${result.kind}:${result.entityKey}:${index}`}>
              <button
                type="button"
                class="gloss-popup-item gloss-popup-result"
                data-entity-key={result.entityKey}
                onClick={() => onOpen(result.entityKey)}
              >
                <span class="gloss-popup-result-head">
                  <bdi class="gloss-popup-item-name">{result.entityName}</bdi>
                  {result.entityType && <span class="gloss-type">{typeLabel(result.entityType)}</span>}
                </span>
                {result.kind !== 'entity' || result.snippet !== result.entityName ? (
                  <span class="gloss-snippet">
                    <span class="gloss-popup-kind">{KIND_LABEL[result.kind]}: </span>
                    <bdi>{result.snippet}</bdi>
                  </span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
