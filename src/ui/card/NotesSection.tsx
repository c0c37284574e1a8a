import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NoteRecord } from '@/src/core/records';
import { NoteForm } from '../NoteForm';
import { draftKeys } from '../note-drafts';
import { NoteItem } from './NoteItem';

type OpenForm = { kind: 'add' } | { kind: 'edit'; noteId: string } | null;

export interface NotesSectionProps {
  /** Whose notes: an unsent new note is kept as a draft under this key (see note-drafts.ts). */
  draftFor: string;
  notes: NoteRecord[];
  /** Save a new note; resolves with the saved note or rejects with an Error whose message is shown. */
  onAddNote(text: string): Promise<unknown>;
  onEditNote?(id: string, text: string, baseVersion?: number): Promise<unknown>;
  onDeleteNote?(id: string): Promise<unknown>;
  startWithNoteForm?: boolean;
  now?: number;
  /** The card's heading level is h3; the entity page's sections are h2. */
  headingLevel?: 2 | 3;
  /**
   * Set to a function that closes an open form and says whether it did: the card's Esc closes the
   * form first, wherever in the card it is pressed, so one key press never throws away both.
   */
  closeFormRef?: { current: (() => boolean) | null };
}

/** The reader's notes on an entity, newest first, with "Add note" and editing in place. */
export function NotesSection(props: NotesSectionProps) {
  const { notes, onAddNote, onEditNote, onDeleteNote, now, headingLevel = 3 } = props;
  const id = useId();
  const [form, setForm] = useState<OpenForm>(props.startWithNoteForm ? { kind: 'add' } : null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const sectionRef = useRef<HTMLElement>(null);
  // After a form closes, focus goes back to the button that opened it rather than to <body>.
  const [returnFocus, setReturnFocus] = useState<string | null>(null);

  useLayoutEffect(() => {
    if (returnFocus === null) return;
    const item = [...(sectionRef.current?.querySelectorAll<HTMLElement>('[data-note-id]') ?? [])].find(
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
  if (props.closeFormRef) {
    props.closeFormRef.current = () => {
      if (!form) return false;
      closeForm();
      return true;
    };
  }

  const sorted = [...notes].sort((a, b) => b.createdAt - a.createdAt);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <section class="gloss-section" ref={sectionRef} aria-labelledby={`${id}-notes`}>
      <Heading id={`${id}-notes`} class={headingLevel === 3 ? 'gloss-section-heading' : undefined}>
        Your notes
      </Heading>
      {sorted.length === 0 ? (
        <p class="gloss-muted">No notes yet.</p>
      ) : (
        <ul class="gloss-list gloss-notes">
          {sorted.map((note) => (
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
          draftKey={draftKeys.newNote(props.draftFor)}
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
  );
}
