import { useEffect, useRef, useState } from 'preact/hooks';
import type { NoteRecord } from '@/src/core/records';
import { formatAbsolute, formatNoteDate, isoTimestamp } from '../format';
import { NoteForm } from '../NoteForm';
import { NotePage } from '../NotePage';
import { draftKeys } from '../note-drafts';

export interface NoteItemProps {
  note: NoteRecord;
  now: number | undefined;
  editing: boolean;
  onStartEdit: (() => void) | undefined;
  onSave: ((text: string, baseVersion?: number) => Promise<unknown>) | undefined;
  onCloseForm(): void;
  onDelete: (() => Promise<unknown>) | undefined;
  onDeleted(): void;
}

/** One note: its text, page and date, edited in place or deleted after a question. */
export function NoteItem({
  note,
  now,
  editing,
  onStartEdit,
  onSave,
  onCloseForm,
  onDelete,
  onDeleted,
}: NoteItemProps) {
  const deletion = useNoteDeletion(onDelete, onDeleted);

  if (editing && onSave) {
    return (
      <li class="gloss-note" data-note-id={note.id}>
        <NoteForm
          initialText={note.text}
          baseVersion={note.updatedAt}
          draftKey={draftKeys.edit(note.id)}
          onSave={onSave}
          onSaved={onCloseForm}
          onCancel={onCloseForm}
        />
      </li>
    );
  }

  return (
    <li class="gloss-note" data-note-id={note.id}>
      <p class="gloss-note-text" dir="auto">
        {note.text}
      </p>
      <p class="gloss-note-meta">
        <NotePage note={note} />
        <time dateTime={isoTimestamp(note.createdAt)} title={formatAbsolute(note.createdAt)}>
          {formatNoteDate(note.createdAt, now)}
        </time>
      </p>
      {deletion.error && (
        <p class="gloss-error" role="alert">
          <bdi>{deletion.error}</bdi>
        </p>
      )}
      {(onStartEdit || onDelete) && (
        <div class="gloss-actions">
          {deletion.confirming ? (
            <DeleteQuestion deletion={deletion} />
          ) : (
            <>
              {onStartEdit && (
                <button
                  type="button"
                  class="gloss-button gloss-button-small gloss-note-edit"
                  aria-label="Edit note"
                  onClick={onStartEdit}
                >
                  Edit
                </button>
              )}
              {onDelete && (
                <button
                  type="button"
                  ref={deletion.deleteRef}
                  class="gloss-button gloss-button-small gloss-note-delete"
                  aria-label="Delete note"
                  onClick={() => deletion.setConfirming(true)}
                >
                  Delete
                </button>
              )}
            </>
          )}
        </div>
      )}
    </li>
  );
}

type NoteDeletion = ReturnType<typeof useNoteDeletion>;

/** Deleting a note after a question: whether it is being asked, the delete itself, its error. */
function useNoteDeletion(onDelete: (() => Promise<unknown>) | undefined, onDeleted: () => void) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the question: onto "Delete" when asked, back to the note's Delete button after "Keep".
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const remove = async () => {
    if (!onDelete || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      onDeleted();
    } catch (caught) {
      setError((caught instanceof Error && caught.message) || 'The note could not be deleted.');
      setBusy(false);
    }
  };

  return { confirming, setConfirming, busy, error, confirmRef, deleteRef, remove };
}

/** "Delete this note?" with Delete and Keep; Esc keeps it. */
function DeleteQuestion({ deletion }: { deletion: NoteDeletion }) {
  const { busy, setConfirming } = deletion;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || busy) return;
    // Esc answers "keep" and must not also close the popover.
    event.preventDefault();
    event.stopPropagation();
    setConfirming(false);
  };
  return (
    <fieldset class="gloss-confirm" onKeyDown={onKeyDown}>
      <legend class="gloss-muted">Delete this note?</legend>
      <button
        type="button"
        ref={deletion.confirmRef}
        class="gloss-button gloss-button-small gloss-button-danger"
        disabled={busy}
        onClick={deletion.remove}
      >
        Delete
      </button>
      <button
        type="button"
        class="gloss-button gloss-button-small"
        disabled={busy}
        onClick={() => setConfirming(false)}
      >
        Keep
      </button>
    </fieldset>
  );
}
