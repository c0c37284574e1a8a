// The card's quiet "why" line, from the page's decision (src/core/context/types.ts's Reason): one
// short sentence in the reader's words, the strongest reasons first, never a score.
import type { Reason } from '@/src/core/context/types';

/** Most names or words a reason lists before it stops: a line, not a paragraph. */
const MOST = 3;

const list = (items: string[]) => items.slice(0, MOST).join(', ');
const quoted = (items: string[]) =>
  items
    .slice(0, MOST)
    .map((item) => `“${item}”`)
    .join(', ');

/** One reason in words, or '' when it has nothing to name. */
function phrase(reason: Reason): string {
  const { items } = reason;
  switch (reason.kind) {
    case 'page':
      return items.length ? `on this page with ${list(items)}` : '';
    case 'block':
      return items.length ? `next to ${list(items)}` : '';
    case 'word':
      return items.length ? `near the words ${quoted(items)}` : '';
    case 'site':
      return 'seen on this site before';
    case 'correction':
      return 'as you corrected it';
    case 'prior':
      return 'the one Gloss knows most about';
  }
}

/** "On this page with NATO, Stoltenberg, Brussels; near the words “summit”": at most two reasons. */
export function explainLine(reasons: readonly Reason[] | undefined): string {
  const phrases = (reasons ?? []).map(phrase).filter(Boolean).slice(0, 2);
  const line = phrases.join('; ');
  return line ? line[0]?.toUpperCase() + line.slice(1) : '';
}
