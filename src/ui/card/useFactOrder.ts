import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, getSettings, watchSettings } from '@/src/settings/settings';
import type { FactOrder } from './facts';

/**
 * The reader's fact order (settings.factOrder), following changes made in the manager at once.
 * Starts from the default so the card never waits for storage to open.
 */
export function useFactOrder(): FactOrder {
  const [order, setOrder] = useState<FactOrder>(DEFAULT_SETTINGS.factOrder);
  useEffect(() => {
    let live = true;
    getSettings().then(
      (settings) => live && setOrder(settings.factOrder),
      () => {}, // Storage unavailable (a page torn down): the default order stays.
    );
    const stop = watchSettings((settings) => setOrder(settings.factOrder));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return order;
}
