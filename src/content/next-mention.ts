// The keyboard's "next/previous mention" and the popup's "jump to this entity": from the mention
// whose card is open (or hovered), on to the next one in the page, and open its card.
import type { HoverController } from './hover';
import { type MentionRecord, type MentionStore, meant } from './mentions';
import type { NoteMark } from './page-notes';
import type { PopoverControl } from './popover';

/** Moves to the next/previous mention (of one entity, if given), scrolls to it and opens it. */
export function goToMention(
  store: MentionStore,
  popover: PopoverControl,
  hover: HoverController<MentionRecord | NoteMark>,
  direction: 1 | -1,
  entityKey?: string,
): boolean {
  const all = store.all().filter((m) => !entityKey || meant(m).includes(entityKey));
  if (all.length === 0) return false;
  const anchor = popover.anchorRange ?? hover.current?.range ?? null;
  let index = anchor ? all.findIndex((m) => m.range === anchor) : -1;
  if (index === -1 && anchor) {
    // The current one is not in this list: continue from its position in the page.
    index = all.findIndex((m) => m.range.compareBoundaryPoints(Range.START_TO_START, anchor) > 0) - 1;
    if (direction === -1) index += 1;
  }
  const next = all[(index + direction + all.length) % all.length] as MentionRecord;
  next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
  hover.openNow(next, true);
  return true;
}
