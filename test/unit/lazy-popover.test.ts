// The popover's code arrives on first use (src/content/popover.ts): what is asked before it is
// here must happen once it is, unless something later replaced it, and a failed load must not
// leave the page without popovers for good. The real import runs in Chromium (test/e2e).
import { describe, expect, it, vi } from 'vitest';
import type { PopoverControl, PopoverModule } from '@/src/content/popover';
import { LazyPopover } from '@/src/content/popover';

/** A stand-in host that records what it was asked, and a load the test finishes by hand. */
function setup() {
  const calls: string[] = [];
  class FakeHost implements PopoverControl {
    isOpen = false;
    anchorRange: Range | null = null;
    isEditing = false;
    isComposing = false;
    hasFocus = false;
    constructor(
      readonly doc: Document,
      readonly onClosed: () => void,
    ) {}
    containsEvent() {
      return false;
    }
    prefetch(entityIds: string[]) {
      calls.push(`prefetch ${entityIds.join()}`);
    }
    open(anchor: Range, props: { mentionText: string }) {
      calls.push(`open ${props.mentionText}`);
      this.isOpen = true;
      this.anchorRange = anchor;
    }
    openNote(_anchor: Range, note: { text: string }) {
      calls.push(`note ${note.text}`);
      this.isOpen = true;
    }
    openComposer(_anchor: Range, props: { kind: string }) {
      calls.push(`compose ${props.kind}`);
      this.isOpen = true;
      this.isComposing = true;
    }
    close() {
      calls.push('close');
      this.isOpen = false;
    }
  }
  let finish: (module: PopoverModule) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const load = vi.fn(
    () =>
      new Promise<PopoverModule>((resolve, reject) => {
        finish = resolve;
        fail = reject;
      }),
  );
  const module = { PopoverHost: FakeHost } as unknown as PopoverModule;
  const popover = new LazyPopover({} as Document, () => {}, load);
  return { calls, load, popover, done: () => finish(module), fail: (e: Error) => fail(e) };
}

const range = {} as Range;
const props = (mentionText: string) => ({ mentionText }) as never;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('LazyPopover', () => {
  it('reports closed and loads nothing until a card is wanted', () => {
    const { popover, load } = setup();
    expect(popover.isOpen).toBe(false);
    expect(popover.anchorRange).toBeNull();
    expect(popover.isEditing).toBe(false);
    expect(popover.containsEvent(new Event('pointermove'))).toBe(false);
    popover.close({ restoreFocus: false });
    expect(load).not.toHaveBeenCalled();
  });

  it('opens what was asked once the code is here, and loads it once', async () => {
    const { popover, load, calls, done } = setup();
    popover.prefetch(['wiesbaden']);
    popover.open(range, props('Wiesbaden'));
    expect(popover.isOpen).toBe(false);
    done();
    await settle();
    expect(calls).toEqual(['open Wiesbaden']);
    expect(popover.isOpen).toBe(true);
    expect(popover.anchorRange).toBe(range);
    popover.openNote(range, { text: 'mine' } as never, false);
    popover.openComposer(range, { kind: 'fact' } as never);
    expect(calls).toEqual(['open Wiesbaden', 'note mine', 'compose fact']);
    expect(popover.isComposing).toBe(true);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('gets the card ready on hover intent, unless a card opened or closed meanwhile', async () => {
    const { popover, load, calls, done } = setup();
    popover.prefetch(['nato', 'otan']);
    popover.prefetch(['nato', 'otan']);
    expect(load).toHaveBeenCalledTimes(1);
    done();
    await settle();
    expect(calls).toEqual(['prefetch nato,otan', 'prefetch nato,otan']);

    const second = setup();
    second.popover.prefetch(['nato']);
    second.popover.close({ restoreFocus: false });
    second.done();
    await settle();
    expect(second.calls).toEqual([]);
  });

  it('drops an open that a close or a later open replaced while loading', async () => {
    const { popover, calls, done } = setup();
    popover.open(range, props('NATO'));
    popover.close({ restoreFocus: false });
    popover.open(range, props('Orbán'));
    popover.open(range, props('Jens Stoltenberg'));
    done();
    await settle();
    expect(calls).toEqual(['open Jens Stoltenberg']);

    const second = setup();
    second.popover.open(range, props('NATO'));
    second.popover.close({ restoreFocus: false });
    second.done();
    await settle();
    expect(second.calls).toEqual([]);
  });

  it('tries again after a failed load', async () => {
    const { popover, load, calls, done, fail } = setup();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    popover.open(range, props('NATO'));
    fail(new Error('Extension context invalidated.'));
    await settle();
    expect(calls).toEqual([]);
    expect(warn).toHaveBeenCalledOnce();
    popover.open(range, props('Wiesbaden'));
    expect(load).toHaveBeenCalledTimes(2);
    done();
    await settle();
    expect(calls).toEqual(['open Wiesbaden']);
    warn.mockRestore();
  });
});
