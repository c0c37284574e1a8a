import { startBackground } from '@/src/background';

export default defineBackground(() => {
  // onInstalled fires on install and on every update: bundled packs are installed or upgraded then.
  startBackground((listener) => browser.runtime.onInstalled.addListener(listener));
});
