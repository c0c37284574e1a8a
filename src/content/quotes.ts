// Finding page notes' quotes in the page text again: the selector's exact text, told apart by its
// context (src/core/anchor.ts), over the walk's segments. Part of the popover module (popover-ui.ts):
// only pages with notes need it, and every page loads the content script.
import { findQuote } from '@/src/core/anchor';
import type { NoteRecord } from '@/src/core/records';
import type { NoteMark } from './page-notes';
import { pageText, rangeAt } from './page-text';
import { TimeSlicer } from './time-slicer';
import type { ScanOptions } from './walk';

export async function locateQuotes(
  win: Window,
  notes: NoteRecord[],
  signal: AbortSignal,
  scan: ScanOptions,
): Promise<{ marks: NoteMark[]; missing: string[] }> {
  // Walked in slices, so a long page is never held for long.
  const page = await pageText(win.document.body, new TimeSlicer(win, signal), scan);
  const marks: NoteMark[] = [];
  const missing: string[] = [];
  for (const note of notes) {
    const at = note.selector ? findQuote(page.text, note.selector) : null;
    const range = at ? rangeAt(page, at.start, at.end) : null;
    if (range) marks.push({ range, note });
    else missing.push(note.id);
  }
  return { marks, missing };
}
