// A user's note, as every layer sees it: stored by the background, backed up, exported.
import type { TextQuoteSelector } from './anchor';

export interface Note {
  id: string;
  /**
   * The entity this note is about. It may no longer exist (pack removed): the note is then orphaned,
   * never lost. "" for a page note: a note on a selection, about no entity.
   */
  entityKey: string;
  /** The entity's name when the note was written, so an orphaned note still says what it was about. */
  entityName: string;
  text: string;
  pageUrl: string;
  pageTitle: string;
  /** The sentence around the mention the note was written from (a page note: the selected text). */
  quote: string;
  /** A page note's selection, found again on later visits (W3C TextQuoteSelector). */
  selector?: TextQuoteSelector;
  /** The page was visited and the selector's quote was not on it (it changed). */
  quoteMissing?: boolean;
  createdAt: number;
  updatedAt: number;
}
