import type { RefObject } from 'preact';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { NoteRecord } from '@/src/core/records';
import { errorText } from './hooks/useLive';
import { conflictingNote } from './note-conflict';
import { clearDraft, readDraft, writeDraft } from './note-drafts';

export interface NoteFormProps {
  /** The text to start from (editing an existing note). */
  initialText?: string;
  /** Editing an existing note: its updatedAt, passed back to onSave so the background can spot a conflict. */
  baseVersion?: number;
  /** Where the unsent text is kept (see note-drafts.ts); without it nothing is kept. */
  draftKey?: string;
  /** Save the text; a rejection's message is shown and the typed text is kept. */
  onSave(text: string, baseVersion?: number): Promise<unknown>;
  /** After a successful save: the owner closes the form. */
  onSaved(): void;
  /** Cancel button or Esc in the form. */
  onCancel(): void;
  /** Label of the save button ("Save"). */
  saveLabel?: string;
}

/** Typing keeps the draft this long after the last key, not on every key (each write reaches every tab). */
const DRAFT_DELAY_MS = 250;

/**
 * The add/edit note form. Esc and Cancel close it; Ctrl+Enter or Cmd+Enter saves. Unsent text is
 * kept as a draft and comes back when the form opens again. When the note was saved elsewhere
 * meanwhile, both texts are shown and the user keeps theirs, keeps the other, or merges by hand.
 */
export function NoteForm(props: NoteFormProps) {
  const { saveLabel = 'Save' } = props;
  const form = useNoteForm(props);
  const { text, saving, error, conflict, textareaRef } = form;
  const textareaId = `${form.id}-text`;
  const errorId = `${form.id}-error`;
  const canSave = !saving && text.trim() !== '';

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Esc closes only the form; the popover around the card listens for Esc too.
      event.preventDefault();
      event.stopPropagation();
      form.cancel();
    } else if (
      event.key === 'Enter' &&
      (event.ctrlKey || event.metaKey) &&
      event.target === textareaRef.current
    ) {
      event.preventDefault();
      void form.save();
    }
  };

  return (
    // Buttons are type="button" and only Ctrl/Cmd+Enter saves, so the form never submits itself.
    <form class="gloss-note-form" onKeyDown={onKeyDown} onSubmit={(event) => event.preventDefault()}>
      <label class="gloss-label" for={textareaId}>
        Note
      </label>
      <textarea
        ref={textareaRef}
        id={textareaId}
        class="gloss-textarea"
        dir="auto"
        rows={3}
        value={text}
        readOnly={saving}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(event) => form.typed(event.currentTarget.value)}
      />
      {form.restored && <p class="gloss-hint gloss-draft-restored">Your unsaved text is back.</p>}
      {error && (
        <p id={errorId} class="gloss-error" role="alert">
          <bdi>{error}</bdi>
        </p>
      )}
      {conflict ? (
        <ConflictChoice
          theirs={conflict}
          onKeepMine={form.keepMine}
          onKeepTheirs={form.cancel}
          onMerge={form.mergeByHand}
        />
      ) : (
        <div class="gloss-actions">
          <button
            type="button"
            class="gloss-button gloss-button-primary"
            disabled={!canSave}
            onClick={() => form.save()}
          >
            {saving ? 'Saving…' : saveLabel}
          </button>
          <button type="button" class="gloss-button" onClick={form.cancel}>
            Cancel
          </button>
          <span class="gloss-hint" aria-hidden="true">
            Ctrl+Enter to save
          </span>
        </div>
      )}
    </form>
  );
}

