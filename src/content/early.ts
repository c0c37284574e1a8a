// What the content script starts before the rest of its code is evaluated: the one storage read a
// page needs to begin (settings, the published matcher, where corrections apply). The entrypoint imports this module
// right after the clock, so the read is on its way while the bundle loads and the page is walked.
import {
  type CorrectionSites,
  correctionSitesItem,
  type PublishedMatcher,
  publishedMatcherItem,
} from '@/src/messaging/broadcast';
import { getValues } from '@/src/messaging/storage-item';
import { type Settings, settingsItem, withDefaults } from '@/src/settings/settings';

export interface Startup {
  settings: Settings;
  published: PublishedMatcher | null;
  /** Where the reader's corrections apply (src/content/corrections.ts). */
  correctionSites: CorrectionSites | null;
}

/** Settings, the published matcher and where corrections apply, in one storage read: none waits for the service worker. */
export async function readStartup(): Promise<Startup> {
  const [settings, published, correctionSites] = await getValues(
    settingsItem,
    publishedMatcherItem,
    correctionSitesItem,
  );
  return { settings: withDefaults(settings), published, correctionSites };
}

export const earlyStartup: Promise<Startup> = readStartup();
// Awaited by startGloss; a page where Gloss does not start must not report it as unhandled.
earlyStartup.catch(() => {});
