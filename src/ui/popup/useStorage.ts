import { useEffect, useRef, useState } from 'preact/hooks';
import { type ChangeSignal, changeItem } from '@/src/messaging/broadcast';
import { getSettings, type Settings, watchSettings } from '@/src/settings/settings';

/** The user's settings, kept current when they change anywhere (another tab, the manager). */
export function useSettings(): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let live = true;
    void getSettings().then((value) => live && setSettings(value));
    const unwatch = watchSettings(setSettings);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return settings;
}

/** Calls `listener` whenever the background signals a knowledge or notes change. */
export function useChangeSignal(listener: (change: ChangeSignal) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(
    () =>
      changeItem.watch((change) => {
        if (change) latest.current(change);
      }),
    [],
  );
}
