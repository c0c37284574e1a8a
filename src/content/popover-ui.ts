// Entry of the popover module (content-scripts/popover.js): built as an ES module of its own and
// imported by the content script the first time a card is about to open (see popover.ts), or the
// first time something rarer than reading needs page code: selection notes to find again, or the
// composer for a selection.
export { composeFromSelection } from './compose';
export { PopoverHost } from './popover-host';
export { locateQuotes } from './quotes';
