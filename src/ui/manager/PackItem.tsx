import { useRef, useState } from 'preact/hooks';
import { packFileName } from '@/src/core/export';
import { type PackSummary, sendMessage } from '@/src/messaging/protocol';
import { errorText } from '../hooks/useLive';
import { ConfirmDialog } from './ConfirmDialog';
import { downloadText } from './download';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** One installed pack: what it holds, on/off, export, remove (after a confirmation). */
export function PackItem({ pack }: { pack: PackSummary }) {
  const [confirming, setConfirming] = useState(false);
  // Controls are never disabled while busy: disabling the focused switch would drop the focus.
  const busy = useRef(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `pack-${pack.id}-title`;

  const run = async (action: () => Promise<unknown>, failure: string) => {
    if (busy.current) return;
    busy.current = true;
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(errorText(caught, failure));
    } finally {
      busy.current = false;
    }
  };

  return (
    <li class="gloss-pack gloss-pack-row" data-pack-id={pack.id} aria-labelledby={titleId}>
      <PackInfo pack={pack} titleId={titleId} error={error} />
      <div class="gloss-pack-actions">
        <label class="gloss-switch">
          <input
            type="checkbox"
            role="switch"
            aria-checked={pack.enabled}
            checked={pack.enabled}
            aria-describedby={titleId}
            onChange={(event) => {
              const enabled = event.currentTarget.checked;
              void run(
                () => sendMessage('setPackEnabled', { id: pack.id, enabled }),
                'Could not change the pack.',
              );
            }}
          />
          <span>{pack.enabled ? 'On' : 'Off'}</span>
        </label>
        <button
          type="button"
          class="gloss-button gloss-button-small"
          aria-describedby={titleId}
          onClick={() =>
            run(async () => {
              const json = await sendMessage('exportPack', { id: pack.id });
              downloadText(document, packFileName(pack.id), json, 'application/json');
            }, 'Could not export the pack.')
          }
        >
          Export
        </button>
        <button
          type="button"
          class="gloss-button gloss-button-small gloss-button-danger"
          aria-describedby={titleId}
          onClick={() => setConfirming(true)}
        >
          Remove…
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={`Remove “${pack.title}”?`}
          confirmLabel="Remove pack"
          onConfirm={() => sendMessage('removePack', { id: pack.id })}
          onClose={() => setConfirming(false)}
        >
          <p>
            Its {count(pack.entityCount, 'entity', 'entities')} and {count(pack.factCount, 'fact', 'facts')}{' '}
            leave the knowledge base. Your notes are kept; notes about its entities are shown as orphaned.
          </p>
          {pack.bundled && <p>This pack came with Gloss; updates will not bring it back.</p>}
        </ConfirmDialog>
      )}
    </li>
  );
}

/** The pack's title, description and size, and why the last action on it failed. */
function PackInfo({ pack, titleId, error }: { pack: PackSummary; titleId: string; error: string | null }) {
  return (
    <div class="gloss-pack-info">
      <h3 id={titleId} class="gloss-pack-title">
        <bdi>{pack.title}</bdi> {pack.bundled && <span class="gloss-badge">Bundled</span>}
      </h3>
      {pack.description && (
        <p class="gloss-pack-description" dir="auto">
          {pack.description}
        </p>
      )}
      {pack.bundled && !pack.enabled && (
        <p class="gloss-muted" data-testid="pack-off-explanation">
          Comes with Gloss, switched off: turn it on to mark its names on pages and show its cards.
        </p>
      )}
      <p class="gloss-muted">
        {count(pack.entityCount, 'entity', 'entities')} · {count(pack.factCount, 'fact', 'facts')} ·{' '}
        {count(pack.sourceCount, 'source', 'sources')} · version {pack.version}
      </p>
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
