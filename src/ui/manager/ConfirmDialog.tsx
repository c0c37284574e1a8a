import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { errorText } from '../hooks/useLive';
import { Dialog } from './Dialog';

export interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  /** When set, the confirm button stays disabled until this word is typed. */
  typeToConfirm?: string;
  onConfirm(): Promise<unknown>;
  onClose(): void;
}

/** "Are you sure?" for destructive actions; the action's error is shown in the dialog. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, typeToConfirm, onConfirm, onClose } = props;
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ready = !busy && (typeToConfirm === undefined || typed.trim() === typeToConfirm);

  const confirm = async (event: Event) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(errorText(caught, 'That did not work.'));
      setBusy(false);
    }
  };

  return (
    <Dialog title={title} onClose={() => !busy && onClose()}>
      <form class="gloss-dialog-body" onSubmit={confirm}>
        <div class="gloss-dialog-text">{children}</div>
        {typeToConfirm !== undefined && (
          <label class="gloss-field">
            <span class="gloss-label">Type {typeToConfirm} to confirm</span>
            <input
              class="gloss-input"
              value={typed}
              autoComplete="off"
              spellcheck={false}
              onInput={(event) => setTyped(event.currentTarget.value)}
            />
          </label>
        )}
        {error && (
          <p class="gloss-error" role="alert">
            {error}
          </p>
        )}
        <div class="gloss-actions gloss-dialog-actions">
          <button type="button" class="gloss-button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="gloss-button gloss-button-danger-solid" disabled={!ready}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
