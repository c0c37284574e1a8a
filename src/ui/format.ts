// Pure formatting for the card, chooser and note form. English only, and no Intl month names,
// so the same date reads the same in every browser locale (and in tests).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const dayMonthYear = (day: number, monthIndex: number, year: number) =>
  `${day} ${MONTHS[monthIndex] ?? '?'} ${year}`;

/**
 * A pack date ("2024-06-14" or an ISO date-time) as "14 Jun 2024". A plain date is a calendar day,
 * not an instant, so it is never shifted by the reader's time zone. Unreadable input comes back as is.
 */
export function formatDate(iso: string): string {
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (plain) {
    const [, year, month, day] = plain;
    const monthIndex = Number(month) - 1;
    if (monthIndex >= 0 && monthIndex < 12 && Number(day) >= 1 && Number(day) <= 31) {
      return dayMonthYear(Number(day), monthIndex, Number(year));
    }
    return iso;
  }
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : formatAbsolute(time, false);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment (ms since epoch) in local time: "14 Jun 2024", or "14 Jun 2024, 09:05" with the time. */
export function formatAbsolute(ms: number, withTime = true): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '';
  const day = dayMonthYear(date.getDate(), date.getMonth(), date.getFullYear());
  return withTime ? `${day}, ${pad(date.getHours())}:${pad(date.getMinutes())}` : day;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When a note was written, the way people say it: "just now", "5 min ago", "3 days ago", then the date. */
export function formatNoteDate(ms: number, now: number = Date.now()): string {
  const age = now - ms;
  // A clock that moved backwards (or a note from another device) gets the plain date.
  if (age < 0 || age >= 7 * DAY) return formatAbsolute(ms, false);
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  const days = Math.floor(age / DAY);
  return days === 1 ? 'yesterday' : `${days} days ago`;
}

/** For `<time dateTime>`; empty for an impossible timestamp rather than throwing. */
export function isoTimestamp(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

const TYPE_LABELS: Record<string, string> = {
  person: 'Person',
  place: 'Place',
  organization: 'Organisation',
  event: 'Event',
  other: 'Other',
};

/** The entity type in the user's words; anything unknown is "Other". */
export function typeLabel(type: string): string {
  return Object.hasOwn(TYPE_LABELS, type) ? (TYPE_LABELS[type] ?? 'Other') : 'Other';
}

/**
 * The URL if it is a web link, else undefined. Only http(s) may become an href: pack files and
 * stored notes are untrusted, and a javascript: or data: URL in a link runs in the page.
 */
export function safeHttpUrl(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  return parsed.href;
}

/** The host name of a web link ("example.org"), for a link that has no title. */
export function displayHost(url: string): string {
  const safe = safeHttpUrl(url);
  return safe ? new URL(safe).host : url;
}
