// The context menu's "Add note on this selection" / "Add as a fact about…": the composer opens
// in the popover, next to the selection, with the quote Gloss will find again later.
import type { SelectionKind } from '@/src/messaging/content-protocol';
import { sendMessage } from '@/src/messaging/protocol';
import type { ComposerApi } from '@/src/ui/SelectionComposer';
import type { PopoverControl } from './popover';
import { selectedQuote } from './selection';
import type { ScanOptions } from './walk';

const api: ComposerApi = {
  createNote: (input) => sendMessage('createNote', input),
  listEntities: async (query, packId) =>
    (await sendMessage('listEntities', { query, packId, limit: 6 })).entities,
  saveEntity: (input) => sendMessage('saveEntity', input),
  saveFact: (input) => sendMessage('saveFact', input),
};

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
    api,
  });
  return true;
}
