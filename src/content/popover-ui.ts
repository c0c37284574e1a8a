// Entry of the popover module (content-scripts/popover.js): built as an ES module of its own and
// imported by the content script the first time a card is about to open (see popover.ts).
export { PopoverHost } from './popover-host';
