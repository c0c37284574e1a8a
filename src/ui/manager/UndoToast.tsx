import { useEffect, useRef, useState } from 'preact/hooks';
import { errorText } from '../hooks/useLive';

export interface UndoToastProps {
  message: string;
  onUndo(): Promise<unknown>;
  /** Time is up, or the user closed it; the owner unmounts the toast. */
  onDismiss(): void;
  /** How long it stays (ms) while the pointer and focus are elsewhere. */
  timeout?: number;
}

/**
 * "Note deleted — Undo" for a few seconds. It takes the focus (the deleted row's buttons are gone)
 * and does not count down while it has the focus or the pointer, so nobody is rushed.
 */
export function UndoToast({ message, onUndo, onDismiss, timeout = 8000 }: UndoToastProps) {
  const [held, setHeld] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const dismissRef = useRef(onDismiss);
  dismissRef.current = onDismiss;

  useEffect(() => {
    undoRef.current?.focus();
  }, []);

  useEffect(() => {
    if (held || busy || error) return;
    const timer = setTimeout(() => dismissRef.current(), timeout);
    return () => clearTimeout(timer);
  }, [held, busy, error, timeout]);

  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      await onUndo();
      onDismiss();
    } catch (caught) {
      setError(errorText(caught, 'The note could not be restored.'));
      setBusy(false);
    }
  };

  const hold = () => setHeld(true);
  const release = (event: FocusEvent | MouseEvent) => {
    const next = (event as FocusEvent).relatedTarget as Node | null;
    if (!(next && (event.currentTarget as HTMLElement).contains(next))) setHeld(false);
  };

  return (
    <div
      class="gloss-toast"
      role="status"
      onFocusIn={hold}
      onFocusOut={release}
      onMouseEnter={hold}
      onMouseLeave={release}
      onKeyDown={(event) => event.key === 'Escape' && onDismiss()}
    >
      <span>{error ?? message}</span>
      <button
        type="button"
        ref={undoRef}
        class="gloss-button gloss-button-primary"
        disabled={busy}
        onClick={undo}
      >
        {busy ? 'Restoring…' : 'Undo'}
      </button>
      <button type="button" class="gloss-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
