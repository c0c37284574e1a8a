import { MY_KNOWLEDGE_PACK } from '@/src/messaging/protocol';
import { EntityCard } from '../EntityCard';
import { useEntityNotes } from '../hooks/useEntityNotes';
import { MyKnowledgeTools } from './MyKnowledgeTools';

/** #entity/<key>: the entity's card (facts, sources, notes) and, for "My knowledge", editing. */
export function EntityPage({ entityKey }: { entityKey: string }) {
  const { live, addNote, editNote, deleteNote } = useEntityNotes(entityKey);

  return (
    <>
      <p class="gloss-breadcrumb">
        <a class="gloss-link" href="#knowledge">
          ← Knowledge
        </a>
      </p>
      {live.status === 'loading' && <p class="gloss-muted">Loading…</p>}
      {live.status === 'error' && <p class="gloss-error">Could not read this entity: {live.message}</p>}
      {live.status === 'ready' && live.data === null && (
        <>
          <h1>Entity not found</h1>
          <p class="gloss-empty">
            No entity “<bdi>{entityKey}</bdi>” in the knowledge base: its pack may have been removed. Notes
            about it are kept under Notes, marked orphaned.
          </p>
        </>
      )}
      {live.status === 'ready' && live.data && (
        <div class="gloss-entity-page">
          <h1 class="gloss-visually-hidden">{live.data.entity.name}</h1>
          <EntityCard
            // Another entity is another card: no form of the last one stays open.
            key={live.data.entity.key}
            view={live.data}
            onAddNote={addNote}
            onEditNote={editNote}
            onDeleteNote={deleteNote}
          />
          {live.data.entity.packId === MY_KNOWLEDGE_PACK ? (
            <MyKnowledgeTools view={live.data} />
          ) : (
            <p class="gloss-panel gloss-muted">
              This entity comes from the pack “<bdi>{live.data.pack.title}</bdi>”. Pack entities and their
              facts are changed by importing a new version of the pack; your own entities (in My knowledge)
              can be edited here.
            </p>
          )}
        </div>
      )}
    </>
  );
}
