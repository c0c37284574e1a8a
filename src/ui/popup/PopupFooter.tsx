import type { PackSummary } from '@/src/messaging/protocol';
import type { Live } from '../hooks/useLive';
import { openManager } from './KnowledgeNotice';

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The way to the manager, and what the knowledge base holds in one line. */
export function PopupFooter({ packs }: { packs: Live<PackSummary[]> }) {
  return (
    <footer class="gloss-popup-footer">
      <button type="button" class="gloss-popup-manage" onClick={openManager}>
        Manage notes &amp; knowledge
      </button>
      <p class="gloss-muted gloss-popup-summary" data-testid="packs">
        {packs.status === 'error' && 'Gloss could not read its knowledge base.'}
        {packs.status === 'ready' && summary(packs.data)}
      </p>
    </footer>
  );
}

/** The packs, and what the switched-on ones hold: a switched-off pack adds nothing Gloss uses. */
function summary(packs: Array<{ enabled: boolean; entityCount: number; factCount: number }>): string {
  const on = packs.filter((pack) => pack.enabled);
  const off = packs.length - on.length;
  const entities = on.reduce((sum, pack) => sum + pack.entityCount, 0);
  const facts = on.reduce((sum, pack) => sum + pack.factCount, 0);
  return [
    `${count(packs.length, 'pack', 'packs')}${off ? ` (${off} off)` : ''}`,
    count(entities, 'entity', 'entities'),
    count(facts, 'fact', 'facts'),
  ].join(' · ');
}
