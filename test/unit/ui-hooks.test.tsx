// @vitest-environment happy-dom
// The UI's one data layer: data from the background kept current by the change signal, the one
// settings reader, and the one debounce for searches.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { changeItem } from '@/src/messaging/broadcast';
import { DEFAULT_SETTINGS, updateSettings } from '@/src/settings/settings';
import { useDebouncedQuery } from '@/src/ui/hooks/useDebouncedQuery';
import { type Change, type Live, useLive } from '@/src/ui/hooks/useLive';
import { useSettings } from '@/src/ui/hooks/useSettings';
import { testRoot } from './ui-fixtures';

beforeEach(() => fakeBrowser.reset());
const container = testRoot();
const wait = (ms = 0) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)));

describe('useLive', () => {
  it('loads, then loads again on the changes it is told to follow, keeping its data meanwhile', async () => {
    let n = 0;
    const load = vi.fn(async () => ++n);
    const seen: Array<Live<number>['status']> = [];
    let last: Live<number> | undefined;
    function Probe() {
      last = useLive(load, [], (change: Change) => change.kind === 'knowledge');
      seen.push(last.status);
      return null;
    }
    await act(() => render(<Probe />, container));
    await wait();
    expect(last).toMatchObject({ status: 'ready', data: 1 });

    await act(() => changeItem.setValue({ kind: 'notes', at: 1 }));
    await wait();
    expect(load).toHaveBeenCalledTimes(1);
    await act(() => changeItem.setValue({ kind: 'knowledge', at: 2 }));
    await wait();
    expect(load).toHaveBeenCalledTimes(2);
    expect(last).toMatchObject({ status: 'ready', data: 2 });
    // Never back to "loading" once ready: forms inside a reloading card stay mounted.
    expect(seen.slice(seen.indexOf('ready'))).not.toContain('loading');
  });

  it('keeps only the latest answer', async () => {
    const answers: Array<(value: string) => void> = [];
    let last: Live<string> | undefined;
    function Probe() {
      last = useLive(() => new Promise<string>((resolve) => answers.push(resolve)), []);
      return null;
    }
    await act(() => render(<Probe />, container));
    await act(() => {
      void last!.reload();
    });
    answers[1]?.('newer');
    await wait();
    answers[0]?.('older');
    await wait();
    expect(last).toMatchObject({ status: 'ready', data: 'newer' });
  });
});

describe('useSettings', () => {
  it('reads the stored settings with defaults, and follows changes', async () => {
    let last: ReturnType<typeof useSettings> | undefined;
    function Probe() {
      last = useSettings();
      return null;
    }
    await act(() => render(<Probe />, container));
    await wait(20);
    expect(last).toMatchObject({ status: 'ready', data: DEFAULT_SETTINGS });
    await act(async () => {
      await updateSettings(() => ({ hoverDelay: 750 }));
    });
    await wait();
    expect(last).toMatchObject({ status: 'ready', data: { hoverDelay: 750 } });
  });
});

describe('useDebouncedQuery', () => {
  it('gives the trimmed text once typing pauses, and an empty box at once', async () => {
    let last: { query: string; pending: boolean } | undefined;
    function Probe({ typed }: { typed: string }) {
      last = useDebouncedQuery(typed);
      return null;
    }
    await act(() => render(<Probe typed="" />, container));
    await act(() => render(<Probe typed="wie" />, container));
    expect(last).toEqual({ query: '', pending: true });
    await act(() => render(<Probe typed=" wiesbaden " />, container));
    await wait(50);
    expect(last?.pending).toBe(true);
    await wait(200);
    expect(last).toEqual({ query: 'wiesbaden', pending: false });
    await act(() => render(<Probe typed="" />, container));
    await wait();
    expect(last).toEqual({ query: '', pending: false });
  });
});
