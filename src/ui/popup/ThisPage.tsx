import { useState } from 'preact/hooks';
import { askTab } from '@/src/messaging/ask-tab';
import type { PageState } from '@/src/messaging/content-protocol';
import { isPaused, type Settings } from '@/src/settings/settings';
import { PageEntities } from './PageEntities';
import { PageNotice } from './PageNotice';
import { SiteSwitch } from './SiteSwitch';
import { usePageEntities } from './usePageEntities';
import type { PageStatus } from './usePageState';

export interface ThisPageProps {
  status: PageStatus;
  settings: Settings | null;
  onRescanned(): void;
}

/** The "On this page" section: the site switch and the entities Gloss found, or why there are none. */
export function ThisPage({ status, settings, onRescanned }: ThisPageProps) {
  return (
    <section class="gloss-popup-section" aria-labelledby="gloss-this-page">
      <h2 id="gloss-this-page" class="gloss-section-heading">
        On this page
        {status.kind === 'ready' && status.state.active && ` · ${mentions(status.state.stats.mentions)}`}
      </h2>
      {status.kind === 'ready' && settings ? (
        <ReadyPage tabId={status.tabId} state={status.state} settings={settings} />
      ) : (
        <PageNotice status={status} onRescanned={onRescanned} />
      )}
    </section>
  );
}

const mentions = (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'}`;

function ReadyPage({ tabId, state, settings }: { tabId: number; state: PageState; settings: Settings }) {
  const entities = usePageEntities(state.counts);
  const [notFound, setNotFound] = useState(false);
  const siteOff = settings.disabledSites.includes(state.site);
  const reveal = (entityKey: string) => {
    setNotFound(false);
    askTab(tabId, 'revealEntity', { entityKey })
      .then((found) => setNotFound(!found))
      .catch(() => setNotFound(true));
  };
  return (
    <>
      <SiteSwitch site={state.site} settings={settings} />
      {siteOff ? (
        <p class="gloss-muted" data-testid="site-off">
          Gloss is off on this site: it marks nothing here until you turn it on.
        </p>
      ) : isPaused(settings) || !state.active ? (
        <p class="gloss-muted">Gloss is paused: it marks nothing until you resume it.</p>
      ) : entities.length > 0 ? (
        <PageEntities entities={entities} onReveal={reveal} />
      ) : (
        <p class="gloss-muted">
          {state.stats.firstScanMs === null || state.counts.length > 0
            ? 'Looking for names…'
            : 'No names from your knowledge base on this page.'}
        </p>
      )}
      <p class="gloss-muted gloss-popup-status" role="status">
        {notFound ? 'That name is no longer on the page.' : ''}
      </p>
    </>
  );
}
