import { useMemo, useRef, useState } from 'preact/hooks';
import {
  ALL_NOTES,
  filterNotes,
  type NoteQuery,
  noteFacets,
  notesFileName,
  notesToMarkdown,
} from '@/src/core/export';
import { type NoteView, sendMessage } from '@/src/messaging/protocol';
import { errorText, type Live, useLive } from '../hooks/useLive';
import { downloadText } from './download';
import { NoteFilters } from './NoteFilters';
import { NoteRow } from './NoteRow';
import { deleteNotes, restoreNotes } from './restore';
import { UndoToast } from './UndoToast';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** Every note: search, filter, sort, edit in place, delete with undo, select many. */
export function NotesView() {
  const live = useLive(() => sendMessage('listNotes', {}), []);
  const [query, setQuery] = useState<NoteQuery>(ALL_NOTES);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const notes = live.status === 'ready' ? live.data : [];
  const now = Date.now();
  const shown = useMemo(() => filterNotes(notes, query, now), [notes, query]);
  const facets = useMemo(() => noteFacets(notes), [notes]);
  const chosen = notes.filter((note) => selected.has(note.id));
  const allShownSelected = shown.length > 0 && shown.every((note) => selected.has(note.id));

  const select = (ids: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of ids) on ? next.add(id) : next.delete(id);
    setSelected(next);
  };

  // After the toast closes, the focus it had goes to the heading, not to <body>.
  const { remove, error, undo, closeToast } = useDeleteWithUndo(select, () => headingRef.current?.focus());

  return (
    <>
      <header class="gloss-view-header">
        <h1 ref={headingRef} tabIndex={-1}>
          Notes
        </h1>
        {live.status === 'ready' && <p class="gloss-muted">{plural(notes.length, 'note')} in all</p>}
      </header>
      <NotesStatus live={live} />
      {notes.length > 0 && (
        <>
          <NoteFilters
            query={query}
            entities={facets.entities}
            sites={facets.sites}
            hasOrphans={notes.some((note) => note.orphaned)}
            hasPageNotes={notes.some((note) => note.entityKey === '')}
            onChange={setQuery}
          />
          <SelectionToolbar
            allShownSelected={allShownSelected}
            noneShown={shown.length === 0}
            onSelectAllShown={(on) =>
              select(
                shown.map((note) => note.id),
                on,
              )
            }
            chosen={chosen}
            onDelete={() => remove(chosen)}
          />
          {error && (
            <p class="gloss-error" role="alert">
              {error}
            </p>
          )}
          <ShownNotes
            shown={shown}
            total={notes.length}
            now={now}
            selected={selected}
            onSelect={(id, on) => select([id], on)}
            onDelete={(target) => remove([target])}
          />
        </>
      )}
      {undo && (
        <UndoToast
          key={undo.notes.map((note) => note.id).join()}
          message={undo.message}
          onUndo={() => restoreNotes(undo.notes)}
          onDismiss={closeToast}
        />
      )}
    </>
  );
}

/** What to do with the selected notes: select all shown, delete them, export them. */
function SelectionToolbar(props: {
  allShownSelected: boolean;
  noneShown: boolean;
  onSelectAllShown(on: boolean): void;
  chosen: NoteView[];
  onDelete(): void;
}) {
  const { chosen } = props;
  return (
    <fieldset class="gloss-toolbar">
      <legend class="gloss-visually-hidden">Selected notes</legend>
      <label class="gloss-check-label">
        <input
          type="checkbox"
          class="gloss-check"
          checked={props.allShownSelected}
          disabled={props.noneShown}
          onChange={(event) => props.onSelectAllShown(event.currentTarget.checked)}
        />
        Select all shown
      </label>
      <span class="gloss-muted">{chosen.length} selected</span>
      <button
        type="button"
        class="gloss-button gloss-button-small"
        disabled={!chosen.length}
        onClick={props.onDelete}
      >
        Delete selected
      </button>
      <button
        type="button"
        class="gloss-button gloss-button-small"
        disabled={!chosen.length}
        onClick={() =>
          downloadText(
            document,
            notesFileName(Date.now()),
            notesToMarkdown(chosen, Date.now()),
            'text/markdown',
          )
        }
      >
        Export selected as Markdown
      </button>
    </fieldset>
  );
}

/** The notes the search and filters let through, and how many of all those are. */
function ShownNotes(props: {
  shown: NoteView[];
  total: number;
  now: number;
  selected: ReadonlySet<string>;
  onSelect(id: string, on: boolean): void;
  onDelete(note: NoteView): void;
}) {
  const { shown, total } = props;
  return (
    <>
      <p class="gloss-muted" aria-live="polite">
        {shown.length === total
          ? `Showing all ${plural(total, 'note')}`
          : `Showing ${shown.length} of ${plural(total, 'note')}`}
      </p>
      <ul class="gloss-list gloss-note-list" aria-label="Notes">
        {shown.map((note) => (
          <NoteRow
            key={note.id}
            note={note}
            now={props.now}
            selected={props.selected.has(note.id)}
            onSelect={(on) => props.onSelect(note.id, on)}
            onDelete={props.onDelete}
          />
        ))}
      </ul>
    </>
  );
}

/**
 * Deleting notes, with the toast that undoes it; the deleted ones leave the selection. Notes that
 * could not be deleted are named in `error`.
 */
function useDeleteWithUndo(select: (ids: string[], on: boolean) => void, focusHeading: () => void) {
  const [undo, setUndo] = useState<{ notes: NoteView[]; message: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const remove = async (targets: NoteView[]) => {
    setError(null);
    const { deleted, error: failed } = await deleteNotes(targets);
    select(
      deleted.map((note) => note.id),
      false,
    );
    if (failed) setError(errorText(failed, 'A note could not be deleted.'));
    if (deleted.length) {
      setUndo({
        notes: deleted,
        message: deleted.length === 1 ? 'Note deleted.' : `${plural(deleted.length, 'note')} deleted.`,
      });
    }
  };

  const closeToast = () => {
    const hadFocus = document.activeElement?.closest('.gloss-toast');
    setUndo(null);
    if (hadFocus) focusHeading();
  };
  return { remove, error, undo, closeToast };
}

/** While the notes load, why they could not be read, or that there are none yet. */
function NotesStatus({ live }: { live: Live<NoteView[]> }) {
  return (
    <>
      {live.status === 'loading' && <p class="gloss-muted">Loading…</p>}
      {live.status === 'error' && <p class="gloss-error">Gloss could not read your notes: {live.message}</p>}
      {live.status === 'ready' && live.data.length === 0 && (
        <p class="gloss-empty">No notes yet. Hover a highlighted name on any page and choose “Add note”.</p>
      )}
    </>
  );
}
