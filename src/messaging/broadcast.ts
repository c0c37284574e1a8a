// What the background announces to every context at once, through extension storage: each context
// watches these items, so the announcement needs neither a tab list nor an awake service worker.
// Only the background writes them; pages, the popup and the manager read and watch.

import type { MatcherDelivery } from './protocol';
import { defineItem } from './storage-item';

/**
 * What a change was about: content scripts fetch the matcher again on "knowledge", open cards
 * refresh on "notes", pages fetch their site's corrections again on "corrections".
 */
export type ChangeKind = 'knowledge' | 'notes' | 'corrections';

/** A change, written after it is committed. */
export interface ChangeSignal {
  kind: ChangeKind;
  /** The entity whose notes changed, when it is one. */
  entityKey?: string;
  /** When: two equal changes in a row must still reach storage watchers. */
  at: number;
}

export const changeItem = defineItem<ChangeSignal | null>('local:changed', { fallback: null });

/**
 * The matcher for the knowledge as it is now. A page reads it together with the settings in one
 * storage read, so opening a page neither waits for nor wakes the service worker; the message
 * `getMatcher` stays for when it is missing. The same as a delivery, never "unchanged".
 */
export type PublishedMatcher = Exclude<MatcherDelivery, { mode: 'unchanged' }>;

export const publishedMatcherItem = defineItem<PublishedMatcher | null>('local:pageMatcher', {
  fallback: null,
});

/** Its revision alone, so the background can tell it is current without reading the matcher. */
export const publishedRevisionItem = defineItem<string | null>('local:pageMatcherRevision', {
  fallback: null,
});

/**
 * Where the reader's corrections can apply: the sites of those for a whole site, and the (folded)
 * names of those for passages like one or for everywhere. A page reads it at start and asks the
 * background for its corrections only when its site is listed or it finds one of those names, so
 * opening a page does not wake the service worker for them. Missing: ask.
 */
export interface CorrectionSites {
  sites: string[];
  aliases: string[];
}

export const correctionSitesItem = defineItem<CorrectionSites | null>('local:correctionSites', {
  fallback: null,
});
