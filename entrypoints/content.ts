// First: the clock for "content-script start" starts before the rest of the bundle is evaluated.
import { scriptStartedAt } from '@/src/content/started';
import '@/src/content/highlights.css';
import { startGloss } from '@/src/content/gloss';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  // highlights.css holds only ::highlight() rules and goes in the manifest, outside the page's DOM.
  cssInjectionMode: 'manifest',
  main(ctx) {
    void startGloss(window, ctx.signal, scriptStartedAt).catch((error) => {
      // The extension was reloaded or removed under this page: nothing to report.
      if (ctx.isValid) console.warn('Gloss could not start on this page:', error);
    });
  },
});
