import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // GLOSS_OUT_DIR lets two builds (e.g. parallel test runs) live side by side.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: 'Gloss',
    description:
      'Highlights people, places, organisations and events you know about on any page, with facts, sources and your notes on hover. Everything stays on your device.',
    // Every permission must be needed by a feature and explained in README's "Permissions" section;
    // test/e2e/manifest.test.ts checks the built manifest against that list.
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
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
  },
});
