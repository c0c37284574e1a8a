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

export class Highlighter {
  readonly mentions: Highlight;
  private readonly active: Highlight;
  private name: string | null = null;

  constructor(
    private readonly registry: Registry,
    win: Window,
  ) {
    const Ctor = (win as HighlightWindow).Highlight ?? Highlight;
    this.mentions = new Ctor();
    this.active = new Ctor();
    // Painted over the other marks.
    this.active.priority = 1;
  }

  show(style: HighlightStyle): void {
    const name = HIGHLIGHT_NAMES[style];
    if (this.name === name) return;
    this.hide();
    this.registry.set(name, this.mentions);
    this.registry.set(ACTIVE_HIGHLIGHT, this.active);
    this.name = name;
  }

  hide(): void {
    if (this.name && this.registry.get(this.name) === this.mentions) this.registry.delete(this.name);
    if (this.registry.get(ACTIVE_HIGHLIGHT) === this.active) this.registry.delete(ACTIVE_HIGHLIGHT);
    this.name = null;
  }

  setActive(range: AbstractRange | null): void {
    this.active.clear();
    if (range) this.active.add(range);
  }

  isOurs(highlight: Highlight): boolean {
    return highlight === this.mentions || highlight === this.active;
  }

  hitTest(x: number, y: number, shadowRoots: ShadowRoot[] = []): AbstractRange[] | null {
    if (!this.registry.highlightsFromPoint) return null;
    const hits = this.registry.highlightsFromPoint(x, y, shadowRoots.length ? { shadowRoots } : undefined);
    return hits.filter((hit) => hit.highlight === this.mentions).flatMap((hit) => hit.ranges);
  }
}
