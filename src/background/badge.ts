// The toolbar button's badge: how many mentions the tab's page has, or that Gloss is off there.
import { browser } from 'wxt/browser';

const ACCENT = '#7a4cc2';
const MUTED = '#8a8f99';

export function setBadge(tabId: number, mentions: number, active: boolean): void {
  const text = !active ? 'off' : mentions === 0 ? '' : mentions > 999 ? '999+' : String(mentions);
  // The tab may have closed meanwhile; there is nothing to show then.
  void browser.action.setBadgeText({ tabId, text }).catch(() => {});
  void browser.action.setBadgeBackgroundColor({ tabId, color: active ? ACCENT : MUTED }).catch(() => {});
  void browser.action
    .setTitle({
      tabId,
      title: active
        ? `Gloss — ${mentions} mention${mentions === 1 ? '' : 's'} on this page`
        : 'Gloss — off on this page',
    })
    .catch(() => {});
}
