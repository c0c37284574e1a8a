// Mounts the popover next to a mention: a closed shadow root in the top layer, positioned with
// Floating UI, holding the card's own frame (entrypoints/card, an extension page). What the user
// types goes to that frame's document, which the page can neither read nor listen to; the box has
// a fixed size, so its size says nothing about the card. The host element exists only while the
// popover is open (or about to open, on hover intent; or, hidden, for a moment after the card
// closed itself: CLOSED_FRAME_MS), so the page's DOM is back to what it was as soon as it closes.
// Part of the popover module, loaded on first hover intent (see popover.ts).
import { autoUpdate, computePosition, flip, inline, offset, shift } from '@floating-ui/dom';
import type { NoteRecord } from '@/src/core/records';
import { sentenceAround } from '@/src/core/sentence';
import tokensCss from '@/src/ui/tokens.css?inline';
import {
  CARD_PAGE,
  type CardRequest,
  type ComposerProps,
  type FromCard,
  type MentionCardRequest,
  type ToCard,
} from './card-channel';
import type { PopoverControl } from './popover';
import popoverCss from './popover.css?inline';
import { OWN_UI_TAG } from './walk';

/** How long the frame may take to load before the card says it cannot show here. */
const FRAME_TIMEOUT_MS = 3000;
/** A frame prepared on hover intent that no card used is dropped after this long. */
const UNUSED_FRAME_MS = 2000;
/**
 * How long a card that closed itself (Esc, its close button) stays in the page, hidden, before its
 * frame is removed. Removing the frame while it is still handling the key that closed it lost
 * that key event's acknowledgement in Chromium: DevTools' Input.dispatchKeyEvent for the Esc never
 * returned (the e2e keyboard tests hung 3 times in 8 runs on the loaded 2-core machine). The
 * frame acknowledges right after its handler, so a moment is plenty.
 */
const CLOSED_FRAME_MS = 100;
export const UNAVAILABLE_TEXT = "Gloss can't show its card on this page.";

/** One card frame in its shadow root, and the private channel to it. */
class CardFrame {
  readonly host: HTMLElement;
  private readonly shadow: ShadowRoot;
  private readonly frame: HTMLIFrameElement;
  private readonly channel = new MessageChannel();
  private ready = false;
  private failed = false;
  private pending: ToCard[] = [];
  private timer: ReturnType<typeof setTimeout>;
  editing = false;
  held = false;

  constructor(
    private readonly doc: Document,
    frameUrl: string,
    private readonly onMessage: (message: FromCard) => void,
  ) {
    const host = doc.createElement(OWN_UI_TAG);
    const shadow = host.attachShadow({ mode: 'closed' });
    // Constructed stylesheets: not subject to the page's style-src CSP, and invisible to its DOM.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${tokensCss}\n${popoverCss}`);
    shadow.adoptedStyleSheets = [sheet];
    const frame = doc.createElement('iframe');
    frame.title = 'Gloss';
    this.timer = setTimeout(() => this.fail(), FRAME_TIMEOUT_MS);
    frame.addEventListener('load', () => this.onLoad(frameUrl), { once: true });
    frame.src = frameUrl;
    shadow.append(frame);
    host.popover = 'manual';
    this.host = host;
    this.shadow = shadow;
    this.frame = frame;
    this.channel.port1.onmessage = ({ data }: MessageEvent<FromCard>) => {
      if (data.type === 'ready') {
        clearTimeout(this.timer);
        this.ready = true;
        for (const message of this.pending.splice(0)) this.channel.port1.postMessage(message);
        return;
      }
      if (data.type === 'editing') this.editing = data.editing;
      if (data.type === 'held') this.held = true;
      this.onMessage(data);
    };
    // Outside <body>, so the page's body-level scripts and styles are least likely to meet it.
    doc.documentElement.append(host);
  }

  send(message: ToCard): void {
    if (this.ready) this.channel.port1.postMessage(message);
    else this.pending.push(message);
  }

  focus(): void {
    if (!this.failed) this.frame.focus();
  }

  remove(): void {
    clearTimeout(this.timer);
    this.channel.port1.close();
    this.host.remove();
  }

  /** Hidden at once, out of the page a moment later (see CLOSED_FRAME_MS). */
  removeSoon(): void {
    try {
      this.host.hidePopover();
    } catch {
      // The page took the host's popover attribute away: it cannot be hidden, only removed.
      this.remove();
      return;
    }
    this.channel.port1.onmessage = null;
    setTimeout(() => this.remove(), CLOSED_FRAME_MS);
  }

  private onLoad(frameUrl: string): void {
    const window = this.frame.contentWindow;
    if (!window) {
      this.fail();
      return;
    }
    // The port goes only to a document of Gloss's own origin: if anything else loaded in the frame
    // (the browser's error page, or the page navigated it), the port stays here.
    window.postMessage(null, extensionOrigin(frameUrl), [this.channel.port2]);
    // A blocked frame still fires load: if the card does not answer soon, say so.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fail(), FRAME_TIMEOUT_MS / 3);
  }

  /** The frame did not load: say so in the card's place, never fall back to typing into the page. */
  private fail(): void {
    if (this.ready || this.failed) return;
    this.failed = true;
    const message = this.doc.createElement('p');
    message.className = 'gloss-unavailable';
    message.textContent = UNAVAILABLE_TEXT;
    this.frame.remove();
    this.shadow.append(message);
  }
}

