// Data that stays current: fetched once, then again whenever the knowledge base, the notes or the
// settings change — in this tab or another (the background writes changeItem after each change).
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { changeItem } from '@/src/messaging/broadcast';
import { watchSettings } from '@/src/settings/settings';

export type Live<T> =
  | { status: 'loading'; reload(): void }
  | { status: 'ready'; data: T; reload(): void }
  | { status: 'error'; message: string; reload(): void };

export function useLive<T>(load: () => Promise<T>, deps: ReadonlyArray<unknown>): Live<T> {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string }
  >({ status: 'loading' });
  const generation = useRef(0);
  // `load` is rebuilt every render; `deps` say when it really changes.
  const reload = useCallback(() => {
    const mine = ++generation.current;
    load().then(
      (data) => mine === generation.current && setState({ status: 'ready', data }),
      (error: unknown) =>
        mine === generation.current &&
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
    );
  }, deps);

  useEffect(() => {
    reload();
    const stopChanges = changeItem.watch(() => reload());
    const stopSettings = watchSettings(() => reload());
    return () => {
      generation.current++;
      stopChanges();
      stopSettings();
    };
  }, [reload]);

  return { ...state, reload };
}

export const errorText = (error: unknown, fallback: string) =>
  (error instanceof Error ? error.message : String(error ?? '')) || fallback;
