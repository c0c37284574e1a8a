// The popover as the rest of the content script sees it. The card itself runs in a frame of its
// own (entrypoints/card); what places that frame next to a mention (Floating UI, the channel to
// the frame) is a module of its own too, loaded the first time a card is about to open: on hover
// intent, 300 ms before it is needed. Until then every page carries only the scanner.
import type { NoteRecord } from '@/src/core/records';
import type { ComposerProps, MentionCardRequest } from './card-channel';

/** What the hover controller and the page logic need of a popover. */
export interface PopoverControl {
  readonly isOpen: boolean;
  readonly anchorRange: Range | null;
  /** The user is working in the popover (typing, or clicked into it): it must not close under them. */
  readonly isEditing: boolean;
  /** Focus is in the popover. */
  readonly hasFocus: boolean;
  /** The selection composer is open: hovering names opens nothing over it. */
  readonly isComposing: boolean;
  containsEvent(event: Event): boolean;
  /** Hover intent: get the card ready (and these entities loaded) before it is due. */
  prefetch(entityIds: string[]): void;
  open(anchor: Range, request: MentionCardRequest): void;
  openNote(anchor: Range, note: NoteRecord, trapFocus: boolean): void;
  openComposer(anchor: Range, props: ComposerProps): void;
  close(options: { restoreFocus: boolean }): void;
}

export type PopoverModule = typeof import('./popover-ui');

/**
 * The popover module, imported from the extension's own files into this content script's world
 * (a web-accessible resource built by modules/popover-module.ts). The paths are written out here so
 * a reviewer, and scripts/lint-firefox.ts, can see that nothing else is ever imported.
 */
export function importPopoverModule(): Promise<PopoverModule> {
  return import(/* @vite-ignore */ browser.runtime.getURL('/content-scripts/popover.js'));
}

export type ScorerModule = typeof import('./scorer-module');

/** The context scorer (content-scripts/scorer.js), imported the same way by pages with a mention to decide. */
export function importScorerModule(): Promise<ScorerModule> {
  return import(/* @vite-ignore */ browser.runtime.getURL('/content-scripts/scorer.js'));
}

/**
 * A popover whose code arrives on first use. Calls made before it is here are carried out once it
 * is, unless a later call (another open, or a close) has replaced them meanwhile.
 */
export class LazyPopover implements PopoverControl {
  private host: PopoverControl | null = null;
  private loading: Promise<PopoverControl> | null = null;
  /** Bumped by every open and close: a deferred open only runs if nothing came after it. */
  private generation = 0;

  constructor(
    private readonly doc: Document,
    private readonly onClosed: () => void,
    private readonly load: () => Promise<PopoverModule> = importPopoverModule,
  ) {}

  /** Starts loading the popover's code and its frame (hover intent), so both are ready when the card opens. */
  prefetch(entityIds: string[]): void {
    const generation = this.generation;
    this.ready().then(
      (host) => {
        if (generation === this.generation) host.prefetch(entityIds);
      },
      () => {},
    );
  }

  get isOpen(): boolean {
    return this.host?.isOpen ?? false;
  }

  get anchorRange(): Range | null {
    return this.host?.anchorRange ?? null;
  }

  get isEditing(): boolean {
    return this.host?.isEditing ?? false;
  }

  get isComposing(): boolean {
    return this.host?.isComposing ?? false;
  }

  get hasFocus(): boolean {
    return this.host?.hasFocus ?? false;
  }

  containsEvent(event: Event): boolean {
    return this.host?.containsEvent(event) ?? false;
  }

  open(anchor: Range, request: MentionCardRequest): void {
    this.when((host) => host.open(anchor, request));
  }

  openNote(anchor: Range, note: NoteRecord, trapFocus: boolean): void {
    this.when((host) => host.openNote(anchor, note, trapFocus));
  }

  openComposer(anchor: Range, props: ComposerProps): void {
    this.when((host) => host.openComposer(anchor, props));
  }

  close(options: { restoreFocus: boolean }): void {
    this.generation++;
    this.host?.close(options);
  }

  private when(action: (host: PopoverControl) => void): void {
    const generation = ++this.generation;
    if (this.host) {
      action(this.host);
      return;
    }
    this.ready().then(
      (host) => {
        if (generation === this.generation) action(host);
      },
      (error: unknown) => {
        // The extension was updated or removed under the page; nothing can open any more.
        console.warn('Gloss could not load its popover:', error);
      },
    );
  }

  private ready(): Promise<PopoverControl> {
    this.loading ??= this.load().then(
      (module) => {
        this.host = new module.PopoverHost(this.doc, this.onClosed);
        return this.host;
      },
      (error: unknown) => {
        this.loading = null; // A later hover tries again.
        throw error;
      },
    );
    return this.loading;
  }
}