/** The note form's text, draft, save and conflict state, and what its buttons do. */
function useNoteForm(props: NoteFormProps) {
  const { initialText = '', draftKey, onSave, onSaved, onCancel } = props;
  const [text, setText] = useState(initialText);
  const [base, setBase] = useState(props.baseVersion);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<NoteRecord | null>(null);
  const [restored, setRestored] = useState(false);
  // State updates are async: the ref stops a second Ctrl+Enter from saving twice.
  const savingRef = useRef(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const draft = useDraft(textareaRef, draftKey, initialText);
  const id = useId();
  useFocusAtEnd(textareaRef);
  useRestoredDraft(textareaRef, draftKey, initialText, (found) => {
    setText(found.text);
    if (found.baseVersion !== undefined) setBase(found.baseVersion);
    setRestored(true);
  });

  const save = async (version = base) => {
    if (savingRef.current || text.trim() === '') return;
    savingRef.current = true;
    setSaving(true);
    setError(null);
    setConflict(null);
    try {
      await onSave(text, version);
    } catch (caught) {
      savingRef.current = false;
      setSaving(false);
      const current = conflictingNote(caught);
      if (current) setConflict(current);
      else setError(errorText(caught, 'The note could not be saved.'));
      textareaRef.current?.focus();
      return;
    }
    savingRef.current = false;
    setSaving(false);
    draft.discard();
    setText('');
    onSaved();
  };
  const cancel = () => {
    draft.discard();
    onCancel();
  };
  const typed = (typed: string) => {
    setText(typed);
    setRestored(false);
    // At once, not after the re-render: a click that closes the card may come before it.
    draft.typed(typed, base);
  };
  const keepMine = (current: NoteRecord) => {
    setBase(current.updatedAt);
    void save(current.updatedAt);
  };
  const mergeByHand = (current: NoteRecord) => {
    const merged = `${text.trimEnd()}\n\n${current.text}`;
    setText(merged);
    setBase(current.updatedAt);
    draft.typed(merged, current.updatedAt);
    setConflict(null);
    textareaRef.current?.focus();
  };
  const state = { text, saving, error, conflict, restored };
  return { ...state, textareaRef, id, save, cancel, typed, keepMine, mergeByHand };
}

/** At once (not after the next frame), so keys typed right after the form opens are not lost. */
function useFocusAtEnd(ref: RefObject<HTMLTextAreaElement | null>) {
  useLayoutEffect(() => {
    const textarea = ref.current;
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);
}

/** A draft from before comes back, unless the user has started typing meanwhile. */
function useRestoredDraft(
  ref: RefObject<HTMLTextAreaElement | null>,
  draftKey: string | undefined,
  initialText: string,
  onFound: (found: { text: string; baseVersion?: number }) => void,
) {
  useEffect(() => {
    if (!draftKey) return;
    let live = true;
    void readDraft(draftKey).then((found) => {
      const textarea = ref.current;
      if (!live || !found || !textarea || textarea.value !== initialText) return;
      onFound(found);
    });
    return () => {
      live = false;
    };
  }, [draftKey]);
}

/** The note was saved elsewhere meanwhile: the other text, and what to do about it. */
function ConflictChoice(props: {
  theirs: NoteRecord;
  onKeepMine(theirs: NoteRecord): void;
  onKeepTheirs(): void;
  onMerge(theirs: NoteRecord): void;
}) {
  const { theirs } = props;
  return (
    <div class="gloss-conflict" role="alert">
      <p class="gloss-error">
        This note was changed in another tab or window while you were editing it. Yours is in the box above;
        the other version is:
      </p>
      <blockquote class="gloss-quote gloss-conflict-theirs" dir="auto">
        {theirs.text}
      </blockquote>
      <div class="gloss-actions">
        <button
          type="button"
          class="gloss-button gloss-button-primary"
          onClick={() => props.onKeepMine(theirs)}
        >
          Keep mine
        </button>
        <button type="button" class="gloss-button" onClick={props.onKeepTheirs}>
          Keep the other
        </button>
        <button type="button" class="gloss-button" onClick={() => props.onMerge(theirs)}>
          Merge by hand
        </button>
      </div>
    </div>
  );
}

/**
 * Keeps what was typed as the draft under `key` a moment after typing stops, and at once when the
 * form goes away unsaved (the card closed or reloaded). Text equal to where the form started is no draft.
 */
function useDraft(field: { current: HTMLElement | null }, key: string | undefined, initialText: string) {
  const pending = useRef<{ text: string; baseVersion?: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = () => {
    clearTimeout(timer.current);
    const next = pending.current;
    pending.current = null;
    if (!key || !next) return;
    const unchanged = next.text.trim() === '' || next.text === initialText;
    void (
      unchanged
        ? clearDraft(key)
        : writeDraft(key, { text: next.text, baseVersion: next.baseVersion, savedAt: Date.now() })
    ).catch(() => {}); // The extension was reloaded under the page: nowhere left to keep it.
  };
  const latest = useRef(flush);
  latest.current = flush;

  // Closing the card or the popup unmounts the form (or unloads the page) before the timer fires.
  useEffect(() => {
    const win = field.current?.ownerDocument.defaultView;
    const onHide = () => latest.current();
    win?.addEventListener('pagehide', onHide);
    return () => {
      win?.removeEventListener('pagehide', onHide);
      latest.current();
    };
  }, []);

  return {
    typed(text: string, baseVersion: number | undefined) {
      if (!key) return;
      pending.current = { text, baseVersion };
      clearTimeout(timer.current);
      timer.current = setTimeout(() => latest.current(), DRAFT_DELAY_MS);
    },
    /** Saved or cancelled: nothing to keep, also not what typing queued. */
    discard() {
      clearTimeout(timer.current);
      pending.current = null;
      if (key) void clearDraft(key).catch(() => {});
    },
  };
}
