// Messages the other way: from the background (keyboard commands) and the popup to a tab's
// content script. Sent to frame 0 unless a frame is named.
import { defineExtensionMessaging } from '@webext-core/messaging';

export interface PageEntityCount {
  entityKey: string;
  count: number;
}

export interface PageState {
  /** The page's host name: what "this site" means in the popup. */
  site: string;
  /** Gloss is on for this site and not paused. */
  active: boolean;
  counts: PageEntityCount[];
  stats: {
    mentions: number;
    /** From content-script start to every mention marked; null while the first scan runs. */
    firstScanMs: number | null;
    /** The longest stretch Gloss held the page's main thread. */
    longestTaskMs: number;
    /** The last matcher load: reading it (published in storage, or asked of the background) and reviving it. */
    matcherMs: number;
    /** Where mentions are matched: in the page (compiled matcher sent) or in the background. */
    matchedIn: 'page' | 'background' | null;
    /** Main-thread time the first scan used, all slices together (the rest of firstScanMs was waiting). */
    busyMs: number | null;
    /** When each step of the first scan ended, ms after content-script start (for the page benchmark). */
    phases: Record<string, number>;
    /** When the content script started, on the page's performance clock. */
    startedAt: number;
  };
}

export interface ContentProtocol {
  /** The keyboard command: go to the next (1) or previous (-1) mention and open its popover. */
  focusMention(data: { direction: 1 | -1 }): boolean;
  /** What Gloss found on this page. */
  pageState(): PageState;
  /** Scroll to the next mention of an entity and open its popover. */
  revealEntity(data: { entityKey: string }): boolean;
  /**
   * The context menu on a selection: open the composer next to it for a page note ("note") or a
   * fact about an entity ("fact"). False when the frame has no selection.
   */
  composeFromSelection(data: { kind: SelectionKind }): boolean;
}

export type SelectionKind = 'note' | 'fact';

export const contentMessaging = defineExtensionMessaging<ContentProtocol>({
  logger: { debug() {}, log() {}, warn: console.warn, error: console.error },
});
