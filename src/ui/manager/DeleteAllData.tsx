import { useState } from 'preact/hooks';
import { sendMessage } from '@/src/messaging/protocol';
import { ConfirmDialog } from './ConfirmDialog';

/** The one way to wipe everything, behind typing DELETE. */
export function DeleteAllData() {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  return (
    <section class="gloss-panel gloss-danger-zone" aria-labelledby="delete-all-heading">
      <h2 id="delete-all-heading">Delete all data</h2>
      <p class="gloss-muted">
        Deletes every pack, note and setting from this browser. Export a backup first if you may want them
        back.
      </p>
      <button
        type="button"
        class="gloss-button gloss-button-danger"
        onClick={() => {
          setDone(false);
          setOpen(true);
        }}
      >
        Delete all data…
      </button>
      {done && (
        <p class="gloss-success" role="status">
          All data deleted.
        </p>
      )}
      {open && (
        <ConfirmDialog
          title="Delete all Gloss data?"
          confirmLabel="Delete everything"
          typeToConfirm="DELETE"
          onConfirm={async () => {
            await sendMessage('deleteAllData', undefined);
            setDone(true);
          }}
          onClose={() => setOpen(false)}
        >
          <p>Every pack, note and setting is deleted. This cannot be undone.</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
