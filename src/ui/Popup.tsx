import { useEffect, useState } from 'preact/hooks';
import { type PackSummary, sendMessage } from '@/src/messaging/protocol';

type State =
  | { status: 'loading' }
  | { status: 'ready'; packs: PackSummary[] }
  | { status: 'error'; message: string };

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The toolbar popup: for now, what the knowledge base holds. */
export function Popup() {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    sendMessage('listPacks', undefined)
      .then((packs) => setState({ status: 'ready', packs }))
      .catch((error: Error) => setState({ status: 'error', message: error.message }));
  }, []);

  return (
    <main class="gloss-popup" aria-busy={state.status === 'loading'}>
      <h1 class="gloss-brand">
        <img src="/icon/32.png" alt="" /> Gloss
      </h1>
      <h2 class="gloss-section-title">Knowledge packs</h2>
      {state.status === 'loading' && <p class="gloss-muted">Loading…</p>}
      {state.status === 'error' && (
        <p class="gloss-error">Gloss could not read its knowledge base: {state.message}</p>
      )}
      {state.status === 'ready' && state.packs.length === 0 && (
        <p class="gloss-muted">No knowledge packs yet. Import a pack file to start.</p>
      )}
      {state.status === 'ready' && state.packs.length > 0 && (
        <ul class="gloss-list" data-testid="packs">
          {state.packs.map((pack) => (
            <li class="gloss-pack" key={pack.id} data-pack-id={pack.id}>
              <div class="gloss-pack-title">{pack.title}</div>
              <div class="gloss-muted">
                {count(pack.entityCount, 'entity', 'entities')} · {count(pack.factCount, 'fact', 'facts')}
                {pack.enabled ? '' : ' · off'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
