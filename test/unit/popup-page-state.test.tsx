// @vitest-environment happy-dom
// The popup learns of changes in the page from the page's own reports instead of asking it every
// second: one ask when it opens, one more per report from its tab's top frame.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import type { PageState } from '@/src/messaging/content-protocol';
import { type PageStatus, usePageState } from '@/src/ui/popup/usePageState';

const state = (mentions: number): PageState => ({
  site: 'example.org',
  active: true,
  counts: [{ entityKey: 'de/wiesbaden', count: mentions }],
  stats: {
    mentions,
    firstScanMs: 1,
    longestTaskMs: 1,
    matcherMs: 1,
    matchedIn: 'page',
    busyMs: 1,
    phases: {},
    startedAt: 0,
  },
});

let container: HTMLElement;
let seen: PageStatus[];
let mentions: number;
let asks: ReturnType<typeof vi.fn>;
let tabId: number;

function Probe() {
  const { status } = usePageState();
  seen.push(status);
  return null;
}
const wait = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));
const last = () => seen.at(-1);

beforeEach(async () => {
  fakeBrowser.reset();
  seen = [];
  mentions = 3;
  const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/article', active: true });
  tabId = tab.id!;
  // The fake browser knows no active tab: the popup's window shows this one.
  vi.spyOn(browser.tabs, 'query').mockImplementation(async () => [{ ...tab, active: true }]);
  asks = vi.fn(async (_tab: number, message: { type: string }) =>
    message.type === 'pageState' ? { res: state(mentions) } : undefined,
  );
  // The fake browser has no tabs.sendMessage: this stands for the content script's answer.
  (browser.tabs as unknown as { sendMessage: typeof asks }).sendMessage = asks;
  container = document.createElement('div');
  document.body.append(container);
  await act(() => render(<Probe />, container));
});
afterEach(() => {
  render(null, container);
  container.remove();
});

const report = (fromTab: number, frameId = 0) =>
  act(async () => {
    await fakeBrowser.runtime.onMessage.trigger(
      { id: 1, type: 'reportPage', data: { mentions, active: true }, timestamp: Date.now() },
      { tab: { id: fromTab } as never, frameId },
    );
  });

describe("the popup and the page's state", () => {
  it('asks once, then not again while nothing changes', async () => {
    await wait(2500);
    expect(last()).toMatchObject({ kind: 'ready', tabId, state: { stats: { mentions: 3 } } });
    expect(asks).toHaveBeenCalledTimes(1);
  });

  it("asks again when its tab's page reports a change, not for other tabs or frames", async () => {
    await wait(50);
    mentions = 7;
    await report(tabId + 1);
    await report(tabId, 2);
    await wait(50);
    expect(asks).toHaveBeenCalledTimes(1);
    await report(tabId);
    await wait(50);
    expect(asks).toHaveBeenCalledTimes(2);
    expect(last()).toMatchObject({ kind: 'ready', state: { stats: { mentions: 7 } } });
  });

  it('keeps asking while no content script answers yet, and stops once one does', async () => {
    render(null, container);
    asks.mockReset();
    asks.mockImplementation(async () => undefined);
    seen = [];
    await act(() => render(<Probe />, container));
    await wait(50);
    expect(last()).toMatchObject({ kind: 'waiting' });
    asks.mockImplementation(async () => ({ res: state(mentions) }));
    await wait(1200);
    expect(last()).toMatchObject({ kind: 'ready' });
    const answered = asks.mock.calls.length;
    await wait(1200);
    expect(asks).toHaveBeenCalledTimes(answered);
  });
});
