// Builds the page's two lazy modules after WXT's own build: the popover module
// (src/content/popover-ui.ts → content-scripts/popover.js), an ES module the content script imports
// the first time a card is about to open, and the context scorer (src/content/scorer-module.ts →
// content-scripts/scorer.js), imported the first time a page has a mention to decide; so the script
// every page runs holds only the scanner. WXT bundles content scripts as one classic
// script each and has no option for this; the shape follows WXT's "ESM content script" example.
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build } from 'vite';
import { defineWxtModule } from 'wxt/modules';

/** Entry → file inside the browser's output directory; the content script asks for it at this path. */
const MODULES = [
  { input: 'src/content/popover-ui.ts', file: 'popover.js' },
  { input: 'src/content/scorer-module.ts', file: 'scorer.js' },
];
const OUTPUTS = MODULES.map((module) => `content-scripts/${module.file}`);

export default defineWxtModule({
  name: 'gloss:popover-module',
  setup(wxt) {
    wxt.hooks.hook('build:done', async () => {
      for (const module of MODULES) {
        await build({
          configFile: false,
          root: wxt.config.root,
          mode: wxt.config.mode,
          logLevel: 'warn',
          plugins: [preact()],
          resolve: { alias: wxt.config.alias },
          build: {
            outDir: resolve(wxt.config.outDir, 'content-scripts'),
            emptyOutDir: false,
            copyPublicDir: false,
            target: 'es2022',
            // Not Vite's library mode: it leaves ES output's white space unminified.
            rollupOptions: {
              input: resolve(wxt.config.root, module.input),
              preserveEntrySignatures: 'strict',
              output: { format: 'es', entryFileNames: module.file, inlineDynamicImports: true },
            },
          },
        });
      }
    });

    // Pages' content scripts may import them, and put the card's frame (card.html, the card entrypoint)
    // in the page. Chrome: only under a per-session URL (use_dynamic_url), so a page cannot probe
    // for the files to learn that Gloss is installed; Firefox's extension URLs are already random
    // per installation.
    wxt.hooks.hook('build:manifestGenerated', (_, manifest) => {
      manifest.web_accessible_resources ??= [];
      (manifest.web_accessible_resources as unknown[]).push({
        resources: [...OUTPUTS, 'card.html'],
        matches: ['<all_urls>'],
        ...(wxt.config.browser === 'firefox' ? {} : { use_dynamic_url: true }),
      });
    });

    wxt.hooks.hook('prepare:publicPaths', (_, paths) => {
      paths.push(...OUTPUTS);
    });
  },
});
