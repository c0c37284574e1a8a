// Gloss on one page (one frame): starts a PageSession (session.ts) where the browser can mark text
// without changing the page.
import { readStartup, type Startup } from './early';
import { highlightRegistry } from './highlighter';
import type { MentionStore } from './mentions';
import { PageSession } from './session';

export interface GlossPage {
  store: MentionStore;
  stop(): void;
}

/**
 * Starts Gloss in this window. `signal` ends everything (the extension was updated or removed);
 * `startedAt` is when the content script began to run, the origin of the start-up timings, and
 * `early` the storage read it started then (see early.ts).
 */
export async function startGloss(
  win: Window,
  signal: AbortSignal,
  startedAt = performance.now(),
  early: Promise<Startup> = readStartup(),
): Promise<GlossPage | null> {
  const registry = highlightRegistry(win);
  // No CSS Custom Highlight API: Gloss steps back rather than change the page's DOM.
  if (!registry || !win.document.body) return null;
  const session = new PageSession(win, registry, signal, startedAt);
  await session.start(early);
  return session;
}
