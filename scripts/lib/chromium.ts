// Launches Debian's Chromium with the built extension loaded, through playwright-core.
// Never downloads a browser: it uses the system binary (`apt-get install chromium`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { ROOT } from './static-server';

// Lets the tests see the service worker's own network requests too (they must be none).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export const EXTENSION_DIR = resolve(ROOT, process.env.GLOSS_OUT_DIR ?? '.output', 'chrome-mv3');

export function chromiumPath(): string {
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {}
  }
  throw new Error('Chromium not found. Install it with: sudo apt-get install -y chromium');
}

export interface GlossBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  profileDir: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  profileDir?: string;
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  /** Page scripts on or off (Gloss's content script runs either way). */
  javaScriptEnabled?: boolean;
}

export async function launchGloss(options: LaunchOptions = {}): Promise<GlossBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'gloss-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const serviceWorker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, extensionId, serviceWorker, profileDir, close: () => context.close() };
}
