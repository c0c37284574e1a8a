import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { type PackSummary, sendMessage } from '@/src/messaging/protocol';
import { errorText } from '../hooks/useLive';

export const openManager = () => void browser.runtime.openOptionsPage();

/** The bundled pack that ships switched off (scripts/pack-countries.ts): the empty state offers it. */
const COUNTRIES_PACK_ID = 'countries-of-the-world';

/** An empty knowledge base (or one with every pack off) explains why nothing is marked, and what to do. */
export function KnowledgeNotice({ packs }: { packs: PackSummary[] }) {
  const [error, setError] = useState<string | null>(null);
  if (packs.some((pack) => pack.enabled)) return null;
  // Nothing the user added or turned on: a bundled pack waiting to be switched on is not knowledge yet.
  const countries = packs.find((pack) => pack.id === COUNTRIES_PACK_ID && pack.bundled);
  const empty = packs.every((pack) => pack === countries);
  const turnOn = () =>
    countries &&
    sendMessage('setPackEnabled', { id: countries.id, enabled: true }).catch((caught) =>
      setError(errorText(caught, 'Could not turn the pack on.')),
    );
  return (
    <div class="gloss-popup-notice" data-testid="knowledge-empty">
      <p class="gloss-popup-notice-title">
        {empty ? 'Your knowledge base is empty.' : 'All your knowledge packs are off.'}
      </p>
      <p class="gloss-muted">
        {empty
          ? 'Gloss marks the names it knows from knowledge packs. Import a pack file in the manager to start.'
          : 'Gloss marks nothing until you turn a pack on in the manager.'}
      </p>
      {countries && (
        <p class="gloss-muted">Or start with every country of the world, named in 13 languages.</p>
      )}
      {countries && (
        <button type="button" class="gloss-button gloss-button-primary" onClick={turnOn}>
          Turn on {countries.title}
        </button>
      )}
      <button
        type="button"
        class={`gloss-button ${countries ? '' : 'gloss-button-primary'}`}
        onClick={openManager}
      >
        Open the manager
      </button>
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
