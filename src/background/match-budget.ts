// Counts the text each tab has sent to be matched, a minute at a time (see MATCH_BUDGET).
import { BudgetSpent, MATCH_BUDGET } from '@/src/messaging/match-budget';

/** Windows kept before expired ones are dropped: one per tab that sent text lately. */
const PRUNE_ABOVE = 256;

export class MatchBudget {
  /** Tab → the current window's start and the characters spent in it. */
  private readonly windows = new Map<number | 'no tab', { start: number; chars: number }>();

  constructor(
    private readonly limits = MATCH_BUDGET,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a call's characters against its tab, or throws BudgetSpent (and counts nothing). */
  spend(tabId: number | undefined, chars: number): void {
    const { charsPerCall, charsPerTabPerMinute, windowMs } = this.limits;
    if (chars > charsPerCall) {
      throw new BudgetSpent(`Gloss matches at most ${charsPerCall} characters per call, not ${chars}.`, 0);
    }
    const now = this.now();
    this.prune(now);
    const key = tabId ?? 'no tab';
    let window = this.windows.get(key);
    if (!window || now - window.start >= windowMs) {
      window = { start: now, chars: 0 };
      this.windows.set(key, window);
    }
    if (window.chars + chars > charsPerTabPerMinute) {
      throw new BudgetSpent(
        `Gloss matched ${window.chars} characters for this tab in the last minute; the limit is ${charsPerTabPerMinute}.`,
        window.start + windowMs - now,
      );
    }
    window.chars += chars;
  }

  private prune(now: number): void {
    if (this.windows.size <= PRUNE_ABOVE) return;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.limits.windowMs) this.windows.delete(key);
    }
  }
}
