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

describe('PageWatcher on a page that rewrites everything at once', () => {
  it('finds the outermost of 100,000 changed blocks in short tasks, and none is missed', async () => {
    const { TaskStats } = await import('@/src/content/time-slicer');
    document.body.innerHTML = '<main></main>';
    const main = document.querySelector('main') as HTMLElement;
    // Each paragraph inside a changed section: outermost has 100,000 ancestors to walk up from.
    const sections = Array.from({ length: 50_000 }, () => {
      const section = main.appendChild(document.createElement('section'));
      section.appendChild(document.createElement('p')).textContent = 'before';
      return section;
    });
    const stats = new TaskStats();
    const changes: PageChanges[] = [];
    const controller = new AbortController();
    stop = () => controller.abort();
    const watcher = new PageWatcher(
      (c) => changes.push(c),
      () => false,
      controller.signal,
      stats,
    );
    watcher.observe(document.body);
    for (const section of sections) {
      section.setAttribute('hidden', '');
      (section.firstChild as HTMLElement).textContent = 'after';
    }
    await expect.poll(() => changes.length, { timeout: 30_000, interval: 50 }).toBe(1);
    expect(changes[0]?.roots).toHaveLength(sections.length);
    expect(changes[0]?.roots[0]).toBe(sections[0]);
    // 8 ms slices, with room for a busy machine (in one go: 261 ms here).
    console.info(
      `longest watcher task ${stats.longestTaskMs.toFixed(1)} ms, all ${stats.busyMs.toFixed(0)} ms`,
    );
    expect(stats.longestTaskMs).toBeLessThan(150);
  }, 60_000);
});
