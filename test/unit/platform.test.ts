import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { BROWSER_FAMILY, fileAccessReason, restrictedHosts, shortcutSettings } from '@/src/platform';

describe('platform differences', () => {
  it('the unit tests build for Chromium', () => {
    expect(BROWSER_FAMILY).toBe('chromium');
  });

  it("opens Chromium's shortcuts page in a tab", async () => {
    const create = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    const settings = shortcutSettings('chromium');
    expect(settings.where).toBe('chrome://extensions/shortcuts');
    await settings.open();
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
    create.mockRestore();
  });

  it('asks Firefox to open its shortcut settings (it has no page an extension may open)', async () => {
    const open = vi.fn(async () => {});
    const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
    const before = commands.openShortcutSettings;
    commands.openShortcutSettings = open;
    try {
      const settings = shortcutSettings('firefox');
      expect(settings.where).toContain('Manage Extension Shortcuts');
      await settings.open();
      expect(open).toHaveBeenCalledOnce();
    } finally {
      commands.openShortcutSettings = before;
    }
  });
});

describe('pages off-limits per browser', () => {
  it("knows each browser's own store", () => {
    expect(restrictedHosts('chromium')).toContain('chromewebstore.google.com');
    expect(restrictedHosts('firefox')).toContain('addons.mozilla.org');
    expect(restrictedHosts('firefox')).not.toContain('chromewebstore.google.com');
  });

  it('explains file pages in the words of each browser', () => {
    expect(fileAccessReason('chromium')).toContain('chrome://extensions');
    expect(fileAccessReason('firefox')).not.toContain('chrome://');
  });
});
