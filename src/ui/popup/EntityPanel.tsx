import { useEffect, useRef } from 'preact/hooks';
import { EntityCard } from '../EntityCard';
import { useEntityNotes } from '../hooks/useEntityNotes';

export interface EntityPanelProps {
  entityKey: string;
  onBack(): void;
}

/** One entity's card inside the popup, with its notes kept current, and a way back. */
export function EntityPanel({ entityKey, onBack }: EntityPanelProps) {
  const { live, addNote, editNote, deleteNote } = useEntityNotes(entityKey);
  const backRef = useRef<HTMLButtonElement>(null);
  useEffect(() => backRef.current?.focus(), [entityKey]);

  return (
    <div class="gloss-popup-entity" data-testid="entity-panel">
      <button
        type="button"
        ref={backRef}
        class="gloss-button gloss-button-small gloss-popup-back"
        onClick={onBack}
      >
        <span aria-hidden="true">←</span>Back
      </button>
      {live.status === 'loading' && <p class="gloss-muted">Loading…</p>}
      {live.status === 'error' && (
        <p class="gloss-error" role="alert">
          Gloss could not read this entity: <bdi>{live.message}</bdi>
        </p>
      )}
      {live.status === 'ready' && !live.data && (
        <p class="gloss-muted">This entity is no longer in your knowledge base.</p>
      )}
      {live.status === 'ready' && live.data && (
        <EntityCard
          // Another entity is another card: no form of the last one stays open.
          key={live.data.identity.id}
          view={live.data}
          onAddNote={addNote}
          onEditNote={editNote}
          onDeleteNote={deleteNote}
          onClose={onBack}
        />
      )}
    </div>
  );
}
