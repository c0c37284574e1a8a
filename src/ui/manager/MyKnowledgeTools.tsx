import { useState } from 'preact/hooks';
import { type EntityView, sendMessage } from '@/src/messaging/protocol';
import { errorText } from '../hooks/useLive';
import { ConfirmDialog } from './ConfirmDialog';
import { EntityForm } from './EntityForm';
import { FactForm } from './FactForm';

type Editing = { kind: 'entity' } | { kind: 'fact'; key: string | null } | { kind: 'delete-entity' } | null;

/** Editing a "My knowledge" entity by hand: its names, its facts, or the entity itself. */
export function MyKnowledgeTools({ view }: { view: EntityView }) {
  const { entity, facts } = view;
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const done = () => setEditing(null);

  const removeFact = async (key: string) => {
    setError(null);
    try {
      await sendMessage('deleteFact', { key });
    } catch (caught) {
      setError(errorText(caught, 'The fact could not be deleted.'));
    }
  };

  return (
    <section class="gloss-panel" aria-labelledby="my-knowledge-heading">
      <h2 id="my-knowledge-heading">Edit (My knowledge)</h2>
      {editing?.kind === 'entity' ? (
        <EntityForm entity={entity} onSaved={done} onCancel={done} />
      ) : (
        <div class="gloss-actions">
          <button type="button" class="gloss-button" onClick={() => setEditing({ kind: 'entity' })}>
            Edit name, aliases and description
          </button>
          <button type="button" class="gloss-button" onClick={() => setEditing({ kind: 'fact', key: null })}>
            Add a fact
          </button>
          <button
            type="button"
            class="gloss-button gloss-button-danger"
            onClick={() => setEditing({ kind: 'delete-entity' })}
          >
            Delete entity…
          </button>
        </div>
      )}
      {editing?.kind === 'fact' && editing.key === null && <FactForm entityKey={entity.key} onDone={done} />}
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      {facts.length > 0 && (
        <ul class="gloss-list gloss-fact-admin" aria-label="Facts to edit">
          {facts.map((fact) => (
            <li key={fact.key} class="gloss-fact">
              {editing?.kind === 'fact' && editing.key === fact.key ? (
                <FactForm entityKey={entity.key} fact={fact} onDone={done} />
              ) : (
                <FactToEdit
                  text={fact.text}
                  onEdit={() => setEditing({ kind: 'fact', key: fact.key })}
                  onDelete={() => removeFact(fact.key)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {editing?.kind === 'delete-entity' && (
        <ConfirmDialog
          title={`Delete “${entity.name}”?`}
          confirmLabel="Delete entity"
          onConfirm={async () => {
            await sendMessage('deleteEntity', { key: entity.key });
            location.hash = '#knowledge';
          }}
          onClose={done}
        >
          <p>Its facts are deleted too. Your notes about it are kept and shown as orphaned.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

/** One fact of the entity, with Edit and Delete. */
function FactToEdit(props: { text: string; onEdit(): void; onDelete(): void }) {
  return (
    <>
      <p dir="auto">{props.text}</p>
      <div class="gloss-actions">
        <button type="button" class="gloss-button gloss-button-small" onClick={props.onEdit}>
          Edit fact
        </button>
        <button
          type="button"
          class="gloss-button gloss-button-small gloss-button-danger"
          onClick={props.onDelete}
        >
          Delete fact
        </button>
      </div>
    </>
  );
}
