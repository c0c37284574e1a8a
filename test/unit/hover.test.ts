// @vitest-environment happy-dom
// HoverController: a card opens when the pointer rests on a mention for the hover delay, not when it
// passes over; it closes a moment after the pointer leaves, on Esc, or on a click outside, and stays
// once clicked into or opened from the keyboard. The popover and hit-testing are stand-ins.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverController, type HoverTarget } from '@/src/content/hover';
import type { PopoverControl } from '@/src/content/popover';

// Long enough that a busy machine still checks "not open yet" before it is due.
const DELAY = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Events as the browser delivers a person's input: Gloss acts only on trusted events, and events a
 * script dispatches (a test's, or a hostile page's) are not. happy-dom cannot make one, so the
 * flag is set on the event itself.
 */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

function setup() {
  const mention: HoverTarget = { range: document.createRange() };
  let under: HoverTarget | null = null;
  let inside = false;
  const popover = {
    isOpen: false,
    anchorRange: null as Range | null,
    isEditing: false,
    isComposing: false,
    containsEvent: () => inside,
    close: vi.fn(() => {
      popover.isOpen = false;
      popover.anchorRange = null;
    }),
  };
  const opened: Array<{ target: HoverTarget; trapFocus: boolean }> = [];
  const controller = new AbortController();
  const deps = {
    hitTest: () => under,
    popover: popover as unknown as PopoverControl,
    open: (target: HoverTarget, trapFocus: boolean) => {
      opened.push({ target, trapFocus });
      popover.isOpen = true;
      popover.anchorRange = target.range;
    },
    delay: () => DELAY,
    prefetch: vi.fn(),
    setActive: vi.fn(),
  };
  const hover = new HoverController(window, deps, controller.signal);
  const move = (init: PointerEventInit = {}, isTrusted = true) => {
    const event = new PointerEvent('pointermove', {
      clientX: 10,
      clientY: 10,
      buttons: 0,
      pointerType: 'mouse',
      ...init,
    });
    window.dispatchEvent(isTrusted ? trusted(event) : event);
  };
  return {
    mention,
    hover,
    deps,
    popover,
    opened,
    controller,
    move,
    pointAt: (target: HoverTarget | null) => {
      under = target;
    },
    pointerInside: (value: boolean) => {
      inside = value;
    },
  };
}

let end: (() => void) | undefined;
afterEach(() => end?.());

describe('HoverController', () => {
  it('opens the card after the pointer rests on a mention for the delay, loading it meanwhile', async () => {
    const t = setup();
    end = () => t.controller.abort();
    t.pointAt(t.mention);
    t.move();
    await vi.waitFor(() => expect(t.deps.prefetch).toHaveBeenCalledWith(t.mention));
    expect(t.deps.setActive).toHaveBeenLastCalledWith(t.mention.range);
    expect(t.opened).toEqual([]);
    await vi.waitFor(() => expect(t.opened).toEqual([{ target: t.mention, trapFocus: false }]));
  });

  it('ignores events a script dispatches: a page cannot open cards to learn what Gloss knows', async () => {
    const t = setup();
    end = () => t.controller.abort();
    t.pointAt(t.mention);
    t.move({}, false);
    await sleep(DELAY * 2);
    expect(t.deps.prefetch).not.toHaveBeenCalled();
    expect(t.opened).toEqual([]);
    t.hover.openNow(t.mention, false);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(t.popover.close).not.toHaveBeenCalled();
  });

  it('opens nothing when the pointer only passes over, or is a finger', async () => {
    const t = setup();
    end = () => t.controller.abort();
    t.pointAt(t.mention);
    t.move({ pointerType: 'touch' });
    await sleep(DELAY * 2);
    expect(t.deps.prefetch).not.toHaveBeenCalled();
    t.move();
    await vi.waitFor(() => expect(t.deps.prefetch).toHaveBeenCalled());
    t.pointAt(null);
    t.move({ clientX: 50 });
    await sleep(DELAY * 2);
    expect(t.opened).toEqual([]);
    expect(t.deps.setActive).toHaveBeenLastCalledWith(null);
  });

  it('closes a moment after the pointer leaves, and at once on Esc', async () => {
    const t = setup();
    end = () => t.controller.abort();
    t.pointAt(t.mention);
    t.move();
    await vi.waitFor(() => expect(t.opened).toHaveLength(1));
    t.pointAt(null);
    t.move({ clientX: 80 });
    await sleep(50);
    expect(t.popover.close).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(t.popover.close).toHaveBeenCalledTimes(1));

    t.pointAt(t.mention);
    t.move();
    await vi.waitFor(() => expect(t.opened).toHaveLength(2));
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(t.popover.close).toHaveBeenCalledTimes(2);
  });

  it('keeps a card clicked into, or opened from the keyboard, when the pointer wanders off', async () => {
    const t = setup();
    end = () => t.controller.abort();
    t.hover.openNow(t.mention, true);
    expect(t.opened).toEqual([{ target: t.mention, trapFocus: true }]);
    t.move({ clientX: 300 });
    await sleep(400);
    expect(t.popover.close).not.toHaveBeenCalled();

    t.pointerInside(true);
    window.dispatchEvent(trusted(new PointerEvent('pointerdown', { pointerType: 'mouse' })));
    t.pointerInside(false);
    window.dispatchEvent(trusted(new PointerEvent('pointerdown', { pointerType: 'mouse' })));
    expect(t.popover.close).toHaveBeenCalledTimes(1);
  });

  it('stops listening when its lifetime ends', async () => {
    const t = setup();
    t.controller.abort();
    t.pointAt(t.mention);
    t.move();
    await sleep(DELAY * 3);
    expect(t.deps.prefetch).not.toHaveBeenCalled();
    expect(t.opened).toEqual([]);
  });
});
