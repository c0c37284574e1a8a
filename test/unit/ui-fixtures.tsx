// What the happy-dom tests of Gloss's Preact views share: a mount point per test, a way to let
// effects and messages settle, and sources to build facts on.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import type { SourceRecord } from '@/src/core/records';

/** An element to render into: in the document during each test, emptied and taken out after it. */
export function testRoot(): HTMLElement {
  const root = document.createElement('div');
  beforeEach(() => {
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return root;
}

/** Waits `ms` inside act(), so the views' effects and their (mocked) messages have finished. */
export const settle = (ms: number) => act(async () => await new Promise((r) => setTimeout(r, ms)));

/** A source of pack `packId`, titled "`title` `id`" at `site`/`id`, dated when `publishedAt` is given. */
export function sourceRecord(
  id: string,
  packId: string,
  publishedAt?: string,
  { title = 'Source', site = 'https://example.org' } = {},
): SourceRecord {
  return {
    key: `${packId}/${id}`,
    packId,
    id,
    title: `${title} ${id}`,
    url: `${site}/${id}`,
    ...(publishedAt ? { publishedAt } : {}),
    position: 0,
  };
}
