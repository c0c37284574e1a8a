import { useState } from 'preact/hooks';
import { draftExpiresAt } from '@/src/core/drafts';
import { formatBytes } from '@/src/core/export';
import { type DraftSummary, sendMessage } from '@/src/messaging/protocol';
import { formatAbsolute } from '../format';
import { errorText, useLive } from '../hooks/useLive';
import { routeHash } from './route';

/** Captured articles waiting for review: open one to review it, or discard it. */
export function DraftList({ headingId }: { headingId: string }) {
  const live = useLive(() => sendMessage('listDrafts', undefined), []);
  const [error, setError] = useState<string | null>(null);
  const [gone, setGone] = useState<string[]>([]);
  const drafts = live.status === 'ready' ? live.data.filter((d) => !gone.includes(d.id)) : [];

  const discard = async (draft: DraftSummary) => {
    setError(null);
    try {
      await sendMessage('discardDraft', { id: draft.id });
      setGone([...gone, draft.id]);
    } catch (caught) {
      setError(errorText(caught, 'The capture could not be discarded.'));
    }
  };

  return (
    <section class="gloss-panel" aria-labelledby={headingId} data-testid="drafts">
      <h2 id={headingId}>Captures waiting for review</h2>
      <p class="gloss-muted">
        Articles you added with “Add this article to Gloss” and did not save or discard. Each is kept for 30
        days after its capture, then discarded.
      </p>
      {live.status === 'error' && <p class="gloss-error">Could not list the captures: {live.message}</p>}
      {live.status === 'ready' && drafts.length === 0 && <p class="gloss-empty">No captures are waiting.</p>}
      {drafts.length > 0 && (
        <ul class="gloss-list gloss-draft-list">
          {drafts.map((draft) => (
            <li key={draft.id} class="gloss-draft" data-testid="draft">
              <span class="gloss-draft-title">
                <bdi>{draft.title}</bdi>
              </span>
              <span class="gloss-muted">
                {[draft.site, `captured ${formatAbsolute(draft.createdAt)}`, formatBytes(draft.size)]
                  .filter(Boolean)
                  .join(' · ')}{' '}
                · discarded after {formatAbsolute(draftExpiresAt(draft.createdAt), false)}
              </span>
              <span class="gloss-actions">
                <a class="gloss-button" href={routeHash({ view: 'review', id: draft.id })}>
                  Open
                </a>
                <button
                  type="button"
                  class="gloss-button"
                  aria-label={`Discard “${draft.title}”`}
                  onClick={() => void discard(draft)}
                >
                  Discard
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
