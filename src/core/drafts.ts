// How long a captured article waits for review. A draft can hold 2 MB of article text; one the
// user never came back to would stay forever, so drafts expire, with a warning a week before.
const DAY = 24 * 60 * 60 * 1000;

/** A draft is discarded this long after its capture. */
export const DRAFT_LIFETIME_DAYS = 30;
/** From this age on, the manager warns that a draft will be discarded. */
export const DRAFT_WARNING_DAYS = 23;

export const draftExpiresAt = (createdAt: number) => createdAt + DRAFT_LIFETIME_DAYS * DAY;

export const isExpired = (createdAt: number, now: number) => now >= draftExpiresAt(createdAt);

/**
 * "N reviews will be discarded in K days": the drafts old enough to warn about, and the days left
 * for the first of them to go (at least 1: a draft past its time goes at the next expiry run).
 */
export function expiryWarning(
  drafts: ReadonlyArray<{ createdAt: number }>,
  now: number,
): { count: number; days: number } | null {
  const due = drafts.filter((d) => now - d.createdAt >= DRAFT_WARNING_DAYS * DAY);
  if (!due.length) return null;
  const first = Math.min(...due.map((d) => draftExpiresAt(d.createdAt)));
  return { count: due.length, days: Math.max(1, Math.ceil((first - now) / DAY)) };
}
