import { type EntityView, sendMessage } from '@/src/messaging/protocol';
import { type Change, type Live, useLive } from './useLive';

export interface EntityNotes {
  /** The entity with its facts and notes, or null when it is no longer in the knowledge base. */
  live: Live<EntityView | null>;
  addNote(text: string): Promise<unknown>;
  /** `baseVersion`: the note's updatedAt when editing began; a newer save elsewhere is a conflict. */
  editNote(id: string, text: string, baseVersion?: number): Promise<unknown>;
  deleteNote(id: string): Promise<unknown>;
}

/**
 * One entity's card data for the popup and the manager, kept current, and what its notes can do.
 * Notes written here are about no page (the popup and the manager are not one), so both store the
 * same empty page and title. After each change the card reloads at once rather than waiting for
 * the change signal to come round.
 */
export function useEntityNotes(entityKey: string): EntityNotes {
  const live: Live<EntityView | null> = useLive(
    () => sendMessage('getEntity', { key: entityKey }),
    [entityKey],
    (change: Change) =>
      change.kind === 'knowledge' ||
      (change.kind === 'notes' &&
        (!change.entityKey || change.entityKey === entityKey || change.entityKey === identityOf(live))),
  );
  // Notes attach to the identity, so they follow it whichever pack entity was asked for.
  const owner = () => identityOf(live) ?? entityKey;
  const after = async <R>(action: Promise<R>) => {
    const result = await action;
    await live.reload();
    return result;
  };
  return {
    live,
    addNote: (text) =>
      after(sendMessage('createNote', { entityKey: owner(), text, pageUrl: '', pageTitle: '', quote: '' })),
    editNote: (id, text, baseVersion) => after(sendMessage('updateNote', { id, text, baseVersion })),
    deleteNote: (id) => after(sendMessage('deleteNote', { id })),
  };
}

const identityOf = (live: Live<EntityView | null>) =>
  live.status === 'ready' ? live.data?.identity.id : undefined;
