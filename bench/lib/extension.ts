/**
 * Gloss built and loaded in Debian's Chromium for the browser benchmarks: a build of its own, an
 * extension page to call the background from, and the User Timing entries the background records
 * for the steps of an import (`measure` in src/background/packs.ts).
 */
import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { type GlossBrowser, launchGloss } from '../../scripts/lib/chromium';
import { ROOT } from '../../scripts/lib/static-server';

/** Requests that would leave the machine fail at once (as in test/e2e/gloss.ts). */
export const OFF_MACHINE = /^(?!http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:).*/;

/** Builds the extension into `outDir` (relative to the repository) unless `reuse`; returns its chrome-mv3 folder. */
export function buildExtension(outDir: string, reuse = false): string {
  if (!reuse) {
    console.log(`building the extension into ${outDir} …`);
    execSync('npx wxt build', { cwd: ROOT, stdio: 'ignore', env: { ...process.env, GLOSS_OUT_DIR: outDir } });
  }
  return resolve(ROOT, outDir, 'chrome-mv3');
}

export interface Bench {
  gloss: GlossBrowser;
  /** An extension page (the popup's document) to call the background from. */
  ext: Page;
}

export async function openBench(extensionDir: string, profileDir?: string): Promise<Bench> {
  const gloss = await launchGloss({ extensionDir, profileDir });
  await gloss.context.route(OFF_MACHINE, (route) => route.abort());
  const ext = await gloss.context.newPage();
  await ext.goto(`chrome-extension://${gloss.extensionId}/popup.html`);
  return { gloss, ext };
}

/** The background's `gloss:*` User Timing entries since the last call, ms by name (summed), then cleared. */
export async function takeMeasures(gloss: GlossBrowser): Promise<Map<string, number>> {
  const entries = await gloss.serviceWorker.evaluate(() => {
    const found = performance
      .getEntriesByType('measure')
      .filter((e) => e.name.startsWith('gloss:'))
      .map((e) => [e.name.slice('gloss:'.length), e.duration] as [string, number]);
    performance.clearMeasures();
    return found;
  });
  const out = new Map<string, number>();
  for (const [name, duration] of entries) out.set(name, (out.get(name) ?? 0) + duration);
  return out;
}

export const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

export const ms = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(1) : x.toFixed(0);

export const markdown = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
