// The popover as the rest of the content script sees it. Its code (Preact, Floating UI, the cards
// and their styles) is most of Gloss's page-side code and most pages never open a card, so it is
// a module of its own, loaded the first time a card is about to open: on hover intent, 300 ms
// before it is needed. Until then every page carries only the scanner.
import type { NoteRecord } from '@/src/core/records';
import type { PopoverProps } from '@/src/ui/Popover';
import type { SelectionComposerProps } from '@/src/ui/SelectionComposer';

/** What the hover controller and the page logic need of a popover. */
export interface PopoverControl {
  readonly isOpen: boolean;
  readonly anchorRange: Range | null;
  /** The user is typing in the popover: it must not close under them. */
  readonly isEditing: boolean;
  /** The selection composer is open: hovering names opens nothing over it. */
  readonly isComposing: boolean;
  containsEvent(event: Event): boolean;
  open(anchor: Range, props: Omit<PopoverProps, 'onClose'>): void;
  openNote(anchor: Range, note: NoteRecord, trapFocus: boolean): void;
  openComposer(anchor: Range, props: Omit<SelectionComposerProps, 'onClose'>): void;
  close(options: { restoreFocus: boolean }): void;
}

export type PopoverModule = typeof import('./popover-ui');

/**
 * The popover module, imported from the extension's own files into this content script's world
 * (a web-accessible resource built by modules/popover-module.ts). The path is written out here so
 * a reviewer, and scripts/lint-firefox.ts, can see that nothing else is ever imported.
 */
export function importPopoverModule(): Promise<PopoverModule> {
  return import(/* @vite-ignore */ browser.runtime.getURL('/content-scripts/popover.js'));
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

  /** Starts loading the popover's code (hover intent), so it is ready when the card opens. */
  preload(): void {
    this.ready().catch(() => {});
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

  containsEvent(event: Event): boolean {
    return this.host?.containsEvent(event) ?? false;
  }

  open(anchor: Range, props: Omit<PopoverProps, 'onClose'>): void {
    this.when((host) => host.open(anchor, props));
  }

  openNote(anchor: Range, note: NoteRecord, trapFocus: boolean): void {
    this.when((host) => host.openNote(anchor, note, trapFocus));
  }

  openComposer(anchor: Range, props: Omit<SelectionComposerProps, 'onClose'>): void {
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
