import { useState } from 'preact/hooks';
import { sendMessage } from '@/src/messaging/protocol';
import { useLive } from '../hooks/useLive';
import { EntityBrowser } from './EntityBrowser';
import { EntityForm } from './EntityForm';
import { PackImport } from './PackImport';
import { PackItem } from './PackItem';
import { entityHref } from './route';

/** Installed packs, pack import, and every entity the knowledge base knows. */
export function KnowledgeView() {
  const packs = useLive(() => sendMessage('listPacks', undefined), []);
  const [adding, setAdding] = useState(false);
  const list = packs.status === 'ready' ? packs.data : [];

  return (
    <>
      <header class="gloss-view-header">
        <h1>Knowledge</h1>
      </header>
      <section class="gloss-panel" aria-labelledby="packs-heading">
        <h2 id="packs-heading">Installed packs</h2>
        {packs.status === 'loading' && <p class="gloss-muted">Loading…</p>}
        {packs.status === 'error' && (
          <p class="gloss-error">Gloss could not read its packs: {packs.message}</p>
        )}
        {packs.status === 'ready' && list.length === 0 && (
          <p class="gloss-empty">No packs installed. Import a pack file, or add your own entities below.</p>
        )}
        {list.length > 0 && (
          <ul class="gloss-list" data-testid="manager-packs">
            {list.map((pack) => (
              <PackItem key={pack.id} pack={pack} />
            ))}
          </ul>
        )}
      </section>
      <PackImport packs={list} />
      <section class="gloss-panel" aria-labelledby="entities-heading">
        <h2 id="entities-heading">Entities</h2>
        {adding ? (
          <EntityForm
            onSaved={(entity) => {
              location.hash = entityHref(entity.key);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <button type="button" class="gloss-button" onClick={() => setAdding(true)}>
            Add an entity to My knowledge…
          </button>
        )}
        <EntityBrowser />
      </section>
    </>
  );
}
