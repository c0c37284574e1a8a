import { browser } from 'wxt/browser';
import type { PackSummary } from '@/src/messaging/protocol';

export const openManager = () => void browser.runtime.openOptionsPage();

/** An empty knowledge base (or one with every pack off) explains why nothing is marked, and what to do. */
export function KnowledgeNotice({ packs }: { packs: PackSummary[] }) {
  const empty = packs.length === 0;
  if (!empty && packs.some((pack) => pack.enabled)) return null;
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
      <button type="button" class="gloss-button gloss-button-primary" onClick={openManager}>
        Open the manager
      </button>
    </div>
  );
}
