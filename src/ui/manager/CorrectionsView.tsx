// The reader's corrections ("Not this — it's …" and remembered "Which one?" answers from the card),
// newest first, each with Undo. An undone correction stops applying at once on open pages; it is
// kept as a tombstone so a backup made before the undo cannot bring it back.
import { useState } from 'preact/hooks';
import { type CorrectionView, sendMessage } from '@/src/messaging/protocol';
import { formatAbsolute } from '../format';
import { errorText, useLive } from '../hooks/useLive';

/** Where a correction applies, in the reader's words. */
export function scopeText(correction: CorrectionView): string {
  if (correction.scope === 'everywhere') return 'everywhere';
  if (correction.scope === 'site') return `everywhere on ${correction.site}`;
  const cues = (correction.cues ?? []).slice(0, 4).join(', ');
  return `in passages like the one corrected on ${correction.site}${cues ? ` (${cues})` : ''}`;
}

export function CorrectionsView() {
  const live = useLive(
    () => sendMessage('listCorrections', undefined),
    [],
    (c) => c.kind === 'corrections',
  );
  const [error, setError] = useState<string | null>(null);
  const undo = async (id: string) => {
    setError(null);
    try {
      await sendMessage('undoCorrection', { id });
      await live.reload();
    } catch (caught) {
      setError(errorText(caught, 'Could not undo the correction.'));
    }
  };
  return (
    <>
      <header class="gloss-view-header">
        <h1>Corrections</h1>
      </header>
      <p class="gloss-muted">
        What you told Gloss a name on a page does not mean, from the card’s “Not this?”, and the answers to
        “Which one?” you asked it to remember. They stay on this device and are in your backups. Undo one and
        pages mark the name as before.
      </p>
      {live.status === 'error' && <p class="gloss-error">Could not read the corrections: {live.message}</p>}
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      {live.status === 'ready' &&
        (live.data.length === 0 ? (
          <p class="gloss-empty">No corrections yet.</p>
        ) : (
          <ul class="gloss-list gloss-correction-list">
            {live.data.map((correction) => (
              <CorrectionRow key={correction.id} correction={correction} onUndo={() => undo(correction.id)} />
            ))}
          </ul>
        ))}
    </>
  );
}

function CorrectionRow({ correction, onUndo }: { correction: CorrectionView; onUndo(): void }) {
  const meaning =
    correction.right === null
      ? 'nothing (not marked)'
      : (correction.rightName ?? 'an entity no longer in Gloss');
  return (
    <li class="gloss-correction" data-id={correction.id}>
      <p>
        “<bdi>{correction.alias}</bdi>” is <strong class="gloss-correction-right">{meaning}</strong>
        {correction.wrongName && (
          <>
            , not <bdi>{correction.wrongName}</bdi>
          </>
        )}
      </p>
      <p class="gloss-muted">
        <span class="gloss-correction-scope">{scopeText(correction)}</span> ·{' '}
        {formatAbsolute(correction.updatedAt)}
      </p>
      <div class="gloss-actions">
        <button
          type="button"
          class="gloss-button gloss-button-small"
          aria-label={`Undo the correction of “${correction.alias}”`}
          onClick={onUndo}
        >
          Undo
        </button>
      </div>
    </li>
  );
}
