// The user's selection as a quote Gloss can find again: a W3C TextQuoteSelector computed from the
// page text around it, the sentence it is in, and a Range to show the composer next to.
import { quoteSelector, type TextQuoteSelector } from '@/src/core/anchor';
import { sentenceAround } from '@/src/core/sentence';
import { offsetAt, pageText } from './page-text';
import { TimeSlicer } from './time-slicer';
import type { ScanOptions } from './walk';

export interface SelectedQuote {
  selector: TextQuoteSelector;
  /** The sentence the selection is in (the whole selection when it spans more). */
  sentence: string;
  range: Range;
}

/** The selection as a quote; the page text around it is walked in slices (the range is kept from the start). */
export async function selectedQuote(win: Window, options: ScanOptions = {}): Promise<SelectedQuote | null> {
  const selection = win.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0).cloneRange();
  const page = await pageText(win.document.body, new TimeSlicer(win), options);
  let start = offsetAt(page, range.startContainer, range.startOffset, false);
  let end = offsetAt(page, range.endContainer, range.endOffset, true);
  if (start === null || end === null) return null;
  // The page text's own white space at the edges is not part of the quote.
  while (start < end && /\s/.test(page.text[start] ?? '')) start++;
  while (end > start && /\s/.test(page.text[end - 1] ?? '')) end--;
  if (end <= start) return null;
  const lang = win.document.documentElement.lang || 'en';
  const sentence = sentenceAround(page.text, start, end, lang);
  const exact = page.text.slice(start, end);
  return {
    selector: quoteSelector(page.text, start, end),
    sentence: sentence.includes(exact.replace(/\s+/g, ' ')) ? sentence : exact.replace(/\s+/g, ' '),
    range,
  };
}
