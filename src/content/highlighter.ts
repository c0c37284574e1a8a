// Marks mentions with the CSS Custom Highlight API: ranges are registered with the document's
// highlight registry and painted by ::highlight() rules, so the page's DOM is never changed.
import type { HighlightStyle } from '@/src/settings/settings';

export const HIGHLIGHT_NAMES: Record<HighlightStyle, string> = {
  underline: 'gloss-underline',
  tint: 'gloss-tint',
  hover: 'gloss-hover',
};
export const ACTIVE_HIGHLIGHT = 'gloss-active';
/** The quotes of page notes (notes on a selection). */
export const NOTE_HIGHLIGHT = 'gloss-note';

/** highlightsFromPoint is newer than TypeScript's DOM types. */
export interface HighlightHit {
  highlight: Highlight;
  ranges: AbstractRange[];
}
type Registry = HighlightRegistry & {
  highlightsFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => HighlightHit[];
};

type HighlightWindow = Window & { CSS?: typeof CSS; Highlight?: typeof Highlight };

/** The document's highlight registry, or null where the browser has no CSS Custom Highlight API. */
export function highlightRegistry(win: Window): Registry | null {
  const { CSS: css, Highlight: ctor } = win as HighlightWindow;
  return css && 'highlights' in css && typeof ctor === 'function' ? (css.highlights as Registry) : null;
}

/**
 * Gloss's marks in the page's highlight registry. A name is registered only while its highlight has
 * ranges: the registry is the page's own, and an empty "gloss-underline" there would tell any page
 * that Gloss is installed even where it marks nothing.
 */
export class Highlighter {
  /** Mentions are added and removed here by the MentionStore, which calls sync() after each change. */
  readonly mentions: Highlight;
  readonly #active: Highlight;
  /** The name for the current style while marks are shown; null while hidden. */
  #name: string | null = null;
  /** The name each highlight is registered under now, if any. */
  readonly #registered = new Map<Highlight, string | null>();

  readonly #registry: Registry;

  constructor(registry: Registry, win: Window) {
    this.#registry = registry;
    const Ctor = (win as HighlightWindow).Highlight ?? Highlight;
    this.mentions = new Ctor();
    this.#active = new Ctor();
    // Painted over the other marks.
    this.#active.priority = 1;
  }

  show(style: HighlightStyle): void {
    const name = HIGHLIGHT_NAMES[style];
    if (this.#name === name) return;
    this.hide();
    this.#name = name;
    this.sync();
  }

  hide(): void {
    this.#name = null;
    this.sync();
  }

  setActive(range: AbstractRange | null): void {
    this.#active.clear();
    if (range) this.#active.add(range);
    this.sync();
  }

  /** Registers each highlight that is shown and has ranges, and removes every other one of Gloss's. */
  sync(): void {
    this.#put(this.#name, this.mentions);
    this.#put(this.#name && ACTIVE_HIGHLIGHT, this.#active);
  }

  /** Registers `highlight` under `name` if it has ranges, and takes it from the name it had. */
  #put(name: string | null, highlight: Highlight): void {
    const wanted = name && highlight.size > 0 ? name : null;
    const had = this.#registered.get(highlight) ?? null;
    if (had === wanted) return;
    // A page may have put its own highlight under the name since: leave that one alone.
    if (had && this.#registry.get(had) === highlight) this.#registry.delete(had);
    if (wanted) this.#registry.set(wanted, highlight);
    this.#registered.set(highlight, wanted);
  }

  hitTest(x: number, y: number, shadowRoots: ShadowRoot[] = []): AbstractRange[] | null {
    if (!this.#registry.highlightsFromPoint) return null;
    const hits = this.#registry.highlightsFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
    return hits.filter((hit) => hit.highlight === this.mentions).flatMap((hit) => hit.ranges);
  }
}
