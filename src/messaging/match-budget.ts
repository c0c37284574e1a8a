// How much page text the background matches for a tab (large knowledge bases only: small ones are
// matched in the page). Any site's content script may send text, so a page that keeps sending (or a
// subverted one) would otherwise keep the service worker matching without end. Shared by the
// background, which refuses over-budget calls, and the page, which then stops sending.
// At 100,000 aliases the background matches ~24 Mchar/s (docs/benchmarks.md, bench:match).

export const MATCH_BUDGET = {
  /** One call: ≈ 80 ms of matching. Pages send 100,000-character batches; only one giant text node is larger. */
  charsPerCall: 2_000_000,
  /** One tab, one minute: ≈ 0.8 s of matching, over 40 loads of the largest page in the corpus (423k). */
  charsPerTabPerMinute: 20_000_000,
  windowMs: 60_000,
};

/** The error's name, kept when @webext-core/messaging carries it to the page. */
export const BUDGET_SPENT = 'GlossBudgetSpent';

/** The background will not match this call; it may again after `retryAfterMs` (0: a smaller call may). */
export class BudgetSpent extends Error {
  override name = BUDGET_SPENT;
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}

/** Whether a call failed only for the budget: what arrives is a plain Error with the name and fields. */
export function isBudgetSpent(error: unknown): error is { retryAfterMs?: number } {
  return (error as { name?: unknown } | null)?.name === BUDGET_SPENT;
}
