import { useId, useState } from 'preact/hooks';
import { sendMessage } from '@/src/messaging/protocol';
import type { Settings } from '@/src/settings/settings';
import { errorText } from '../hooks/useLive';

export interface GraphSettingsProps {
  settings: Pick<Settings, 'factOrder' | 'history'>;
  save(change: () => Partial<Settings>): void;
  /** Forgets every "seen on" page; the manager passes the background call. */
  clearHistory?(): Promise<unknown>;
}

/** The knowledge graph's two preferences: the order of facts, and remembering where entities were seen. */
export function GraphSettings({ settings, save, clearHistory }: GraphSettingsProps) {
  const id = useId();
  const [cleared, setCleared] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const clear = async () => {
    setBusy(true);
    setCleared(null);
    try {
      await (clearHistory ?? (() => sendMessage('clearHistory', undefined)))();
      setCleared('History cleared.');
    } catch (caught) {
      setCleared(errorText(caught, 'Could not clear the history.'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="gloss-panel" aria-labelledby={`${id}-graph`} data-testid="graph-settings">
      <h2 id={`${id}-graph`}>Facts and history</h2>
      <fieldset class="gloss-radios">
        <legend class="gloss-label">Order of facts on cards and entity pages (by the source’s date)</legend>
        {(['newest', 'oldest'] as const).map((order) => (
          <label key={order} class="gloss-radio">
            <input
              type="radio"
              name={`${id}-order`}
              value={order}
              checked={settings.factOrder === order}
              onChange={() => save(() => ({ factOrder: order }))}
            />
            <span>{order === 'newest' ? 'Newest first' : 'Oldest first'}</span>
          </label>
        ))}
      </fieldset>
      <label class="gloss-check-label">
        <input
          type="checkbox"
          class="gloss-check"
          checked={settings.history}
          onChange={(event) => {
            // Read now: the event's currentTarget is gone by the time save() runs the change.
            const history = event.currentTarget.checked;
            save(() => ({ history }));
          }}
        />
        Remember pages where Gloss marked an entity
      </label>
      <p class="gloss-hint-line">
        Shown as “Seen on” on each entity’s page. It stays on this device and is kept in backups.
      </p>
      <div class="gloss-actions">
        <button type="button" class="gloss-button" disabled={busy} onClick={clear}>
          Clear history
        </button>
        <span class="gloss-muted" role="status">
          {cleared}
        </span>
      </div>
    </section>
  );
}
