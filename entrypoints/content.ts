// First: the clock starts, and the storage read goes out, before the rest of the bundle is evaluated.
import { scriptStartedAt } from '@/src/content/clock';
import { earlyStartup } from '@/src/content/early';
import '@/src/content/highlights.css';
import { startGloss } from '@/src/content/gloss';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  // highlights.css holds only ::highlight() rules and goes in the manifest, outside the page's DOM.
  cssInjectionMode: 'manifest',
  main(ctx) {
    void startGloss(window, ctx.signal, scriptStartedAt, earlyStartup).catch((error) => {
      // The extension was reloaded or removed under this page: nothing to report.
      if (ctx.isValid) console.warn('Gloss could not start on this page:', error);
    });
  },
});
