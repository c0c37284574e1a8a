// Data that stays current: fetched from the background once, then again whenever the knowledge
// base, the notes or the settings change — in this tab or another. The UI never touches Dexie:
// the background owns the database and writes changeItem after each committed change.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type ChangeSignal, changeItem } from '@/src/messaging/broadcast';
import { watchSettings } from '@/src/settings/settings';

export type Live<T> =
  | { status: 'loading'; reload(): Promise<void> }
  | { status: 'ready'; data: T; reload(): Promise<void> }
  | { status: 'error'; message: string; reload(): Promise<void> };

/** Why data may be stale: a change the background signalled, or the settings changed. */
export type Change = ChangeSignal | { kind: 'settings' };

/** Reload on every change (the default). */
export const anyChange = () => true;
/** Reload when the knowledge changes (packs, entities, facts), not on note or settings edits. */
export const knowledgeChange = (change: Change) => change.kind === 'knowledge';

/**
 * `load`'s answer, loaded again when `deps` change and whenever `reloadOn` accepts a change. Only
 * the latest call's answer is kept: a slow first answer never overwrites a newer one. A reload
 * keeps showing the data it has (no "loading" flash), so forms inside stay mounted.
 */
export function useLive<T>(
  load: () => Promise<T>,
  deps: ReadonlyArray<unknown>,
  reloadOn: (change: Change) => boolean = anyChange,
): Live<T> {
  const [state, setState] = useState<
    { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string }
  >({ status: 'loading' });
  const generation = useRef(0);
  const accepts = useRef(reloadOn);
  accepts.current = reloadOn;
  // `load` is rebuilt every render; `deps` say when it really changes.
  const reload = useCallback(() => {
    const mine = ++generation.current;
    return load().then(
      (data) => {
        if (mine === generation.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (mine === generation.current) setState({ status: 'error', message: errorText(error, 'Failed') });
      },
    );
  }, deps);

  useEffect(() => {
    void reload();
    const stopChanges = changeItem.watch((change) => {
      if (change && accepts.current(change)) void reload();
    });
    const stopSettings = watchSettings(() => {
      if (accepts.current({ kind: 'settings' })) void reload();
    });
    return () => {
      generation.current++;
      stopChanges();
      stopSettings();
    };
  }, [reload]);

  return { ...state, reload };
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

/** An error's message for the user, or `fallback` when it has none. */
export const errorText = (error: unknown, fallback: string) =>
  (error instanceof Error ? error.message : String(error ?? '')) || fallback;
