// The background's whole job: own the database, install the bundled packs, answer messages,
// and pass keyboard commands and context-menu clicks to the page.
import bundledCountries from '@/assets/packs/countries-of-the-world.json';
import bundledNato from '@/assets/packs/nato-ukraine-2024.json';
import { validatePack } from '@/src/core/pack';
import { type GlossDb, openDb } from '@/src/db/db';
import { askTab } from '@/src/messaging/ask-tab';
import {
  type CorrectionSites,
  changeItem,
  correctionSitesItem,
  type PublishedMatcher,
  publishedMatcherItem,
  publishedRevisionItem,
} from '@/src/messaging/broadcast';
import { settingsItem } from '@/src/settings/settings';
import { keepStorage, type SettingsStore } from './backup';
import { createMenus, type MenuApi, onMenuClick } from './context-menu';
import { adoptRememberedChoices, correctionSites } from './corrections';
import { type Alarms, scheduleDraftExpiry } from './drafts';
import { createHandlers, type Notify, registerHandlers } from './handlers';
import { LOCAL_MATCHER_LIMIT, MatcherCache } from './matcher-cache';
import { installBundledPack } from './packs';

export const BUNDLED_PACKS: unknown[] = [bundledNato];
/** Bundled packs installed switched off: the user turns them on (manager, or the popup's empty state). */
export const BUNDLED_OFF_PACKS: unknown[] = [bundledCountries];

/** Installs or upgrades the bundled packs; `alsoOff` adds those installed switched off. */
export async function installBundledPacks(db: GlossDb, { alsoOff = false } = {}): Promise<void> {
  const packs = [...BUNDLED_PACKS.map((data) => ({ data, enabled: true }))];
  if (alsoOff) packs.push(...BUNDLED_OFF_PACKS.map((data) => ({ data, enabled: false })));
  for (const { data, enabled } of packs) {
    const result = validatePack(data);
    if (!result.ok) {
      // A broken bundled pack is a build bug; test/unit/bundled-pack.test.ts stops it shipping.
      console.error('Gloss: bundled pack is invalid', result.errors);
      continue;
    }
    await installBundledPack(db, result.pack, { enabled });
  }
}

export interface BackgroundEvents {
  onInstalled(listener: () => void): void;
  onCommand(listener: (command: string, tabId: number | undefined) => void): void;
  setBadge(tabId: number, mentions: number, active: boolean): void;
  openManager(hash: string): void;
  menus: MenuApi;
  onMenuClick(
    listener: (menuItemId: string | number, tab: { id?: number } | undefined, frameId?: number) => void,
  ): void;
  /** Daily jobs (draft expiry); absent without the alarms permission. */
  alarms?: Alarms;
  /** The browser's storage manager, to ask that Gloss's data is never evicted. */
  storage?: Pick<StorageManager, 'persist' | 'persisted'>;
}

const settingsStore: SettingsStore = {
  get: async () => ({ ...(await settingsItem.getValue()) }),
  set: async (value) => settingsItem.setValue(value as never),
  clear: () => settingsItem.removeValue(),
};

/**
 * Puts a new matcher where pages read it with their settings. Skipped when that revision is there
 * already: a service worker that wakes up revives its matcher, and rewriting the same value would
 * send it to every tab's storage listener again.
 */
async function publishMatcher(matcher: PublishedMatcher): Promise<void> {
  if ((await publishedRevisionItem.getValue()) === matcher.revision) return;
  await publishedMatcherItem.setValue(matcher);
  await publishedRevisionItem.setValue(matcher.revision);
}

/**
 * Puts where corrections apply where pages read it with their settings. Skipped when it is there
 * already: rewriting the same value would send it to every tab's storage listener again.
 */
async function publishCorrectionSites(sites: CorrectionSites): Promise<void> {
  if (JSON.stringify(await correctionSitesItem.getValue()) === JSON.stringify(sites)) return;
  await correctionSitesItem.setValue(sites);
}

/** Withdraws the published matcher before telling pages the knowledge changed (see notify). */
async function withdrawMatcher(): Promise<void> {
  await publishedRevisionItem.removeValue();
  await publishedMatcherItem.removeValue();
}

export function startBackground(events: BackgroundEvents): GlossDb {
  const db = openDb();
  const matchers = new MatcherCache(db, LOCAL_MATCHER_LIMIT, publishMatcher);
  const signal = (change: Parameters<Notify>[0]) => changeItem.setValue({ ...change, at: Date.now() });
  const notify: Notify = (change) => {
    if (change.kind !== 'knowledge') {
      void signal(change);
      return;
    }
    // Knowledge changed: pages opened from now on must not take the old matcher from storage, so it
    // goes first; open pages hear the signal and ask for the new one; then the new one is built and
    // published for the pages after them.
    void withdrawMatcher()
      .catch(() => {})
      .then(() => signal(change))
      .then(() => matchers.get())
      .catch((error) => console.error('Gloss: rebuilding the matcher failed', error));
  };
  scheduleDraftExpiry(db, events.alarms);
  void keepStorage(events.storage);
  let installing: Promise<void> = Promise.resolve();
  events.onInstalled(() => {
    createMenus(events.menus).catch((error) =>
      console.error('Gloss: creating the context menu failed', error),
    );
    installing = installBundledPacks(db, { alsoOff: true })
      .then(() => notify({ kind: 'knowledge' }))
      .catch((error) => console.error('Gloss: installing bundled packs failed', error));
    // After an update: answers to "Which one?" an older Gloss remembered in the settings become
    // corrections, once the packs (and so the entities they name) are in place.
    void installing
      .then(() => adoptRememberedChoices(db, settingsStore))
      .then(async (adopted) => {
        if (!adopted) return;
        await publishCorrectionSites(await correctionSites(db));
        notify({ kind: 'corrections' });
      })
      .catch((error) => console.error('Gloss: keeping remembered choices as corrections failed', error));
  });
  registerHandlers(
    createHandlers(db, {
      ready: () => installing,
      notify,
      settings: settingsStore,
      setBadge: events.setBadge,
      openManager: events.openManager,
      matchers,
      publishCorrectionSites,
    }),
  );
  // Where corrections apply, published at every start for pages to read with their settings: a
  // page that finds no index asks the background.
  void correctionSites(db)
    .then(publishCorrectionSites)
    .catch((error) => console.error('Gloss: publishing where corrections apply failed', error));
  events.onMenuClick((menuItemId, tab, frameId) => {
    void onMenuClick(menuItemId, tab, frameId, (tabId, kind, frame) =>
      askTab(tabId, 'composeFromSelection', { kind }, frame),
    );
  });
  events.onCommand((command, tabId) => {
    const direction = command === 'previous-mention' ? -1 : command === 'next-mention' ? 1 : 0;
    if (tabId === undefined || direction === 0) return;
    // The tab may have no content script (a browser page, or a tab opened before install).
    askTab(tabId, 'focusMention', { direction }).catch(() => {});
  });
  return db;
}
