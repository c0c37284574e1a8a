// Entry of the scorer module (content-scripts/scorer.js): the context scorer and its word lists
// (issue 15), built as an ES module of its own (modules/popover-module.ts) and imported by a page the
// first time it has a mention to decide by context (see context.ts). Small, so a page whose first
// names wait for it (a sentence-initial "Alliance") does not wait for the whole popover module.
export { decideMentions } from '@/src/core/context/page';
