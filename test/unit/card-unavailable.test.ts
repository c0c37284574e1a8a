// @vitest-environment happy-dom
// Where the card's frame cannot load (or never answers), the popover says so in the card's place
// and offers nothing to type into: never a fallback that puts Gloss's fields in the page.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopoverHost, UNAVAILABLE_TEXT } from '@/src/content/popover-host';

/** The popover's closed shadow roots, caught as they are made (a page could not do this). */
const roots: ShadowRoot[] = [];
const attach = Element.prototype.attachShadow;

beforeEach(() => {
  vi.useFakeTimers();
  roots.length = 0;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  // happy-dom has no top layer: showing a popover only needs to not throw here.
  HTMLElement.prototype.showPopover ??= () => {};
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  document.documentElement.querySelector('gloss-popover')?.remove();
});

function anchor(): Range {
  document.body.innerHTML = '<p>Wiesbaden</p>';
  const range = document.createRange();
  range.selectNodeContents(document.body.firstChild as Node);
  return range;
}

const card = {
  entityIds: ['nato-ukraine-2024/wiesbaden'],
  mentionText: 'Wiesbaden',
  around: { text: 'Wiesbaden.', start: 0, end: 9, lang: 'en_US' },
  pageUrl: 'https://example.org/',
  pageTitle: 'Example',
  trapFocus: false,
};

describe('a card whose frame does not answer', () => {
  it('shows "Gloss can\'t show its card on this page" and no field to type into', () => {
    const popover = new PopoverHost(document, () => {}, 'chrome-extension://gloss-test/card.html');
    popover.open(anchor(), card);
    const [root] = roots;
    expect(root?.querySelector('iframe')).not.toBeNull();
    expect(root?.textContent).not.toContain(UNAVAILABLE_TEXT);
    vi.advanceTimersByTime(3500);
    expect(root?.textContent).toContain(UNAVAILABLE_TEXT);
    expect(root?.querySelector('iframe, textarea, input, [contenteditable]')).toBeNull();
    expect(popover.isOpen).toBe(true);
    popover.close({ restoreFocus: false });
    expect(document.querySelector('gloss-popover')).toBeNull();
  });
});
