import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type NoteView, sendMessage } from '@/src/messaging/protocol';
import { formatAbsolute, formatNoteDate, isoTimestamp } from '../format';
import { NoteForm } from '../NoteForm';
import { NotePage } from '../NotePage';
import { draftKeys } from '../note-drafts';
import { EntityPicker } from './EntityPicker';
import { entityHref } from './route';

export interface NoteRowProps {
  note: NoteView;
  selected: boolean;
  onSelect(selected: boolean): void;
  onDelete(note: NoteView): void;
  now: number;
}

type Mode = 'view' | 'edit' | 'reattach';

const preview = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/** One note in the manager: what it is about, where it was written, the text; edit in place. */
export function NoteRow({ note, selected, onSelect, onDelete, now }: NoteRowProps) {
  const [mode, setMode] = useState<Mode>('view');
  const editRef = useRef<HTMLButtonElement>(null);
  const reattachRef = useRef<HTMLButtonElement>(null);
  const lastMode = useRef<Mode>('view');

  // Back to the button that opened the form, not to <body>.
  useEffect(() => {
    if (mode === 'view' && lastMode.current === 'edit') editRef.current?.focus();
    if (mode === 'view' && lastMode.current === 'reattach') reattachRef.current?.focus();
    lastMode.current = mode;
  }, [mode]);

  const close = () => setMode('view');

  return (
    <li class="gloss-note-row" data-note-id={note.id}>
      <input
        type="checkbox"
        class="gloss-check"
        checked={selected}
        aria-label={`Select note “${preview(note.text)}”`}
        onChange={(event) => onSelect(event.currentTarget.checked)}
      />
      <div class="gloss-note-body">
        <NoteAbout note={note} />
        {mode === 'edit' ? (
          <NoteForm
            initialText={note.text}
            baseVersion={note.updatedAt}
            draftKey={draftKeys.edit(note.id)}
            onSave={(text, baseVersion) => sendMessage('updateNote', { id: note.id, text, baseVersion })}
            onSaved={close}
            onCancel={close}
          />
        ) : (
          <p class="gloss-note-text" dir="auto">
            {note.text}
          </p>
        )}
        {note.quote.trim() && (
          <blockquote class="gloss-quote" dir="auto">
            {note.quote}
          </blockquote>
        )}
        <NoteWritten note={note} now={now} />
        {mode === 'reattach' ? (
          <EntityPicker
            label="Attach this note to"
            onPick={async (entity) => {
              await sendMessage('reattachNote', { id: note.id, entityKey: entity.key });
              close();
            }}
            onCancel={close}
          />
        ) : (
          mode === 'view' && (
            <NoteActions
              orphaned={note.orphaned}
              editRef={editRef}
              reattachRef={reattachRef}
              onEdit={() => setMode('edit')}
              onDelete={() => onDelete(note)}
              onReattach={() => setMode('reattach')}
            />
          )
        )}
      </div>
    </li>
  );
}

/** What the note is about: the page, or its entity (a link, or marked orphaned when it is gone). */
function NoteAbout({ note }: { note: NoteView }) {
  return (
    <p class="gloss-note-entity">
      {note.entityKey === '' ? (
        <>
          Page note
          {note.quoteMissing && (
            <>
              {' '}
              <span class="gloss-badge gloss-badge-warning" data-testid="quote-missing">
                Quote not found on the page
              </span>
            </>
          )}
        </>
      ) : note.orphaned ? (
        <>
          <bdi>{note.entityName || note.entityKey}</bdi>{' '}
          <span class="gloss-badge gloss-badge-warning">Orphaned</span>
        </>
      ) : (
        <a class="gloss-link" href={entityHref(note.entityKey)}>
          <bdi>{note.entityName || note.entityKey}</bdi>
        </a>
      )}
    </p>
  );
}

/** The page it was written on, and when it was written and last edited. */
function NoteWritten({ note, now }: { note: NoteView; now: number }) {
  return (
    <p class="gloss-note-meta">
      <NotePage note={note} />
      Written{' '}
      <time dateTime={isoTimestamp(note.createdAt)} title={formatAbsolute(note.createdAt)}>
        {formatNoteDate(note.createdAt, now)}
      </time>
      {note.updatedAt > note.createdAt && (
        <>
          {' · edited '}
          <time dateTime={isoTimestamp(note.updatedAt)} title={formatAbsolute(note.updatedAt)}>
            {formatNoteDate(note.updatedAt, now)}
          </time>
        </>
      )}
    </p>
  );
}

/** Edit, Delete, and Re-attach for a note whose entity is gone; refs take the focus back after a form. */
function NoteActions(props: {
  orphaned: boolean;
  editRef: Ref<HTMLButtonElement>;
  reattachRef: Ref<HTMLButtonElement>;
  onEdit(): void;
  onDelete(): void;
  onReattach(): void;
}) {
  return (
    <div class="gloss-actions">
      <button
        type="button"
        ref={props.editRef}
        class="gloss-button gloss-button-small"
        onClick={props.onEdit}
      >
        Edit
      </button>
      <button type="button" class="gloss-button gloss-button-small" onClick={props.onDelete}>
        Delete
      </button>
      {props.orphaned && (
        <button
          type="button"
          ref={props.reattachRef}
          class="gloss-button gloss-button-small"
          onClick={props.onReattach}
        >
          Re-attach…
        </button>
      )}
    </div>
  );
}
