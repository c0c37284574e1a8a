import type { SourceRecord } from '@/src/core/records';
import { formatDate, safeHttpUrl } from '../format';

/** One source as the card names it: its title (a link when it has a web URL), publisher and date. */
export function SourceLine({ source }: { source: SourceRecord }) {
  const href = safeHttpUrl(source.url);
  return (
    <>
      {href ? (
        <a class="gloss-link" href={href} target="_blank" rel="noopener noreferrer">
          <bdi>{source.title}</bdi>
        </a>
      ) : (
        <bdi class="gloss-source-title">{source.title}</bdi>
      )}
      {source.publisher && (
        <>
          {' · '}
          <bdi>{source.publisher}</bdi>
        </>
      )}
      {source.publishedAt && (
        <>
          {' · '}
          <time dateTime={source.publishedAt}>{formatDate(source.publishedAt)}</time>
        </>
      )}
    </>
  );
}