/**
 * The origin of the frame's document. In Chromium a per-session (use_dynamic_url) address loads a
 * document of the extension's own origin, chrome-extension://<id>; in Firefox the address's
 * origin is the document's.
 */
function extensionOrigin(frameUrl: string): string {
  const url = new URL(frameUrl);
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}

export class PopoverHost implements PopoverControl {
  private card: CardFrame | null = null;
  private shown = false;
  private unused: ReturnType<typeof setTimeout> | undefined;
  private stopPositioning: (() => void) | null = null;
  private returnFocus: HTMLElement | null = null;
  private anchor: Range | null = null;
  /** A composer is open: it stays while the pointer wanders, and hovering names opens nothing. */
  private sticky = false;

  constructor(
    private readonly doc: Document,
    private readonly onClosed: () => void,
    private readonly frameUrl: string = browser.runtime.getURL(CARD_PAGE),
  ) {}

  get isOpen(): boolean {
    return this.shown;
  }

  get anchorRange(): Range | null {
    return this.anchor;
  }

  /** Whether an event happened on the popover (the shadow root is closed, so look at the path). */
  containsEvent(event: Event): boolean {
    return this.shown && this.card !== null && event.composedPath().includes(this.card.host);
  }

  /** Focus is in the card's frame (the page sees the host as its active element). */
  get hasFocus(): boolean {
    return this.shown && this.card !== null && this.doc.activeElement === this.card.host;
  }

  /** The user is working in the popover (typing, or clicked into it): it must not close under them. */
  get isEditing(): boolean {
    if (!this.shown || !this.card) return false;
    return this.sticky || this.card.editing || this.card.held;
  }

  get isComposing(): boolean {
    return this.shown && this.sticky;
  }

  /** Hover intent: the frame loads, and the entities load in it, while the hover delay runs. */
  prefetch(entityIds: string[]): void {
    if (this.shown) return;
    this.card ??= this.newCard();
    if (entityIds.length) this.card.send({ type: 'prefetch', entityIds });
    clearTimeout(this.unused);
    this.unused = setTimeout(() => {
      if (!this.shown) this.discard();
    }, UNUSED_FRAME_MS);
  }

  /** The entity card (or the chooser) for a mention. */
  open(anchor: Range, request: MentionCardRequest): void {
    const { around, ...props } = request;
    const sentence = sentenceAround(around.text, around.start, around.end, around.lang);
    this.show(anchor, { kind: 'entity', ...props, sentence }, { focus: props.trapFocus, sticky: false });
  }

  /** A page note's card, on its marked quote. */
  openNote(anchor: Range, note: NoteRecord, trapFocus: boolean): void {
    this.show(anchor, { kind: 'note', note, trapFocus }, { focus: trapFocus, sticky: false });
  }

  /** The composer for a selection: it closes only by Esc, its buttons, or a click elsewhere. */
  openComposer(anchor: Range, props: ComposerProps): void {
    const { kind, ...rest } = props;
    this.show(anchor, { kind: 'composer', composer: kind, ...rest }, { focus: true, sticky: true });
  }

  private show(
    anchor: Range,
    request: CardRequest,
    { focus, sticky }: { focus: boolean; sticky: boolean },
  ): void {
    const { doc } = this;
    const prepared = this.shown ? null : this.card;
    if (this.shown) this.close({ restoreFocus: false });
    clearTimeout(this.unused);
    this.returnFocus = focus ? (doc.activeElement as HTMLElement | null) : null;
    const card = prepared ?? this.newCard();
    this.card = card;
    card.send({ type: 'show', card: request });
    card.host.showPopover();
    if (focus) card.focus();
    this.shown = true;
    this.anchor = anchor;
    this.sticky = sticky;
    const { host } = card;

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
        if (this.card?.host !== host) return;
        host.style.setProperty('--gloss-x', `${Math.round(x)}px`);
        host.style.setProperty('--gloss-y', `${Math.round(y)}px`);
      });
    };
    this.stopPositioning = autoUpdate(reference, host, place, { animationFrame: false });
  }

  private newCard(): CardFrame {
    return new CardFrame(this.doc, this.frameUrl, (message) => this.onCardMessage(message));
  }

  private onCardMessage(message: FromCard): void {
    // The card asks from inside its own handler of a key or click: its frame is still busy with
    // that event, so it is hidden now and removed a moment later.
    if (message.type === 'close' && this.shown) this.close({ restoreFocus: true }, true);
  }

  private discard(fromCard = false): void {
    clearTimeout(this.unused);
    if (fromCard) this.card?.removeSoon();
    else this.card?.remove();
    this.card = null;
  }

  close({ restoreFocus }: { restoreFocus: boolean }, fromCard = false): void {
    if (!this.shown) {
      this.discard();
      return;
    }
    this.stopPositioning?.();
    this.stopPositioning = null;
    this.discard(fromCard);
    this.shown = false;
    this.anchor = null;
    this.sticky = false;
    const focus = this.returnFocus;
    this.returnFocus = null;
    if (restoreFocus && focus?.isConnected) focus.focus({ preventScroll: true });
    this.onClosed();
  }
}
