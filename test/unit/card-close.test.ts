// @vitest-environment happy-dom
// A card that closes itself (Esc in its frame, its close button) asks from inside the frame's own
// handler of that key. Chromium lost the key's acknowledgement when the frame was removed at once:
// DevTools' Input.dispatchKeyEvent for the Esc never returned (the e2e keyboard tests hung). The
// popover is hidden and focus given back at once; the frame leaves the page a moment later.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromCard } from '@/src/content/card-channel';
import { PopoverHost } from '@/src/content/popover-host';

/** The channel of each card frame, caught as it is made: the test plays the frame's side. */
const channels: MessageChannel[] = [];
const Channel = globalThis.MessageChannel;
const shown = new WeakSet<Element>();
/** Lets the ports deliver (not a timer: the timers are fake). */
const delivered = () => new Promise((resolve) => setImmediate(resolve));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  channels.length = 0;
  globalThis.MessageChannel = class extends Channel {
    constructor() {
      super();
      channels.push(this);
    }
  };
  // happy-dom has no top layer: the test keeps track of what is shown.
  HTMLElement.prototype.showPopover = function (this: HTMLElement) {
    shown.add(this);
  };
  HTMLElement.prototype.hidePopover = function (this: HTMLElement) {
    shown.delete(this);
  };
});
afterEach(() => {
  vi.useRealTimers();
  globalThis.MessageChannel = Channel;
  Reflect.deleteProperty(HTMLElement.prototype, 'showPopover');
  Reflect.deleteProperty(HTMLElement.prototype, 'hidePopover');
  for (const host of document.querySelectorAll('gloss-popover')) host.remove();
});

function anchor(): Range {
  document.body.innerHTML = '<p><a href="#stoltenberg">Jens</a> Wiesbaden</p>';
  const range = document.createRange();
  range.selectNodeContents(document.querySelector('p') as Node);
  return range;
}

const card = {
  entityIds: ['nato-ukraine-2024/wiesbaden'],
  mentionText: 'Wiesbaden',
  around: { text: 'Wiesbaden.', start: 0, end: 9, lang: 'en' },
  pageUrl: 'https://example.org/',
  pageTitle: 'Example',
  trapFocus: true,
};

describe('a card that closes itself', () => {
  it('is hidden at once and focus goes back; its frame leaves the page a moment later', async () => {
    const at = anchor();
    const link = document.querySelector('a') as HTMLAnchorElement;
    link.focus();
    let closed = 0;
    const popover = new PopoverHost(document, () => closed++, 'chrome-extension://gloss-test/card.html');
    popover.open(at, card);
    const host = document.querySelector('gloss-popover') as HTMLElement;
    expect(shown.has(host)).toBe(true);
    const frameSide = channels[0]?.port2 as MessagePort;
    frameSide.postMessage({ type: 'ready' } satisfies FromCard);
    frameSide.postMessage({ type: 'close' } satisfies FromCard);
    await delivered();
    await delivered();
    expect(popover.isOpen).toBe(false);
    expect(closed).toBe(1);
    expect(document.activeElement).toBe(link);
    expect(shown.has(host)).toBe(false);
    // Still in the page while the frame finishes the event that closed it.
    expect(host.isConnected).toBe(true);
    vi.advanceTimersByTime(150);
    expect(host.isConnected).toBe(false);
    expect(document.querySelector('gloss-popover')).toBeNull();
  });

  it('whose host the page can no longer hide (its popover attribute taken away) leaves at once', async () => {
    const popover = new PopoverHost(document, () => {}, 'chrome-extension://gloss-test/card.html');
    popover.open(anchor(), card);
    const host = document.querySelector('gloss-popover') as HTMLElement;
    host.hidePopover = () => {
      throw new DOMException('Not supported', 'NotSupportedError');
    };
    const frameSide = channels[0]?.port2 as MessagePort;
    frameSide.postMessage({ type: 'ready' } satisfies FromCard);
    frameSide.postMessage({ type: 'close' } satisfies FromCard);
    await delivered();
    await delivered();
    expect(popover.isOpen).toBe(false);
    expect(host.isConnected).toBe(false);
  });

  it('closed from the page (another card, a click elsewhere) leaves at once, as before', () => {
    const popover = new PopoverHost(document, () => {}, 'chrome-extension://gloss-test/card.html');
    popover.open(anchor(), card);
    popover.close({ restoreFocus: false });
    expect(document.querySelector('gloss-popover')).toBeNull();
  });
});
