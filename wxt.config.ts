import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/**
 * Scripts that run in web pages (the content script and its lazily loaded popover module) use the
 * browser's own promise-based API object instead of webextension-polyfill: Chromium's MV3 `chrome`
 * and Firefox's `browser` already return promises for everything they call, and the polyfill is
 * ~10 KB of the 60 KiB every page loads. Extension pages and the background keep the polyfill.
 */
function pageScriptsWithoutPolyfill(): Plugin {
  let pageScript = false;
  return {
    name: 'gloss:page-scripts-without-polyfill',
    enforce: 'pre',
    configResolved(config) {
      const entries = JSON.stringify([
        config.build.lib && config.build.lib.entry,
        config.build.rollupOptions.input,
      ]);
      pageScript = /content(\.ts|\/index\.ts|-scripts|\/popover-ui|\/scorer-module)/.test(entries);
    },
    async resolveId(source, importer, options) {
      if (!pageScript || source !== '@wxt-dev/webextension-polyfill/browser') return null;
      return this.resolve('@wxt-dev/browser', importer, { ...options, skipSelf: true });
    },
  };
}

/** Firefox's manifest keys: a stable add-on id, what data Gloss collects (none), the oldest Firefox it runs in. */
const gecko = {
  // The id must never change: Firefox keys the add-on's storage and IndexedDB (the knowledge base) by it.
  id: 'gloss-annotations@gloss.app',
  // The CSS Custom Highlight API, which draws every mark, shipped in Firefox 140.
  strict_min_version: '140.0',
  // Required of new add-ons since Firefox 140: Gloss sends nothing anywhere.
  data_collection_permissions: { required: ['none'] },
};

// When the content script runs. document_idle is what ships; `GLOSS_RUN_AT=document_end` builds the
// alternative bench:page compares it with (docs/benchmarks.md): the script starts as soon as the
// DOM is parsed, reads its storage at once, and walks the page when the browser is next idle.
const RUN_AT = process.env.GLOSS_RUN_AT === 'document_end' ? 'document_end' : 'document_idle';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // GLOSS_OUT_DIR lets two builds (e.g. parallel test runs) live side by side.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  // MV3 in every browser (WXT would build MV2 for Firefox): one manifest shape and one API surface
  // (`action`, `scripting`); Firefox runs the MV3 background as an event page, not a service worker.
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), pageScriptsWithoutPolyfill()],
    // bench:page --cpu-profile: functions keep their names in the profile.
    build: process.env.GLOSS_NO_MINIFY ? { minify: false } : {},
    define: { __GLOSS_WALK_WHEN_IDLE__: JSON.stringify(RUN_AT === 'document_end') },
  }),
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) script.run_at = RUN_AT;
    },
  },
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Highlights people, places, organisations and events you know about on any page, with facts, sources and your notes on hover. Everything stays on your device.',
    // Every permission must be needed by a feature and explained in README's "Permissions" section;
    // test/e2e/manifest.test.ts checks the built manifest against that list.
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'activeTab', 'scripting', 'contextMenus'],
    action: { default_title: 'Gloss' },
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+G' },
        description: 'Go to the next highlighted mention and open its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Go back to the previous highlighted mention',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko,
            // Firefox for Android reads data_collection_permissions only from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
