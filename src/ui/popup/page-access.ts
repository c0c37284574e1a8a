// Which pages an extension may not touch. Pure: the URL in, a reason in the user's words out.
import { fileAccessReason, restrictedHosts } from '@/src/platform';

export type PageAccess =
  | { kind: 'web' }
  | { kind: 'file' }
  | { kind: 'restricted'; reason: string }
  /** The URL is hidden from Gloss (no `tabs` permission and no activeTab grant). */
  | { kind: 'unknown' };

const STORE_HOSTS = restrictedHosts();

export const BROWSER_PAGE_REASON =
  'Browsers keep their own pages (like chrome:// and about: pages) and other extensions’ pages off-limits to every extension.';
export const STORE_REASON = 'The browser’s extension store is off-limits to every extension.';

export function pageAccess(url: string | undefined): PageAccess {
  if (!url) return { kind: 'unknown' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'unknown' };
  }
  if (parsed.protocol === 'file:') return { kind: 'file' };
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return { kind: 'restricted', reason: BROWSER_PAGE_REASON };
  }
  const store =
    STORE_HOSTS.includes(parsed.hostname) ||
    (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore'));
  return store ? { kind: 'restricted', reason: STORE_REASON } : { kind: 'web' };
}

export const FILE_REASON = fileAccessReason();

/** The URL is hidden and no Gloss answers: most likely a browser page, else a page opened before Gloss. */
export const HIDDEN_PAGE_REASON = `${BROWSER_PAGE_REASON} If this is an ordinary web page, reload it.`;
