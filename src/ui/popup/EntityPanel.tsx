import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type EntityView, sendMessage } from '@/src/messaging/protocol';
import { EntityCard } from '../EntityCard';
import { latestOnly } from './latest';
import { useChangeSignal } from './useStorage';

type Loaded =
  | { status: 'loading' }
  | { status: 'ready'; view: EntityView | null }
  | { status: 'error'; message: string };

export interface EntityPanelProps {
  entityKey: string;
  onBack(): void;
}

/** One entity's card inside the popup, with its notes kept current, and a way back. */
export function EntityPanel({ entityKey, onBack }: EntityPanelProps) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const backRef = useRef<HTMLButtonElement>(null);

  const load = useMemo(
    () =>
      latestOnly(
        () => sendMessage('getEntity', { key: entityKey }),
        (view) => setLoaded({ status: 'ready', view }),
        (error) => setLoaded({ status: 'error', message: error.message }),
      ),
    [entityKey],
  );
  useEffect(() => {
    void load();
    backRef.current?.focus();
  }, [load]);
  useChangeSignal((change) => {
    if (change.kind === 'knowledge' || !change.entityKey || change.entityKey === entityKey) void load();
  });

  // Each change also reloads at once, so the card never waits for the change signal to round-trip.
  const after = (action: Promise<unknown>) => action.then((result) => load().then(() => result));

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
      {loaded.status === 'loading' && <p class="gloss-muted">Loading…</p>}
      {loaded.status === 'error' && (
        <p class="gloss-error" role="alert">
          Gloss could not read this entity: <bdi>{loaded.message}</bdi>
        </p>
      )}
      {loaded.status === 'ready' && !loaded.view && (
        <p class="gloss-muted">This entity is no longer in your knowledge base.</p>
      )}
      {loaded.status === 'ready' && loaded.view && (
        <EntityCard
          view={loaded.view}
          key={loaded.view.identity.id}
          onAddNote={(text) =>
            after(
              sendMessage('createNote', {
                // Notes attach to the identity, so they follow it whichever pack entity was asked for.
                entityKey: identityOf(loaded) ?? entityKey,
                text,
                pageUrl: '',
                pageTitle: 'Gloss popup',
                quote: '',
              }),
            )
          }
          onEditNote={(id, text) => after(sendMessage('updateNote', { id, text }))}
          onDeleteNote={(id) => after(sendMessage('deleteNote', { id }))}
          onClose={onBack}
        />
      )}
    </div>
  );
}

const identityOf = (loaded: Loaded) => (loaded.status === 'ready' ? loaded.view?.identity.id : undefined);
