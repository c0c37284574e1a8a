import { useState } from 'preact/hooks';
import { rescanTab } from './target-tab';
import type { PageStatus } from './usePageState';

/** What to say when Gloss has nothing to show for the tab: each case plainly, with what can be done. */
export function PageNotice({ status, onRescanned }: { status: PageStatus; onRescanned(): void }) {
  switch (status.kind) {
    case 'finding':
    case 'waiting':
      return <p class="gloss-muted">Looking at this page…</p>;
    case 'no-tab':
      return <p class="gloss-muted">There is no page open in this window.</p>;
    case 'restricted':
      return (
        <div class="gloss-popup-notice" data-testid="restricted">
          <p class="gloss-popup-notice-title">Gloss can’t run on this page.</p>
          <p class="gloss-muted">{status.reason}</p>
        </div>
      );
    case 'unreachable':
      return <Unreachable tabId={status.tabId} onRescanned={onRescanned} />;
    default:
      return null;
  }
}

function Unreachable({ tabId, onRescanned }: { tabId: number; onRescanned(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rescan = async () => {
    setBusy(true);
    setError(null);
    try {
      await rescanTab(tabId);
      onRescanned();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="gloss-popup-notice" data-testid="unreachable">
      <p class="gloss-popup-notice-title">Gloss isn’t running in this tab yet.</p>
      <p class="gloss-muted">
        The page was probably open before Gloss was installed or updated. Rescan it, or reload the page.
      </p>
      <button type="button" class="gloss-button gloss-button-primary" disabled={busy} onClick={rescan}>
        Rescan this page
      </button>
      {error && (
        <p class="gloss-error" role="alert">
          The page could not be rescanned: <bdi>{error}</bdi>
        </p>
      )}
    </div>
  );
}
