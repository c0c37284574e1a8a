import { startBackground } from '@/src/background';
import { setBadge } from '@/src/background/badge';

export default defineBackground(() => {
  startBackground({
    // Fires on install and on every update: bundled packs are installed or upgraded then.
    onInstalled: (listener) => browser.runtime.onInstalled.addListener(listener),
    onCommand: (listener) =>
      browser.commands.onCommand.addListener((command, tab) => listener(command, tab?.id)),
    setBadge,
    openManager: (hash) => void browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) }),
    menus: {
      removeAll: () => browser.contextMenus.removeAll(),
      create: (item) => void browser.contextMenus.create(item),
    },
    onMenuClick: (listener) =>
      browser.contextMenus.onClicked.addListener((info, tab) => listener(info.menuItemId, tab, info.frameId)),
    alarms: browser.alarms && {
      get: (name) => browser.alarms.get(name),
      create: (name, info) => void browser.alarms.create(name, info),
      onAlarm: (listener) => browser.alarms.onAlarm.addListener((alarm) => listener(alarm.name)),
    },
    storage: navigator.storage,
  });
});
