// `npm start`: build Gloss, serve the demo article on 127.0.0.1 and open it in Debian's Chromium
// with Gloss loaded. Without a display it runs headless and saves a screenshot instead.
import { execSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchGloss } from './lib/chromium';
import { ROOT, startStaticServer } from './lib/static-server';

const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
const server = await startStaticServer(Number(process.env.PORT ?? 0));
const demoUrl = `${server.url}/fixtures/article.html`;
// A new browser profile every run: Chromium keeps serving an unpacked extension's previous service
// worker from its cache when the version number has not changed, so a kept profile would run
// yesterday's background with today's pages.
const profileDir = mkdtempSync(join(tmpdir(), 'gloss-start-'));
const gloss = await launchGloss({
  profileDir,
  headless: !hasDisplay,
  viewport: hasDisplay ? null : undefined,
});
const page = gloss.context.pages()[0] ?? (await gloss.context.newPage());
await page.goto(demoUrl);

if (hasDisplay) {
  console.log(`\nGloss is loaded (extension id ${gloss.extensionId}) on ${demoUrl}`);
  console.log('Hover a highlighted name. Close the browser window or press Ctrl+C to stop.');
  gloss.context.on('close', () => server.close().then(() => process.exit(0)));
  process.on('SIGINT', () => gloss.close().then(() => process.exit(0)));
} else {
  // Show what a reader sees: the marks, and the card that opens when the pointer rests on "Wiesbaden".
  await page.waitForTimeout(1000);
  const target = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf('Wiesbaden');
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'Wiesbaden'.length);
      node.parentElement?.scrollIntoView({ block: 'end' });
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    }
    return null;
  });
  if (target) {
    await page.mouse.move(target.x, target.y, { steps: 4 });
    await page.waitForTimeout(900);
  }
  const shot = resolve(ROOT, '.output/gloss-demo.png');
  await page.screenshot({ path: shot });
  // The popup as it looks over the demo tab (popup.html?tabId= points it at that tab).
  await page.bringToFront();
  const tabId = await gloss.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  const popup = await gloss.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByTestId('packs').waitFor();
  await popup
    .getByText('Wiesbaden')
    .first()
    .waitFor({ timeout: 5000 })
    .catch(() => {});
  const popupShot = resolve(ROOT, '.output/gloss-popup.png');
  await popup.screenshot({ path: popupShot });
  const manager = await gloss.context.newPage();
  await manager.setViewportSize({ width: 1100, height: 700 });
  await manager.goto(`chrome-extension://${gloss.extensionId}/options.html#knowledge`);
  await manager.waitForTimeout(800);
  const managerShot = resolve(ROOT, '.output/gloss-manager.png');
  await manager.screenshot({ path: managerShot });
  console.log(`\nNo display found, so Chromium ran headless.`);
  console.log(`Demo page with Gloss: ${shot}`);
  console.log(`Gloss popup:          ${popupShot}`);
  console.log(`Gloss manager:        ${managerShot}`);
  await gloss.close();
  await server.close();
}
