// Gloss in Firefox ESR, end to end: the shared spec (test/spec/gloss.spec.ts, also run in
// Chromium) against the built Firefox add-on, and what only Firefox has here: its own handling of
// the keyboard shortcuts, pressed in the browser window as a person presses them.
import { describe, expect, it } from 'vitest';
import { glossSpec, withGloss } from '../spec/gloss.spec';
import { firefoxDriver } from './driver';

const t = withGloss(firefoxDriver);
glossSpec(t);

describe('the keyboard command in Firefox', () => {
  it('registers Alt+Shift+G and Alt+Shift+B, as Manage Extension Shortcuts lists them', async () => {
    const popup = await t.extensionPage('popup.html');
    const commands = await popup.evaluate(() => chrome.commands.getAll(), undefined);
    expect(commands.map(({ name, shortcut }) => ({ name, shortcut }))).toEqual(
      expect.arrayContaining([
        { name: 'next-mention', shortcut: 'Alt+Shift+G' },
        { name: 'previous-mention', shortcut: 'Alt+Shift+B' },
      ]),
    );
  });

  it('the Alt+Shift+G keystroke itself reaches the command, and again moves on to the next mention', async () => {
    const page = await t.open('inline-splits.html');
    await page.focus('a[href="#stoltenberg"]');
    await t.gloss.pressBrowserShortcut('Alt+Shift+G');
    await page.waitForPopover((v) => v?.text.startsWith('Washington Summit') ?? false);
    expect(await page.evaluate(() => document.activeElement?.localName, undefined)).toBe('gloss-popover');
    await t.gloss.pressBrowserShortcut('Alt+Shift+G');
    await page.waitForPopover((v) => v?.text.startsWith('Jens Stoltenberg') ?? false);
    await page.press('Escape');
    expect(await page.readPopover()).toBeNull();
  });
});
