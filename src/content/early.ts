// What the content script starts before the rest of its code is evaluated: the one storage read a
// page needs to begin (settings and the published matcher). The entrypoint imports this module
// right after the clock, so the read is on its way while the bundle loads and the page is walked.
import { type PublishedMatcher, publishedMatcherItem } from '@/src/messaging/broadcast';
import { getValues } from '@/src/messaging/storage-item';
import { type Settings, settingsItem, withDefaults } from '@/src/settings/settings';

export interface Startup {
  settings: Settings;
  published: PublishedMatcher | null;
}

/** Settings and the published matcher, in one storage read: neither waits for the service worker. */
export async function readStartup(): Promise<Startup> {
  const [settings, published] = await getValues(settingsItem, publishedMatcherItem);
  return { settings: withDefaults(settings), published };
}

export const earlyStartup: Promise<Startup> = readStartup();
// Awaited by startGloss; a page where Gloss does not start must not report it as unhandled.
earlyStartup.catch(() => {});
