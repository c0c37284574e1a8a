// Entry of the popover module (content-scripts/popover.js): built as an ES module of its own and
// imported by the content script the first time a card is about to open (see popover.ts), or the
// first time something rarer than reading needs page code: selection notes to find again, or the
// composer for a selection.
// The context scorer and its word lists (issue 15): only pages with mentions to decide load them.
export { decideMentions } from '@/src/core/context/page';
export { isOrdinary } from '@/src/core/context/words';
export { composeFromSelection } from './compose';
export { PopoverHost } from './popover-host';
export { locateQuotes } from './quotes';
