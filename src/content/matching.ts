// The page's way to find mentions: a compiled matcher sent by the background (small knowledge
// bases: matched right here), or the background itself (large ones: the page sends its text).
import { type Mention, reviveMatcher } from '@/src/core/matcher';
import { sendMessage } from '@/src/messaging/protocol';

export interface PageMatcher {
  revision: string;
  /** Where matching happens, for diagnostics. */
  where: 'page' | 'background';
  /** Text per call: small for local matching (each call runs in one slice), large for messages. */
  batchChars: number;
  find(texts: string[]): Promise<Mention[][]>;
}

export async function loadPageMatcher(previous: PageMatcher | null): Promise<PageMatcher> {
  const delivery = await sendMessage('getMatcher', { revision: previous?.revision });
  if (delivery.mode === 'unchanged' && previous) return previous;
  if (delivery.mode === 'local') {
    const matcher = reviveMatcher(delivery.matcher);
    return {
      revision: delivery.revision,
      where: 'page',
      batchChars: 20_000,
      find: async (texts) => texts.map((text) => matcher.findAll(text)),
    };
  }
  return {
    revision: delivery.revision,
    where: 'background',
    batchChars: 400_000,
    find: async (texts) => (await sendMessage('matchTexts', { texts })).mentions,
  };
}
