import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askTab } from '@/src/messaging/ask-tab';
import type { PageState } from '@/src/messaging/content-protocol';
import { watchSettings } from '@/src/settings/settings';
import { FILE_REASON, HIDDEN_PAGE_REASON, pageAccess } from './page-access';
import { onPageReport } from './page-reports';
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

/** While no content script answers yet, it is asked again this often (it may be starting). */
const RETRY_MS = 1000;
/** Failed asks before "waiting" becomes "unreachable": a content script needs a moment to start. */
const PATIENCE = 2;

/**
 * What Gloss found in the target tab. Asked once (`pageState`); after that the popup asks again only
 * when something changed: the page reported new counts (see page-reports.ts), the tab navigated or
 * finished loading, or the settings changed (Gloss turned off for the site). Until the page first
 * answers it is asked every second, as a content script may still be starting. The tab's URL tells
 * the pages no extension may touch; hidden, it is a browser page unless the page answers.
 */
export function usePageState(): { status: PageStatus; askNow(): void } {
  const [status, setStatus] = useState<PageStatus>({ kind: 'finding' });
  const ask = useRef<() => void>(() => {});

  useEffect(() => {
    const stop = new AbortController();
    const { signal } = stop;
    const cleanups: Array<() => void> = [];
    let retry: ReturnType<typeof setTimeout> | undefined;

    const run = async () => {
      const tab = await findTargetTab();
      if (signal.aborted) return;
      if (!tab) return setStatus({ kind: 'no-tab' });
      const access = pageAccess(tab.url);
      if (access.kind === 'restricted') return setStatus({ kind: 'restricted', reason: access.reason });
      if (access.kind === 'file' && !(await browser.extension.isAllowedFileSchemeAccess())) {
        return setStatus({ kind: 'restricted', reason: FILE_REASON });
      }
      if (signal.aborted) return;

      let failures = 0;
      // One ask at a time; a change while one is on its way asks once more after it.
      let asking = false;
      let again = false;
      const askPage = async () => {
        if (asking) {
          again = true;
          return;
        }
        asking = true;
        clearTimeout(retry);
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
            retry = setTimeout(() => void askPage(), RETRY_MS);
          }
        } finally {
          asking = false;
        }
        if (again && !signal.aborted) {
          again = false;
          void askPage();
        }
      };
      ask.current = () => void askPage();

      cleanups.push(onPageReport(tab.id, ask.current));
      cleanups.push(watchSettings(ask.current));
      const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
        if (tabId === tab.id && (change.status || change.url)) ask.current();
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      cleanups.push(() => browser.tabs.onUpdated.removeListener(onUpdated));
      await askPage();
    };
    void run();
    return () => {
      stop.abort();
      clearTimeout(retry);
      for (const cleanup of cleanups) cleanup();
    };
  }, []);

  const askNow = useCallback(() => ask.current(), []);
  return { status, askNow };
}
