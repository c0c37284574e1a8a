// What the happy-dom tests of Gloss's Preact views share: a mount point per test, a way to let
// effects and messages settle, and sources to build facts on.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { SourceRecord } from '@/src/core/records';

/** An element in the document to render into; give it to unmount() after the test. */
export function mountRoot(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  return root;
}

export function unmount(root: HTMLElement): void {
  render(null, root);
  root.remove();
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
