// The context menu's "Add note on this selection" / "Add as a fact about…": the composer opens
// in the popover, next to the selection, with the quote Gloss will find again later. It runs in
// the card's frame and saves through the background itself: what the user types never passes here.
import type { SelectionKind } from '@/src/messaging/content-protocol';
import type { PopoverControl } from './popover';
import { selectedQuote } from './selection';
import type { ScanOptions } from './walk';

/** Opens the composer for the current selection; false when nothing is selected in this frame. */
export async function composeFromSelection(
  win: Window,
  popover: PopoverControl,
  kind: SelectionKind,
  scan: ScanOptions,
): Promise<boolean> {
  const quote = await selectedQuote(win, scan);
  if (!quote) return false;
  const box = quote.range.getBoundingClientRect();
  if (box.bottom < 0 || box.top > win.innerHeight) {
    quote.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
  }
  popover.openComposer(quote.range, {
    kind,
    selector: quote.selector,
    sentence: quote.sentence,
    pageUrl: win.location.href,
    pageTitle: win.document.title,
  });
  return true;
}
