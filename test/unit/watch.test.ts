// @vitest-environment happy-dom
// PageWatcher: the page changing becomes a few blocks to rescan, batched and debounced; Gloss's own
// popover changing is not the page changing; nothing is reported once stopped.
import { afterEach, describe, expect, it } from 'vitest';
import { OWN_UI_TAG } from '@/src/content/walk';
import { type PageChanges, PageWatcher } from '@/src/content/watch';

const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

function setup(html: string) {
  document.body.innerHTML = html;
  const changes: PageChanges[] = [];
  const controller = new AbortController();
  const isOwnUi = (node: Node) => {
    for (let n: Node | null = node; n; n = n.parentNode)
      if (n instanceof Element && n.localName === OWN_UI_TAG) return true;
    return false;
  };
  const watcher = new PageWatcher((c) => changes.push(c), isOwnUi, controller.signal);
  watcher.observe(document.body);
  const $ = (selector: string) => document.querySelector(selector) as HTMLElement;
  return { changes, watcher, controller, $ };
}

let stop: (() => void) | undefined;
afterEach(() => stop?.());

describe('PageWatcher', () => {
  it('hands over the block whose text changed, once, after the page is quiet', async () => {
    const { changes, controller, $ } = setup('<p id="a">Jens <b>Stolten</b></p><p id="b">NATO</p>');
    stop = () => controller.abort();
    $('#a b').append('berg');
    $('#a b').append('!');
    await settle();
    expect(changes).toEqual([{ roots: [$('#a')], removals: false }]);
  });

  it('hands over blocks none inside another, and says when something was removed', async () => {
    const { changes, controller, $ } = setup(
      '<div id="outer"><p id="inner">Kyiv</p><p id="gone">x</p></div><p id="other">y</p>',
    );
    stop = () => controller.abort();
    $('#inner').append(' and Brussels');
    $('#gone').remove();
    await settle();
    expect(changes).toHaveLength(1);
    expect(changes[0]?.roots).toEqual([$('#outer')]);
    expect(changes[0]?.removals).toBe(true);
  });

  it('notices content shown or hidden by attribute, and leaves blocks that did not change alone', async () => {
    const { changes, controller, $ } = setup(
      '<section id="s"><p id="h" hidden>Washington Summit</p></section><p>Kyiv</p>',
    );
    stop = () => controller.abort();
    $('#h').hidden = false;
    await settle();
    // The element shown is a block: it is rescanned itself.
    expect(changes.map((c) => c.roots)).toEqual([[$('#h')]]);
  });

  it("ignores Gloss's own popover coming and going", async () => {
    const { changes, controller } = setup('<p>text</p>');
    stop = () => controller.abort();
    const popover = document.createElement(OWN_UI_TAG);
    document.body.append(popover);
    popover.append('card');
    popover.remove();
    await settle();
    expect(changes).toEqual([]);
  });

  it('reports nothing once stopped or once its lifetime ended', async () => {
    const first = setup('<p id="a">one</p>');
    first.watcher.stop();
    first.$('#a').append(' two');
    await settle();
    expect(first.changes).toEqual([]);

    const second = setup('<p id="a">one</p>');
    second.controller.abort();
    second.$('#a').append(' two');
    second.watcher.observe(document.body);
    await settle();
    expect(second.changes).toEqual([]);
  });
});
