import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

export interface DialogProps {
  title: string;
  children: ComponentChildren;
  /** Esc, the Cancel button or the backdrop's close: the owner unmounts the dialog. */
  onClose(): void;
}

/**
 * A modal dialog on <dialog>.showModal(): the page behind is inert, Tab stays inside, Esc closes,
 * and focus returns to whatever had it when the dialog opened.
 */
export function Dialog({ title, children, onClose }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = dialog.ownerDocument.activeElement as HTMLElement | null;
    dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    // Chrome's close-watcher rules may close a dialog on Esc without a cancelable "cancel" (a second
    // Esc without user activation in between): the owner must still hear about it.
    const onNativeClose = () => closeRef.current();
    dialog.addEventListener('cancel', onCancel);
    dialog.addEventListener('close', onNativeClose);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      dialog.removeEventListener('close', onNativeClose);
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog ref={ref} class="gloss-root gloss-dialog" aria-modal="true" aria-labelledby={titleId}>
      <h2 id={titleId} class="gloss-dialog-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
