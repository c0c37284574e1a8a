import { useEffect, useMemo, useState } from 'preact/hooks';
import { type PackSummary, sendMessage } from '@/src/messaging/protocol';
import { latestOnly } from './latest';
import { useChangeSignal } from './useStorage';

export type PacksState =
  | { status: 'loading' }
  | { status: 'ready'; packs: PackSummary[] }
  | { status: 'error' };

/** The knowledge packs, read again after every knowledge change. */
export function usePacks(): PacksState {
  const [state, setState] = useState<PacksState>({ status: 'loading' });
  const load = useMemo(
    () =>
      latestOnly(
        () => sendMessage('listPacks', undefined),
        (packs) => setState({ status: 'ready', packs }),
        () => setState({ status: 'error' }),
      ),
    [],
  );
  useEffect(() => void load(), [load]);
  useChangeSignal((change) => change.kind === 'knowledge' && void load());
  return state;
}
