import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NoteRecord } from '@/src/core/records';
import type { EntityView } from '@/src/messaging/protocol';
import { formatAbsolute, formatDate, formatNoteDate, isoTimestamp, safeHttpUrl, typeLabel } from './format';
import { NoteForm } from './NoteForm';
import { NotePage } from './NotePage';
import { draftKeys } from './note-drafts';

export interface EntityCardProps {
  view: EntityView;
  /** Save a new note; resolves with the saved note or rejects with an Error whose message is shown to the user. */
  onAddNote(text: string): Promise<unknown>;
  /**
   * Optional: edit/delete existing notes (shown as small buttons per note). `baseVersion` is the
   * note's updatedAt when the edit began; reject with the background's conflict error to show both texts.
   */
  onEditNote?(id: string, text: string, baseVersion?: number): Promise<unknown>;
  onDeleteNote?(id: string): Promise<unknown>;
  /** Esc inside the card when no form is open: the host closes the popover and returns focus. */
  onClose?(): void;
  /** Id for aria-labelledby: the card's heading gets this id. */
  headingId?: string;
  /** Open the note form immediately (keyboard users). */
  startWithNoteForm?: boolean;
  /** "Now" for the notes' relative dates; tests pass a fixed clock. */
  now?: number;
}

type Fact = EntityView['facts'][number];
type OpenForm = { kind: 'add' } | { kind: 'edit'; noteId: string } | null;

/** An entity's facts with their sources, and the user's notes: the hover popover's content. */
export function EntityCard(props: EntityCardProps) {
  const { view, onAddNote, onEditNote, onDeleteNote, onClose, startWithNoteForm = false, now } = props;
  const { entity, pack, facts, notes } = view;
  const ownId = useId();
  const headingId = props.headingId ?? `${ownId}-name`;
  const [form, setForm] = useState<OpenForm>(startWithNoteForm ? { kind: 'add' } : null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  // After a form closes, focus goes back to the button that opened it rather than to <body>.
  const [returnFocus, setReturnFocus] = useState<string | null>(null);
  const cardRef = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    if (returnFocus === null) return;
    const item = [...(cardRef.current?.querySelectorAll<HTMLElement>('[data-note-id]') ?? [])].find(
      (element) => element.dataset.noteId === returnFocus,
    );
    const target = returnFocus === 'add' ? null : item?.querySelector<HTMLElement>('.gloss-note-edit');
    (target ?? addButtonRef.current)?.focus();
    setReturnFocus(null);
  }, [returnFocus]);

  const closeForm = () => {
    setReturnFocus(form?.kind === 'edit' ? form.noteId : 'add');
    setForm(null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Esc inside a form never gets here (the form stops it). Esc elsewhere with a form open
    // closes that form first, so one key press never throws away both the form and the card.
    if (form) {
      event.preventDefault();
      closeForm();
    } else if (onClose) {
      event.preventDefault();
      onClose();
    }
  };

  const sortedNotes = [...notes].sort((a, b) => b.createdAt - a.createdAt);

  return (
    <article class="gloss-root gloss-card" ref={cardRef} aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <header class="gloss-card-header">
        <h2 id={headingId} class="gloss-card-name">
          <bdi>{entity.name}</bdi>
        </h2>
        <span class="gloss-type">{typeLabel(entity.type)}</span>
      </header>
      {entity.description && (
        <p class="gloss-card-description" dir="auto">
          {entity.description}
        </p>
      )}
      <p class="gloss-card-pack">
        Pack: <bdi>{pack.title}</bdi>
      </p>

      <section class="gloss-section" aria-labelledby={`${ownId}-facts`}>
        <h3 id={`${ownId}-facts`} class="gloss-section-heading">
          Facts
        </h3>
        {facts.length === 0 ? (
          <p class="gloss-muted">No facts about this entity yet.</p>
        ) : (
          <ul class="gloss-list gloss-facts">
            {facts.map((fact) => (
              <FactItem key={fact.key} fact={fact} />
            ))}
          </ul>
        )}
      </section>

      <section class="gloss-section" aria-labelledby={`${ownId}-notes`}>
        <h3 id={`${ownId}-notes`} class="gloss-section-heading">
          Your notes
        </h3>
        {sortedNotes.length === 0 ? (
          <p class="gloss-muted">No notes yet.</p>
        ) : (
          <ul class="gloss-list gloss-notes">
            {sortedNotes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                now={now}
                editing={form?.kind === 'edit' && form.noteId === note.id}
                onStartEdit={onEditNote && (() => setForm({ kind: 'edit', noteId: note.id }))}
                onSave={onEditNote && ((text, base) => onEditNote(note.id, text, base))}
                onCloseForm={closeForm}
                onDelete={onDeleteNote && (() => onDeleteNote(note.id))}
                onDeleted={() => setReturnFocus('add')}
              />
            ))}
          </ul>
        )}
        {form?.kind === 'add' ? (
          <NoteForm
            draftKey={draftKeys.newNote(entity.key)}
            onSave={(text) => onAddNote(text)}
            onSaved={closeForm}
            onCancel={closeForm}
          />
        ) : (
          <button
            type="button"
            ref={addButtonRef}
            class="gloss-button gloss-button-primary gloss-add-note"
            onClick={() => setForm({ kind: 'add' })}
          >
            Add note
          </button>
        )}
      </section>
    </article>
  );
}

