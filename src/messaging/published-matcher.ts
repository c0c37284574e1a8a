// The matcher for the knowledge as it is now, published by the background in extension storage.
// A page reads it together with the settings in one storage read, so opening a page neither waits
// for nor wakes the service worker; the message `getMatcher` stays for when it is missing.
import { storage } from 'wxt/utils/storage';
import type { SerializedMatcherJSON } from '@/src/core/matcher';

/** What pages need: a compiled matcher (small knowledge bases) or "ask the background" (large ones). */
export type PublishedMatcher =
  | { revision: string; mode: 'local'; size: number; matcher: SerializedMatcherJSON }
  | { revision: string; mode: 'remote'; size: number };

export const publishedMatcherItem = storage.defineItem<PublishedMatcher | null>('local:pageMatcher', {
  fallback: null,
});

/** Its revision alone, so the background can tell it is current without reading the matcher. */
export const publishedRevisionItem = storage.defineItem<string | null>('local:pageMatcherRevision', {
  fallback: null,
});
