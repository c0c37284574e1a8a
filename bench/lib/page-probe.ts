/**
 * What the page benchmark runs inside pages: a probe installed before any page script (long tasks,
 * the last pointer move, the moment Gloss's popover is shown), and the background calls an
 * extension page makes, in the envelope @webext-core/messaging uses.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { GlossBrowser } from '../../scripts/lib/chromium';
import type { ContentProtocol } from '../../src/messaging/content-protocol';
import { type EnvelopeReply, envelope, unwrapReply } from '../../src/messaging/envelope';

export interface ProbeState {
  longTasks: number[];
  lastMoveAt: number;
  popoverAt: number;
}

/** Installed with addInitScript: runs in the page's main world before its own scripts. */
export const PROBE = `(() => {
  const probe = { longTasks: [], lastMoveAt: 0, popoverAt: 0 };
  Object.defineProperty(window, '__glossProbe', { value: probe });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  addEventListener('pointermove', (event) => { probe.lastMoveAt = event.timeStamp; }, { capture: true, passive: true });
  // The popover's host is added hidden on hover intent, while the card's frame loads; the card
  // appears when the host is shown (its popover opens).
  addEventListener('toggle', (event) => {
    if (event.target.localName === 'gloss-popover' && event.newState === 'open' && !probe.popoverAt)
      probe.popoverAt = event.timeStamp;
  }, { capture: true });
})();`;

export async function readProbe(page: Page): Promise<ProbeState> {
  return page.evaluate(() => ({ ...(window as unknown as { __glossProbe: ProbeState }).__glossProbe }));
}

export { callBackground } from '../../scripts/lib/calls';

/** The content script's state of the frontmost tab, asked the way the popup asks it. */
export async function pageState(
  gloss: GlossBrowser,
  page: Page,
): Promise<ReturnType<ContentProtocol['pageState']> | null> {
  await page.bringToFront();
  // Built here in Node and passed in: the service worker has no copy of the envelope module.
  const reply = (await gloss.serviceWorker
    .evaluate(
      async (message) => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.tabs.sendMessage(tab?.id ?? -1, message, { frameId: 0 });
      },
      envelope('pageState', undefined),
    )
    .catch(() => undefined)) as EnvelopeReply<ReturnType<ContentProtocol['pageState']>> | undefined;
  try {
    return unwrapReply(reply);
  } catch {
    return null; // No content script there (yet), or it failed: the caller polls again.
  }
}

/** JS heap of the page's renderer isolate (page and content-script worlds), after a full GC. */
export async function heapUsed(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usedSize;
}

/**
 * Centre of a highlighted mention on screen (scrolled to if none is), from the document's registry.
 * A string, not a function: tsx would wrap inner functions in its `__name` helper, unknown in the page.
 */
const VISIBLE_MENTION = `(async () => {
  const highlight = ['gloss-underline', 'gloss-tint', 'gloss-hover'].map((n) => CSS.highlights.get(n)).find(Boolean);
  const ranges = highlight ? [...highlight].filter((r) => r.startContainer.getRootNode() === document) : [];
  const onScreen = (r) => {
    const box = r.getClientRects()[0];
    return box && box.width > 0 && box.top > 40 && box.bottom < innerHeight - 40 && box.left > 40 ? box : undefined;
  };
  let range = ranges.find(onScreen);
  if (!range && ranges[0]) {
    range = ranges[0];
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }
  const box = range && onScreen(range);
  return box ? { x: box.left + Math.min(box.width / 2, 20), y: box.top + box.height / 2, text: range.toString() } : null;
})()`;

export async function visibleMention(page: Page): Promise<{ x: number; y: number; text: string } | null> {
  return page.evaluate(VISIBLE_MENTION) as Promise<{ x: number; y: number; text: string } | null>;
}
