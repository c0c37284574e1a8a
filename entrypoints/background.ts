import { startBackground } from '@/src/background';
import { setBadge } from '@/src/background/badge';

export default defineBackground(() => {
  startBackground({
    // Fires on install and on every update: bundled packs are installed or upgraded then.
    onInstalled: (listener) => browser.runtime.onInstalled.addListener(listener),
    onCommand: (listener) =>
      browser.commands.onCommand.addListener((command, tab) => listener(command, tab?.id)),
    setBadge,
  });
});
