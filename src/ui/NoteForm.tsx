import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';

export interface NoteFormProps {
  /** The text to start from (editing an existing note). */
  initialText?: string;
  /** Save the text; a rejection's message is shown and the typed text is kept. */
  onSave(text: string): Promise<unknown>;
  /** After a successful save: the owner closes the form. */
  onSaved(): void;
  /** Cancel button or Esc in the form. */
  onCancel(): void;
  /** Label of the save button ("Save"). */
  saveLabel?: string;
}

const errorMessage = (error: unknown) =>
  (error instanceof Error ? error.message : String(error ?? '')) || 'The note could not be saved.';

/** The add/edit note form. Esc and Cancel close it; Ctrl+Enter or Cmd+Enter saves. */
export function NoteForm({ initialText = '', onSave, onSaved, onCancel, saveLabel = 'Save' }: NoteFormProps) {
  const [text, setText] = useState(initialText);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // State updates are async: the ref stops a second Ctrl+Enter from saving twice.
  const savingRef = useRef(false);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const textareaId = `${id}-text`;
  const errorId = `${id}-error`;
  const canSave = !saving && text.trim() !== '';

  // At once (not after the next frame), so keys typed right after it opens are not lost.
  useLayoutEffect(() => {
    const textarea = textareaRef.current;
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);

  const save = async () => {
    if (savingRef.current || text.trim() === '') return;
    savingRef.current = true;
    setSaving(true);
    setError(null);
    try {
      await onSave(text);
    } catch (caught) {
      savingRef.current = false;
      setSaving(false);
      setError(errorMessage(caught));
      textareaRef.current?.focus();
      return;
    }
    savingRef.current = false;
    setSaving(false);
    setText('');
    onSaved();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Esc closes only the form; the popover around the card listens for Esc too.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    } else if (
      event.key === 'Enter' &&
      (event.ctrlKey || event.metaKey) &&
      event.target === textareaRef.current
    ) {
      event.preventDefault();
      void save();
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
        onInput={(event) => setText(event.currentTarget.value)}
      />
      {error && (
        <p id={errorId} class="gloss-error" role="alert">
          <bdi>{error}</bdi>
        </p>
      )}
      <div class="gloss-actions">
        <button type="button" class="gloss-button gloss-button-primary" disabled={!canSave} onClick={save}>
          {saving ? 'Saving…' : saveLabel}
        </button>
        <button type="button" class="gloss-button" onClick={onCancel}>
          Cancel
        </button>
        <span class="gloss-hint" aria-hidden="true">
          Ctrl+Enter to save
        </span>
      </div>
    </form>
  );
}
