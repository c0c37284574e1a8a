import type { EntityPageView } from '@/src/messaging/protocol';
import { displayHost, formatAbsolute, isoTimestamp, safeHttpUrl } from '../../format';

const times = (n: number) => `${n} ${n === 1 ? 'time' : 'times'}`;

/** The pages where Gloss marked the identity, most recent first: address, title, when, how often. */
export function SeenOn({ pages, historyOn }: { pages: EntityPageView['seenOn']; historyOn: boolean }) {
  if (pages.length === 0) {
    return (
      <p class="gloss-muted">
        {historyOn
          ? 'Not seen on any page yet.'
          : 'Gloss does not remember pages: the switch is in Settings.'}
      </p>
    );
  }
  return (
    <table class="gloss-table gloss-seen-on" data-testid="seen-on">
      <thead>
        <tr>
          <th scope="col">Page</th>
          <th scope="col">Last seen</th>
          <th scope="col">How often</th>
        </tr>
      </thead>
      <tbody>
        {pages.map((page) => {
          const href = safeHttpUrl(page.url);
          const title = page.title || displayHost(page.url);
          return (
            <tr key={page.url}>
              <td>
                {href ? (
                  <a class="gloss-link" href={href} target="_blank" rel="noopener noreferrer">
                    <bdi>{title}</bdi>
                  </a>
                ) : (
                  <bdi>{title}</bdi>
                )}
                <span class="gloss-seen-url">
                  <bdi>{page.url}</bdi>
                </span>
              </td>
              <td>
                <time
                  dateTime={isoTimestamp(page.lastSeenAt)}
                  title={`First seen ${formatAbsolute(page.firstSeenAt)}`}
                >
                  {formatAbsolute(page.lastSeenAt)}
                </time>
              </td>
              <td>{times(page.count)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
