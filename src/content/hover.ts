// Hover intent: the popover opens when the pointer rests on a mention for the hover delay, stays
// open while the pointer moves into it, and closes a moment after the pointer leaves both.
// Only the user's own input counts: a page can dispatch pointer and key events of its own
// (isTrusted false), and must not be able to open cards with them to learn what Gloss knows.
import type { PopoverControl } from './popover';

const CLOSE_GRACE_MS = 300;

/** What can be hovered: a mention, or a page note's quote. */
export interface HoverTarget {
  range: Range;
}

export interface HoverDeps<T extends HoverTarget> {
  hitTest(x: number, y: number): T | null;
  popover: PopoverControl;
  open(target: T, trapFocus: boolean): void;
  delay(): number;
  /** Start loading what the popover will show, so it is ready when the delay ends. */
  prefetch(target: T): void;
  setActive(range: Range | null): void;
}

export class HoverController<T extends HoverTarget> {
  private candidate: T | null = null;
  private intent: ReturnType<typeof setTimeout> | undefined;
  private closing: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  private x = 0;
  private y = 0;
  /** Opened from the keyboard or clicked into: pointer movement does not close it. */
  private pinned = false;

  constructor(
    private readonly win: Window,
    private readonly deps: HoverDeps<T>,
    signal: AbortSignal,
  ) {
    const options = { capture: true, passive: true, signal };
    const trusted =
      <E extends Event>(handle: (event: E) => void) =>
      (event: E) => {
        if (event.isTrusted) handle(event);
      };
    win.addEventListener(
      'pointermove',
      trusted((event) => this.onMove(event)),
      options,
    );
    win.addEventListener(
      'pointerover',
      trusted((event) => this.onOver(event)),
      options,
    );
    win.addEventListener(
      'pointerdown',
      trusted((event) => this.onDown(event)),
      options,
    );
    win.document.addEventListener(
      'pointerleave',
      trusted(() => this.onOut()),
      options,
    );
    win.addEventListener(
      'blur',
      trusted(() => this.onBlur()),
      options,
    );
    win.addEventListener(
      'keydown',
      trusted((event) => this.onKey(event)),
      { capture: true, signal },
    );
    signal.addEventListener('abort', () => this.reset(), { once: true });
  }

  get current(): T | null {
    return this.candidate;
  }

  /** Opens a mention's popover right away (keyboard command, popup). */
  openNow(mention: T, trapFocus: boolean): void {
    this.reset();
    this.candidate = mention;
    this.pinned = trapFocus;
    this.deps.setActive(mention.range);
    this.deps.open(mention, trapFocus);
  }

  reset(): void {
    clearTimeout(this.intent);
    clearTimeout(this.closing);
    this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.candidate = null;
    this.pinned = false;
  }

  /** The popover closed (Esc, scrolled away): forget the mention so hovering it again reopens. */
  closed(): void {
    this.candidate = null;
    this.pinned = false;
    this.deps.setActive(null);
  }

  private onMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    if (this.deps.popover.containsEvent(event)) {
      this.enteredPopover();
      return;
    }
    // A button is down: the user is selecting or dragging; leave them be.
    if (event.buttons !== 0) return;
    this.x = event.clientX;
    this.y = event.clientY;
    if (!this.frame) this.frame = this.win.requestAnimationFrame(() => this.evaluate());
  }

  /** The pointer went into the card's frame: from now on its moves go to the frame, not here. */
  private onOver(event: PointerEvent): void {
    if (event.pointerType !== 'touch' && this.deps.popover.containsEvent(event)) this.enteredPopover();
  }

  /** Inside the popover: nothing passed over on the way may open another one, or close this one. */
  private enteredPopover(): void {
    clearTimeout(this.closing);
    clearTimeout(this.intent);
    this.win.cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private evaluate(): void {
    this.frame = 0;
    const mention = this.deps.hitTest(this.x, this.y);
    const { popover } = this.deps;
    if (mention && mention === this.candidate) {
      clearTimeout(this.closing);
      return;
    }
    clearTimeout(this.intent);
    if (!mention) {
      if (popover.isOpen && !this.pinned) this.scheduleClose();
      else if (!popover.isOpen) this.clearCandidate();
      return;
    }
    clearTimeout(this.closing);
    this.candidate = mention;
    this.deps.setActive(mention.range);
    if (popover.isOpen && popover.anchorRange === mention.range) return;
    this.deps.prefetch(mention);
    this.intent = setTimeout(() => {
      this.pinned = false;
      this.deps.open(mention, false);
    }, this.deps.delay());
  }

  private scheduleClose(): void {
    clearTimeout(this.closing);
    // Typing a note: the pointer wandering off must not close the popover under the user.
    if (this.deps.popover.isEditing) return;
    this.closing = setTimeout(() => {
      // The card's frame says the user clicked or is typing in it (it arrives after the event
      // that scheduled this close, e.g. the page losing focus to the frame).
      if (this.deps.popover.isEditing) return;
      this.deps.popover.close({ restoreFocus: false });
      this.clearCandidate();
    }, CLOSE_GRACE_MS);
  }

  private clearCandidate(): void {
    this.candidate = null;
    this.deps.setActive(null);
  }

  private onDown(event: PointerEvent): void {
    clearTimeout(this.intent);
    // Clicked inside: the user is working with the popover now; it stays until Esc or a click outside.
    if (this.deps.popover.containsEvent(event)) {
      this.pinned = true;
      clearTimeout(this.closing);
      return;
    }
    if (this.deps.popover.isOpen && !this.deps.popover.containsEvent(event)) {
      this.deps.popover.close({ restoreFocus: false });
      this.clearCandidate();
    }
  }

  private onBlur(): void {
    // Focus went into the card's frame (a click in it, or Tab): the user is working with it now.
    if (this.deps.popover.hasFocus) {
      this.pinned = true;
      clearTimeout(this.closing);
      clearTimeout(this.intent);
      return;
    }
    this.onOut();
  }

  private onOut(): void {
    clearTimeout(this.intent);
    if (this.deps.popover.isOpen && !this.pinned) this.scheduleClose();
    else if (!this.deps.popover.isOpen) this.clearCandidate();
  }

  private onKey(event: KeyboardEvent): void {
    // Esc closes a popover opened by hover (focus is still in the page); one with focus handles
    // its own Esc. The event goes on to the page either way.
    if (event.key === 'Escape' && this.deps.popover.isOpen && !this.deps.popover.containsEvent(event)) {
      this.deps.popover.close({ restoreFocus: false });
      this.clearCandidate();
    }
  }
}
