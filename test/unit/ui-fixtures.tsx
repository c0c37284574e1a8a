// What the happy-dom tests of Gloss's Preact views share: a mount point per test, a way to let
// effects and messages settle, and sources to build facts on.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import type { EntityRecord, SourceRecord } from '@/src/core/records';
import type { CardFact } from '@/src/ui/card/facts';

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

/** Pack a's Russia, the entity the card and entity-page tests show. */
export function russia(overrides: Partial<EntityRecord> = {}): EntityRecord {
  return {
    key: 'a/russia',
    packId: 'a',
    id: 'russia',
    name: 'Russia',
    type: 'place',
    aliases: [],
    description: 'A country.',
    terms: [],
    position: 0,
    ...overrides,
  };
}

/** Fact `id` of `source`'s pack (pack x when the source is gone), also stated by `alsoIn`. */
export function cardFact(
  id: string,
  text: string,
  source: SourceRecord | null,
  { alsoIn = [], entityKey = 'a/russia', quote = text, position = 0 }: Partial<CardFact> = {},
): CardFact {
  const packId = source?.packId ?? 'x';
  return {
    key: `${packId}/${id}`,
    packId,
    id,
    entityKey,
    sourceKey: source?.key ?? 'x/missing',
    text,
    quote,
    position,
    source,
    alsoIn,
  };
}
