import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '@/src/messaging/protocol';
import { knowledgeChange, useLive } from './hooks/useLive';
import { useSettings } from './hooks/useSettings';
import { CaptureArticle } from './popup/CaptureArticle';
import { EntityPanel } from './popup/EntityPanel';
import { KnowledgeNotice } from './popup/KnowledgeNotice';
import { PauseControls } from './popup/PauseControls';
import { PopupFooter } from './popup/PopupFooter';
import { SearchBox } from './popup/SearchBox';
import { SearchResults, useSearch } from './popup/SearchResults';
import { ThisPage } from './popup/ThisPage';
import { usePageState } from './popup/usePageState';

/**
 * The toolbar popup: what Gloss found on the current page, Gloss on/off for the site, search
 * across the knowledge base and notes, and one entity's card.
 */
export function Popup() {
  const { status, askNow } = usePageState();
  const stored = useSettings();
  const settings = stored.status === 'ready' ? stored.data : null;
  const packs = useLive(() => sendMessage('listPacks', undefined), [], knowledgeChange);
  const [query, setQuery] = useState('');
  const search = useSearch(query);
  const [openKey, setOpenKey] = useState<string | null>(null);
  // Back from a card: the focus returns to the search hit that opened it.
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    if (openKey !== null || returnTo === null) return;
    const hit = mainRef.current?.querySelector<HTMLElement>(`[data-entity-key="${CSS.escape(returnTo)}"]`);
    (hit ?? document.getElementById('gloss-search'))?.focus();
    setReturnTo(null);
  }, [openKey, returnTo]);

  return (
    <div class="gloss-root gloss-popup-shell">
      <header class="gloss-popup-header">
        <h1 class="gloss-popup-brand">
          <img src="/icon/32.png" alt="" width={20} height={20} /> Gloss
        </h1>
        {settings && <PauseControls settings={settings} />}
      </header>
      <main class="gloss-popup-main" ref={mainRef} aria-busy={status.kind === 'finding'}>
        {openKey ? (
          <EntityPanel
            entityKey={openKey}
            onBack={() => {
              setReturnTo(openKey);
              setOpenKey(null);
            }}
          />
        ) : (
          <>
            <SearchBox query={query} onQuery={setQuery} />
            {packs.status === 'ready' && <KnowledgeNotice packs={packs.data} />}
            {query.trim() ? (
              <SearchResults search={search} onOpen={setOpenKey} />
            ) : (
              <>
                <ThisPage status={status} settings={settings} onRescanned={askNow} />
                {status.kind === 'ready' && <CaptureArticle tabId={status.tabId} />}
              </>
            )}
          </>
        )}
      </main>
      <PopupFooter packs={packs} />
    </div>
  );
}
