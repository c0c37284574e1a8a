// Hash routing, so every view of the manager has a link: #notes, #knowledge, #entity/<key>,
// #backup, #corrections, #settings, #review/<draft id>. Entity keys contain "/", so they are URI-encoded in the hash.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

export type Route =
  | { view: 'notes' }
  | { view: 'knowledge' }
  | { view: 'entity'; key: string }
  | { view: 'review'; id: string }
  | { view: 'backup' }
  | { view: 'corrections' }
  | { view: 'settings' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path.startsWith('entity/')) {
    try {
      const key = decodeURIComponent(path.slice('entity/'.length));
      if (key) return { view: 'entity', key };
    } catch {}
  }
  if (path.startsWith('review/') && path.length > 'review/'.length) {
    return { view: 'review', id: path.slice('review/'.length) };
  }
  if (path === 'knowledge' || path === 'backup' || path === 'corrections' || path === 'settings')
    return { view: path };
  return { view: 'notes' };
}

export function routeHash(route: Route): string {
  if (route.view === 'entity') return `#entity/${encodeURIComponent(route.key)}`;
  if (route.view === 'review') return `#review/${route.id}`;
  return `#${route.view}`;
}

export const entityHref = (key: string) => routeHash({ view: 'entity', key });

export function useRoute(win: Window = window): Route {
  const [route, setRoute] = useState(() => parseRoute(win.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(win.location.hash));
    win.addEventListener('hashchange', onChange);
    return () => win.removeEventListener('hashchange', onChange);
  }, [win]);
  return route;
}

/**
 * The manager's page of an entity as a full URL, for links from the card and the popup (which are
 * not on the manager page). Keys are identity ids, or entity keys the background resolves.
 */
export const entityPageUrl = (key: string) => `${browser.runtime.getURL('/options.html')}${entityHref(key)}`;
