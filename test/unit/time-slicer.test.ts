// @vitest-environment happy-dom
// TimeSlicer: Gloss's work on a page stops every few milliseconds and lets the page run; how long
// each slice ran is recorded, waiting for work done elsewhere is not, and cancelled work stops.
import { describe, expect, it, vi } from 'vitest';
import { TaskStats, TimeSlicer } from '@/src/content/time-slicer';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {}
};

function schedulerWindow() {
  const scheduler = {
    yield: vi.fn(async () => {}),
    postTask: vi.fn(async (_task: () => void, _options?: { priority?: string }) => {}),
  };
  return { win: { scheduler } as unknown as Window, scheduler };
}

describe('TimeSlicer', () => {
  it('is due once its budget is used up', () => {
    const slicer = new TimeSlicer(window, new AbortController().signal, undefined, 5);
    expect(slicer.due()).toBe(false);
    busy(6);
    expect(slicer.due()).toBe(true);
  });

  it('records each slice: the longest and all of them together', async () => {
    const stats = new TaskStats();
    const slicer = new TimeSlicer(window, new AbortController().signal, stats, 1);
    busy(8);
    await slicer.yield();
    busy(3);
    slicer.finish();
    expect(stats.longestTaskMs).toBeGreaterThanOrEqual(8);
    expect(stats.longestTaskMs).toBeLessThan(40);
    expect(stats.busyMs).toBeGreaterThanOrEqual(11);
  });

  it('does not count waiting for work done elsewhere as its own', async () => {
    const stats = new TaskStats();
    const slicer = new TimeSlicer(window, new AbortController().signal, stats);
    const answer = await slicer.wait(new Promise<string>((resolve) => setTimeout(() => resolve('done'), 40)));
    slicer.finish();
    expect(answer).toBe('done');
    expect(stats.busyMs).toBeLessThan(20);
  });

  it('stops with an AbortError when its work was cancelled while the page ran', async () => {
    const controller = new AbortController();
    const slicer = new TimeSlicer(window, controller.signal, undefined, 0);
    const pausing = slicer.yield();
    controller.abort();
    await expect(pausing).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('stops with an AbortError when its work was cancelled while it waited (a newer scan started)', async () => {
    const controller = new AbortController();
    const slicer = new TimeSlicer(window, controller.signal);
    const waiting = slicer.wait(new Promise<string>((resolve) => setTimeout(() => resolve('late'), 20)));
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('yields with scheduler.yield, and lets waiting replies in every fourth pause', async () => {
    const { win, scheduler } = schedulerWindow();
    const slicer = new TimeSlicer(win, new AbortController().signal, undefined, 0);
    for (let i = 0; i < 8; i++) await slicer.yield();
    expect(scheduler.yield).toHaveBeenCalledTimes(8);
    expect(scheduler.postTask).not.toHaveBeenCalled();

    slicer.waiting = () => true;
    for (let i = 0; i < 8; i++) await slicer.yield();
    expect(scheduler.postTask).toHaveBeenCalledTimes(2);
    expect(scheduler.postTask.mock.calls[0]?.[1]).toEqual({ priority: 'user-visible' });
  });

  it('falls back to a task where the browser has no scheduler', async () => {
    const slicer = new TimeSlicer(window, new AbortController().signal, undefined, 0);
    await expect(slicer.maybeYield()).resolves.toBeUndefined();
  });
});
