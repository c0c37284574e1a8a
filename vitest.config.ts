import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects: unit tests run in Node with WXT's fake browser; e2e drives Debian's Chromium
// with the built extension; firefox drives Debian's Firefox ESR with the built Firefox extension
// (test/spec/global-setup.ts builds each once per run). Both browser projects run the shared spec
// (test/spec/*.spec.ts) through their own driver, and the cases only their browser has.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          // Generous: the 10 MB scan and the fuzzers must not fail only because the machine is busy.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/spec/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // No retries: the flaky focus tests were two Gloss races, fixed (Esc hung while the card's
          // frame was removed mid-keystroke, CLOSED_FRAME_MS in src/content/popover-host.ts; an Esc
          // lost before the card took focus, src/ui/Popover.tsx), 20 clean runs each without retry.
        },
      },
      {
        resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
        test: {
          name: 'firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/spec/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // No retries: the flaky focus tests were two Gloss races, fixed (Esc hung while the card's
          // frame was removed mid-keystroke, CLOSED_FRAME_MS in src/content/popover-host.ts; an Esc
          // lost before the card took focus, src/ui/Popover.tsx), 20 clean runs each without retry.
        },
      },
    ],
  },
});
