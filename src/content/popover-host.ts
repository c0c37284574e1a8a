// Mounts the popover next to a mention: a Preact tree in a closed shadow root, in the top layer,
// positioned with Floating UI. The host element exists only while the popover is open, so the
// page's DOM is back to what it was as soon as it closes. Part of the popover module, which pages
// load the first time a card is about to open (see popover.ts).
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import { type ComponentChild, h, render } from 'preact';
import type { NoteRecord } from '@/src/core/records';
import cardCss from '@/src/ui/card.css?inline';
import { PageNoteCard } from '@/src/ui/PageNoteCard';
import { Popover, type PopoverProps } from '@/src/ui/Popover';
import { SelectionComposer, type SelectionComposerProps } from '@/src/ui/SelectionComposer';
import type { PopoverControl } from './popover';
import popoverCss from './popover.css?inline';
import { OWN_UI_TAG } from './walk';

export class PopoverHost implements PopoverControl {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private shadow: ShadowRoot | null = null;
  private stopPositioning: (() => void) | null = null;
  private returnFocus: HTMLElement | null = null;
  private anchor: Range | null = null;
  /** A composer is open: it stays while the pointer wanders, and hovering names opens nothing. */
  private sticky = false;

  constructor(
    private readonly doc: Document,
    private readonly onClosed: () => void,
  ) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  get anchorRange(): Range | null {
    return this.anchor;
  }

  /** Whether an event happened inside the popover (the shadow root is closed, so look at the path). */
  containsEvent(event: Event): boolean {
    return this.host !== null && event.composedPath().includes(this.host);
  }

  /** The user is typing in the popover (a note): it must not close under them. */
  get isEditing(): boolean {
    if (this.sticky) return true;
    const focused = this.shadow?.activeElement;
    return focused?.localName === 'textarea' || focused?.localName === 'input';
  }

  get isComposing(): boolean {
    return this.host !== null && this.sticky;
  }

  /** The entity card (or the chooser) for a mention. */
  open(anchor: Range, props: Omit<PopoverProps, 'onClose'>): void {
    this.show(anchor, (onClose) => h(Popover, { ...props, onClose }), { trapFocus: props.trapFocus });
  }

  /** A page note's card, on its marked quote. */
  openNote(anchor: Range, note: NoteRecord, trapFocus: boolean): void {
    this.show(anchor, (onClose) => h(PageNoteCard, { note, onClose }), { trapFocus });
  }

  /** The composer for a selection: it closes only by Esc, its buttons, or a click elsewhere. */
  openComposer(anchor: Range, props: Omit<SelectionComposerProps, 'onClose'>): void {
    this.show(anchor, (onClose) => h(SelectionComposer, { ...props, onClose }), {
      trapFocus: true,
      sticky: true,
    });
  }

  /** Any Gloss UI next to a range. */
  private show(
    anchor: Range,
    content: (onClose: () => void) => ComponentChild,
    { trapFocus = false, sticky = false }: { trapFocus?: boolean; sticky?: boolean } = {},
  ): void {
    this.close({ restoreFocus: false });
    const { doc } = this;
    this.returnFocus = trapFocus ? (doc.activeElement as HTMLElement | null) : null;
    const host = doc.createElement(OWN_UI_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    // Constructed stylesheets: not subject to the page's style-src CSP, and invisible to its DOM.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${cardCss}\n${popoverCss}`);
    shadow.adoptedStyleSheets = [sheet];
    const mount = doc.createElement('div');
    shadow.append(mount);
    host.popover = 'manual';
    // Outside <body>, so the page's body-level scripts and styles are least likely to meet it.
    doc.documentElement.append(host);
    host.showPopover();
    this.host = host;
    this.shadow = shadow;
    this.mount = mount;
    this.anchor = anchor;
    this.sticky = sticky;
    render(
      content(() => this.close({ restoreFocus: true })),
      mount,
    );

    const reference = {
      getBoundingClientRect: () => anchor.getBoundingClientRect(),
      getClientRects: () => anchor.getClientRects(),
      contextElement: anchor.startContainer.parentElement ?? undefined,
    };
    const place = () => {
      const rect = anchor.getBoundingClientRect();
      const view = doc.defaultView;
      // The mention scrolled out of sight, or was removed: the popover goes with it.
      // A composer stays while the user scrolls (they are typing); only a removed anchor ends it.
      const away = view && (rect.bottom < 0 || rect.top > view.innerHeight);
      if (!anchor.startContainer.isConnected || (away && !sticky)) {
        this.close({ restoreFocus: false });
        return;
      }
      void computePosition(reference, host, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [inline(), offset(6), flip({ padding: 8 }), shift({ padding: 8 })],
      }).then(({ x, y }) => {
        if (this.host !== host) return;
        host.style.setProperty('--gloss-x', `${Math.round(x)}px`);
        host.style.setProperty('--gloss-y', `${Math.round(y)}px`);
      });
    };
    this.stopPositioning = autoUpdate(reference, host, place, { animationFrame: false });
  }

  close({ restoreFocus }: { restoreFocus: boolean }): void {
    if (!this.host) return;
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (this.mount) render(null, this.mount);
    this.host.remove();
    this.host = null;
    this.shadow = null;
    this.mount = null;
    this.anchor = null;
    this.sticky = false;
    const focus = this.returnFocus;
    this.returnFocus = null;
    if (restoreFocus && focus?.isConnected) focus.focus({ preventScroll: true });
    this.onClosed();
  }
}
