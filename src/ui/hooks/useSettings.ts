import { getSettings, type Settings } from '@/src/settings/settings';
import { type Live, useLive } from './useLive';

/**
 * The one reader of the user's settings for popup and manager: read once, read again when they
 * change anywhere (another tab, the manager). Defaults fill what storage lacks (getSettings).
 */
export function useSettings(): Live<Settings> {
  return useLive(getSettings, [], (change) => change.kind === 'settings');
}
