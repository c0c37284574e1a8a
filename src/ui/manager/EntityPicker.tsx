import { useId, useState } from 'preact/hooks';
import { type EntitySummary, sendMessage } from '@/src/messaging/protocol';
import { typeLabel } from '../format';
import { useDebouncedQuery } from '../hooks/useDebouncedQuery';
import { errorText, useLive } from '../hooks/useLive';
import { useFocusOnMount } from './focus';

export interface EntityPickerProps {
  label: string;
  onPick(entity: EntitySummary): Promise<unknown>;
  onCancel(): void;
}

/**
 * Search entities by name and pick one, one per real thing however many packs know it (attaching a
 * note, linking an entity, correcting a mention): its key is an identity's.
 */
export function EntityPicker({ label, onPick, onCancel }: EntityPickerProps) {
  const id = useId();
  const focusRef = useFocusOnMount<HTMLInputElement>();
  const [query, setQuery] = useState('');
  const settled = useDebouncedQuery(query).query;
  const live = useLive(() => sendMessage('listIdentities', { query: settled, limit: 8 }), [settled]);
  const results = live.status === 'ready' ? live.data.entities : [];
  const [pickError, setError] = useState<string | null>(null);
  const error = pickError ?? (live.status === 'error' ? `Could not search entities. ${live.message}` : null);
  const [busy, setBusy] = useState(false);

  const pick = async (entity: EntitySummary) => {
    setBusy(true);
    setError(null);
    try {
      await onPick(entity);
    } catch (caught) {
      setError(errorText(caught, 'That did not work.'));
      setBusy(false);
    }
  };

  return (
    <div class="gloss-picker">
      <label id={`${id}-label`} class="gloss-label" for={`${id}-query`}>
        {label}
      </label>
      <div class="gloss-row">
        <input
          id={`${id}-query`}
          class="gloss-input"
          type="search"
          value={query}
          ref={focusRef}
          placeholder="Type a name"
          onInput={(event) => setQuery(event.currentTarget.value)}
          onKeyDown={(event) => {
            // Esc in a search box first clears it; on an empty box it closes the picker.
            if (event.key === 'Escape' && !query) {
              event.preventDefault();
              onCancel();
            }
          }}
        />
        <button type="button" class="gloss-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      <ul class="gloss-list gloss-picker-results" aria-label="Matching entities">
        {results.map((entity) => (
          <li key={entity.key}>
            <button type="button" class="gloss-choice" disabled={busy} onClick={() => pick(entity)}>
              <bdi class="gloss-choice-name">{entity.name}</bdi>{' '}
              <span class="gloss-type">{typeLabel(entity.type)}</span>
              {entity.description && <span class="gloss-choice-description">{entity.description}</span>}
            </button>
          </li>
        ))}
      </ul>
      <p class="gloss-visually-hidden" aria-live="polite">
        {results.length} matching {results.length === 1 ? 'entity' : 'entities'}
      </p>
    </div>
  );
}