function FactItem({ fact }: { fact: Fact }) {
  const [showQuote, setShowQuote] = useState(false);
  const quoteId = useId();
  const { source } = fact;
  const href = safeHttpUrl(source?.url);
  return (
    <li class="gloss-fact">
      <p class="gloss-fact-text" dir="auto">
        {fact.text}
      </p>
      <p class="gloss-source">
        {source ? (
          <>
            <span class="gloss-visually-hidden">Source: </span>
            {href ? (
              <a class="gloss-link" href={href} target="_blank" rel="noopener noreferrer">
                <bdi>{source.title}</bdi>
              </a>
            ) : (
              <bdi class="gloss-source-title">{source.title}</bdi>
            )}
            {source.publisher && (
              <>
                {' · '}
                <bdi>{source.publisher}</bdi>
              </>
            )}
            {source.publishedAt && (
              <>
                {' · '}
                <time dateTime={source.publishedAt}>{formatDate(source.publishedAt)}</time>
              </>
            )}
          </>
        ) : (
          'Source unavailable'
        )}
      </p>
      {fact.quote && (
        <>
          <button
            type="button"
            class="gloss-button gloss-button-small gloss-quote-toggle"
            aria-expanded={showQuote}
            aria-controls={showQuote ? quoteId : undefined}
            onClick={() => setShowQuote(!showQuote)}
          >
            {showQuote ? 'Hide source sentence' : 'Show source sentence'}
          </button>
          {showQuote && (
            <blockquote id={quoteId} class="gloss-quote" dir="auto">
              {fact.quote}
            </blockquote>
          )}
        </>
      )}
    </li>
  );
}

interface NoteItemProps {
  note: NoteRecord;
  now: number | undefined;
  editing: boolean;
  onStartEdit: (() => void) | undefined;
  onSave: ((text: string, baseVersion?: number) => Promise<unknown>) | undefined;
  onCloseForm(): void;
  onDelete: (() => Promise<unknown>) | undefined;
  onDeleted(): void;
}

function NoteItem({
  note,
  now,
  editing,
  onStartEdit,
  onSave,
  onCloseForm,
  onDelete,
  onDeleted,
}: NoteItemProps) {
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

  const onConfirmKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || busy) return;
    // Esc answers "keep" and must not also close the popover.
    event.preventDefault();
    event.stopPropagation();
    setConfirming(false);
  };

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
      {error && (
        <p class="gloss-error" role="alert">
          <bdi>{error}</bdi>
        </p>
      )}
      {(onStartEdit || onDelete) && (
        <div class="gloss-actions">
          {confirming ? (
            <fieldset class="gloss-confirm" onKeyDown={onConfirmKeyDown}>
              <legend class="gloss-muted">Delete this note?</legend>
              <button
                type="button"
                ref={confirmRef}
                class="gloss-button gloss-button-small gloss-button-danger"
                disabled={busy}
                onClick={remove}
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
                  ref={deleteRef}
                  class="gloss-button gloss-button-small gloss-note-delete"
                  aria-label="Delete note"
                  onClick={() => setConfirming(true)}
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
