// First: the clock starts, and the storage read goes out, before the rest of the bundle is evaluated.
import { scriptStartedAt } from '@/src/content/clock';
import { earlyStartup } from '@/src/content/early';
import '@/src/content/highlights.css';
import { startGloss } from '@/src/content/gloss';

/** Set at build time (wxt.config.ts): started at document_end, the walk waits for the browser to be idle. */
declare const __GLOSS_WALK_WHEN_IDLE__: boolean;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  // highlights.css holds only ::highlight() rules and goes in the manifest, outside the page's DOM.
  cssInjectionMode: 'manifest',
  main(ctx) {
    const start = () =>
      void startGloss(window, ctx.signal, scriptStartedAt, earlyStartup).catch((error) => {
        // The extension was reloaded or removed under this page: nothing to report.
        if (ctx.isValid) console.warn('Gloss could not start on this page:', error);
      });
    if (__GLOSS_WALK_WHEN_IDLE__) requestIdleCallback(start, { timeout: 100 });
    else start();
  },
});
