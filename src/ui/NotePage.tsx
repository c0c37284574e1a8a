import { safeHttpUrl } from './format';

/** The page a note was written on, "title · ": a link only for http(s) addresses, else plain text. */
export function NotePage({ note }: { note: { pageTitle: string; pageUrl: string } }) {
  const label = note.pageTitle.trim() || note.pageUrl;
  if (!label) return null;
  const href = safeHttpUrl(note.pageUrl);
  return (
    <>
      {href ? (
        <a class="gloss-link" href={href} target="_blank" rel="noopener noreferrer">
          <bdi>{label}</bdi>
        </a>
      ) : (
        <bdi>{label}</bdi>
      )}
      {' · '}
    </>
  );
}
