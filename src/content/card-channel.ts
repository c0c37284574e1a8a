// What the content script and the card frame (entrypoints/card) say to each other, over a
// MessageChannel whose port the content script hands the frame once, when it has loaded. Nothing
// here ever goes through window.postMessage with readable data: the page sees only an empty
// message carrying a port, and the frame says nothing back that depends on what the card shows.
import type { TextQuoteSelector } from '@/src/core/anchor';
import type { Decision } from '@/src/core/context/types';
import type { NoteRecord } from '@/src/core/records';

/** The file of the card frame, a web-accessible extension page. */
export const CARD_PAGE = '/card.html';

/** The entity card (or the chooser) for a mention. */
export interface EntityCardProps {
  /** The identities the mention may mean, likelier first. */
  entityIds: string[];
  /** How the page decided (issue 15): 'ambiguous' asks "Which one?"; the reasons explain the first. */
  decision?: Pick<Decision, 'kind' | 'reasons'>;
  /** A remembered choice for an ambiguous mention on this site. */
  chosen?: string;
  mentionText: string;
  /** The sentence around the mention, kept with a note. */
  sentence: string;
  pageUrl: string;
  pageTitle: string;
  /** Opened from the keyboard: take focus and keep Tab inside. */
  trapFocus: boolean;
}

/**
 * What the page side knows when a mention's card opens: its block's text and where the mention is.
 * The popover module (not every page's content script) turns it into the sentence.
 */
export interface MentionCardRequest extends Omit<EntityCardProps, 'sentence'> {
  around: { text: string; start: number; end: number; lang: string | null };
}

/** The composer for a selection: a page note on the quote, or a fact about an entity. */
export interface ComposerProps {
  kind: 'note' | 'fact';
  selector: TextQuoteSelector;
  /** The sentence the selection is in: a fact's quote. */
  sentence: string;
  pageUrl: string;
  pageTitle: string;
}

/** Which card to show. */
export type CardRequest =
  | ({ kind: 'entity' } & EntityCardProps)
  | { kind: 'note'; note: NoteRecord; trapFocus: boolean }
  | ({ kind: 'composer' } & Omit<ComposerProps, 'kind'> & { composer: ComposerProps['kind'] });

/** Content script → card frame. */
export type ToCard =
  /** Hover intent: start loading these entities, the card is about to show one of them. */
  { type: 'prefetch'; entityIds: string[] } | { type: 'show'; card: CardRequest };

/** Card frame → content script. None of these carries anything about the card's content. */
export type FromCard =
  | { type: 'ready' }
  | { type: 'close' }
  /** The user clicked into the card: it stays until Esc or a click elsewhere. */
  | { type: 'held' }
  /** Focus is in a text field of the card (or left it): the card must not close under the user. */
  | { type: 'editing'; editing: boolean };
