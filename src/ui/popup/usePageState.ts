import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askTab } from '@/src/messaging/ask-tab';
import type { PageState } from '@/src/messaging/content-protocol';
import { FILE_REASON, HIDDEN_PAGE_REASON, pageAccess } from './page-access';
import { findTargetTab } from './target-tab';

export type PageStatus =
  | { kind: 'finding' }
  | { kind: 'no-tab' }
  | { kind: 'restricted'; reason: string }
  /** Asked, no answer yet: the page is loading or Gloss is starting in it. */
  | { kind: 'waiting'; tabId: number }
  /** No content script answers (the tab was open before Gloss was installed or updated). */
  | { kind: 'unreachable'; tabId: number }
  | { kind: 'ready'; tabId: number; state: PageState };

const POLL_MS = 1000;
/** Failed asks before "waiting" becomes "unreachable": a content script needs a moment to start. */
const PATIENCE = 2;

/**
 * What Gloss found in the target tab, asked again every second while the popup is open. The tab's
 * URL tells the pages no extension may touch; it is known when the user opened the popup from the
 * toolbar (activeTab) on any page Gloss may use. Hidden, it is a browser page (activeTab does not
 * reach those) unless the page answers.
 */
export function usePageState(): { status: PageStatus; askNow(): void } {
  const [status, setStatus] = useState<PageStatus>({ kind: 'finding' });
  const wake = useRef<() => void>(() => {});

  useEffect(() => {
    const stop = new AbortController();
    const { signal } = stop;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sleep = () =>
      new Promise<void>((resolve) => {
        wake.current = resolve;
        timer = setTimeout(resolve, POLL_MS);
      }).finally(() => clearTimeout(timer));

    const run = async () => {
      const tab = await findTargetTab();
      if (signal.aborted) return;
      if (!tab) return setStatus({ kind: 'no-tab' });
      const access = pageAccess(tab.url);
      if (access.kind === 'restricted') return setStatus({ kind: 'restricted', reason: access.reason });
      if (access.kind === 'file' && !(await browser.extension.isAllowedFileSchemeAccess())) {
        return setStatus({ kind: 'restricted', reason: FILE_REASON });
      }
      let failures = 0;
      while (!signal.aborted) {
        try {
          const state = await askTab(tab.id, 'pageState', undefined);
          failures = 0;
          if (!signal.aborted) setStatus({ kind: 'ready', tabId: tab.id, state });
        } catch {
          // A page still loading gets time: Gloss starts in it once the document is ready.
          const loading = (await browser.tabs.get(tab.id).catch(() => null))?.status === 'loading';
          failures = loading ? 0 : failures + 1;
          if (!signal.aborted) {
            setStatus(
              failures < PATIENCE
                ? { kind: 'waiting', tabId: tab.id }
                : access.kind === 'unknown'
                  ? { kind: 'restricted', reason: HIDDEN_PAGE_REASON }
                  : { kind: 'unreachable', tabId: tab.id },
            );
          }
        }
        await sleep();
      }
    };
    void run();
    return () => {
      stop.abort();
      wake.current();
    };
  }, []);

  const askNow = useCallback(() => wake.current(), []);
  return { status, askNow };
}
