import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Pack } from '@/src/core/pack';
import { openDb } from '@/src/db/db';

export const ARTICLE_PATH = resolve(__dirname, '../../../shared/article/nato-ukraine-support-2024-06-14.txt');
export const BUNDLED_PACK_PATH = resolve(__dirname, '../../assets/packs/nato-ukraine-2024.json');

export function readArticle(): string {
  return readFileSync(ARTICLE_PATH, 'utf8');
}

/** A fresh copy of the bundled pack, safe to mutate. */
export function bundledPack(): Pack {
  return JSON.parse(readFileSync(BUNDLED_PACK_PATH, 'utf8'));
}

let counter = 0;
/** A database of its own per test, in fake-indexeddb. */
export function freshDb() {
  counter += 1;
  return openDb(`gloss-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function smallPack(overrides: Partial<Pack['pack']> = {}): Pack {
  return {
    format: 'gloss-pack',
    version: 1,
    pack: {
      id: 'demo',
      version: 1,
      title: 'Demo',
      description: 'A demo pack',
      language: 'en',
      createdAt: '2024-06-14',
      ...overrides,
    },
    sources: [{ id: 's1', title: 'Source one', url: 'https://example.org/a' }],
    entities: [
      { id: 'e1', name: 'Wiesbaden', type: 'place', aliases: [] },
      { id: 'e2', name: 'Jens Stoltenberg', type: 'person', aliases: ['Stoltenberg'], caseSensitive: false },
    ],
    facts: [
      {
        id: 'f1',
        entityId: 'e1',
        sourceId: 's1',
        text: 'Hosts the headquarters.',
        quote: 'The headquarters will be in Wiesbaden.',
      },
      {
        id: 'f2',
        entityId: 'e2',
        sourceId: 's1',
        text: 'Spoke in Brussels.',
        quote: 'Stoltenberg said this in Brussels.',
      },
    ],
  };
}

/** Who sends a message, as chrome.runtime.onMessage's listeners see it. */
export interface FakeSender {
  id?: string;
  url?: string;
  tab?: { id: number };
}

/** The extension's own pages, as WXT's fake browser names the extension. */
export const EXTENSION_PAGE: FakeSender = {
  id: 'test-extension-id',
  url: 'chrome-extension://test-extension-id/options.html',
};
/** A content script in a web page's frame: same extension id, the page's URL, a tab. */
export const CONTENT_SCRIPT: FakeSender = {
  id: 'test-extension-id',
  url: 'https://news.example/article',
  tab: { id: 7 },
};

/**
 * The transport only: chrome.runtime delivering @webext-core/messaging's messages to the
 * background's listeners, from whichever sender the test names. Returns a function to change it.
 */
export function fakeRuntime(sender: FakeSender = EXTENSION_PAGE): (next: FakeSender) => void {
  let current = sender;
  const listeners: Array<(m: unknown, s: unknown, r: (x: unknown) => void) => boolean> = [];
  globalThis.chrome = {
    runtime: {
      onMessage: {
        addListener: (l: (typeof listeners)[0]) => listeners.push(l),
        removeListener: (l: (typeof listeners)[0]) => listeners.splice(listeners.indexOf(l), 1),
      },
      sendMessage: (message: unknown, reply: (x: unknown) => void) => {
        for (const listener of listeners) listener(message, current, reply);
      },
    },
  } as unknown as typeof chrome;
  return (next) => {
    current = next;
  };
}
