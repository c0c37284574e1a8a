// A user's note, as every layer sees it: stored by the background, backed up, exported.
import type { TextQuoteSelector } from './anchor';
import { clipText, clipUrl, LIMITS } from './limits';

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

/**
 * A note's page address as stored: clipped to a shorter working address when too long (see
 * clipUrl). Pages look their notes up through this too, so a clipped address still finds them.
 */
export function notePageUrl(url: string): string {
  return clipUrl(url, LIMITS.pageUrl) ?? clipText(url, LIMITS.pageUrl);
}

/**
 * A note's page, title, entity name and quote within the limits every backup reader checks
 * (src/core/limits.ts): what the user wrote (the text) is never cut here — the writer refuses
 * an over-long text instead — but what came from a page is clipped, so one long address cannot
 * make a backup unrestorable.
 */
export function clipNote<T extends Pick<Note, 'entityName' | 'pageUrl' | 'pageTitle' | 'quote'>>(note: T): T {
  return {
    ...note,
    entityName: clipText(note.entityName, LIMITS.entityName),
    pageUrl: notePageUrl(note.pageUrl),
    pageTitle: clipText(note.pageTitle, LIMITS.pageTitle),
    quote: clipText(note.quote, LIMITS.quote),
  };
}
