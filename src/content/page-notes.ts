// Page notes on this page: their quotes are found again in the page text (the selector's exact
// text, told apart by its context) and marked with the gloss-note highlight; the notes whose
// quote is no longer there are reported, so the manager can say so.
import type { NoteRecord } from '@/src/core/records';
import { NOTE_HIGHLIGHT } from './highlighter';
import type { locateQuotes } from './quotes';
import type { ScanOptions } from './walk';

export interface NoteMark {
  range: Range;
  note: NoteRecord;
}

export interface PageNotesDeps {
  list(url: string): Promise<NoteRecord[]>;
  report(url: string, found: string[], missing: string[]): Promise<void>;
  /**
   * Finds the quotes in the page (quotes.ts). Only pages with notes need it, so the content script
   * passes the copy in the lazily loaded popover module; tests pass quotes.ts's own.
   */
  locate(): Promise<typeof locateQuotes>;
}

type HighlightWindow = Window & { Highlight: typeof Highlight };

export class PageNotes {
  #marks: NoteMark[] = [];
  readonly #highlight: Highlight;
  /** The refresh under way, if any. */
  #refreshing = new AbortController();

  readonly #win: Window;
  readonly #registry: HighlightRegistry;
  readonly #deps: PageNotesDeps;
  readonly #scan: ScanOptions;

  constructor(win: Window, registry: HighlightRegistry, deps: PageNotesDeps, scan: ScanOptions) {
    this.#win = win;
    this.#registry = registry;
    this.#deps = deps;
    this.#scan = scan;
    this.#highlight = new (win as HighlightWindow).Highlight();
  }

  /** Fetches this page's notes and marks their quotes again. */
  async refresh(): Promise<void> {
    // A later refresh, or clear(), ends this one: its walk stops and it marks nothing.
    this.#refreshing.abort();
    this.#refreshing = new AbortController();
    const { signal } = this.#refreshing;
    const url = this.#win.location.href;
    const notes = await this.#deps.list(url);
    if (signal.aborted) return;
    const { marks, missing } = notes.length
      ? await (await this.#deps.locate())(this.#win, notes, signal, this.#scan)
      : { marks: [], missing: [] };
    if (signal.aborted) return;
    this.#marks = marks;
    this.#highlight.clear();
    for (const { range } of marks) this.#highlight.add(range);
    if (marks.length) this.#registry.set(NOTE_HIGHLIGHT, this.#highlight);
    else this.#unregister();
    if (notes.length) {
      await this.#deps.report(
        url,
        marks.map((m) => m.note.id),
        missing,
      );
    }
  }

  clear(): void {
    this.#refreshing.abort();
    this.#marks = [];
    this.#highlight.clear();
    this.#unregister();
  }

  /** The marked note quote under a point, if any. */
  at(x: number, y: number): NoteMark | null {
    for (const mark of this.#marks) {
      for (const rect of mark.range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return mark;
      }
    }
    return null;
  }

  #unregister(): void {
    if (this.#registry.get(NOTE_HIGHLIGHT) === this.#highlight) this.#registry.delete(NOTE_HIGHLIGHT);
  }
}
