import { useId, useState } from 'preact/hooks';
import { typeLabel } from './format';

export interface AmbiguityChooserProps {
  /** The text on the page, e.g. "Washington". */
  mentionText: string;
  candidates: Array<{ key: string; name: string; type: string; description?: string }>;
  /** The chosen entity, and whether to remember the choice for this site ("remember" starts checked). */
  onChoose(key: string, remember: boolean): void;
  /** "None of these": do not mark the mention (here and in passages like it, or on the whole site when remembered). */
  onNone?(remember: boolean): Promise<void>;
  /** The page ranked the candidates (issue 15): say the likelier comes first. */
  likelierFirst?: boolean;
  headingId?: string;
}

/** When one alias names several entities: the user picks which one the page means. */
export function AmbiguityChooser({
  mentionText,
  candidates,
  onChoose,
  onNone,
  likelierFirst,
  headingId,
}: AmbiguityChooserProps) {
  const [remember, setRemember] = useState(true);
  const [busy, setBusy] = useState(false);
  const ownId = useId();
  const titleId = headingId ?? `${ownId}-title`;
  const rememberId = `${ownId}-remember`;

  // Up/Down move between the choices, as in a menu; Tab still works as usual.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const list = event.currentTarget as HTMLElement;
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('.gloss-choice')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index === -1) return;
    event.preventDefault();
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1;
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  return (
    <section class="gloss-root gloss-chooser" aria-labelledby={titleId}>
      <h2 id={titleId} class="gloss-chooser-title">
        Which “<bdi>{mentionText}</bdi>”?
      </h2>
      {likelierFirst && <p class="gloss-muted gloss-chooser-hint">The likelier first.</p>}
      <ul class="gloss-list gloss-choices" onKeyDown={onKeyDown}>
        {candidates.map((candidate) => (
          <li key={candidate.key}>
            <button
              type="button"
              class="gloss-choice"
              data-key={candidate.key}
              onClick={() => onChoose(candidate.key, remember)}
            >
              <span class="gloss-choice-name">
                <bdi>{candidate.name}</bdi>
              </span>{' '}
              <span class="gloss-type">{typeLabel(candidate.type)}</span>
              {candidate.description && (
                <span class="gloss-choice-description" dir="auto">
                  {candidate.description}
                </span>
              )}
            </button>
          </li>
        ))}
        {onNone && (
          <li>
            <button
              type="button"
              class="gloss-choice gloss-choice-none"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onNone(remember).finally(() => setBusy(false));
              }}
            >
              None of these — don’t mark it
            </button>
          </li>
        )}
      </ul>
      <div class="gloss-remember">
        <input
          id={rememberId}
          type="checkbox"
          checked={remember}
          onChange={(event) => setRemember(event.currentTarget.checked)}
        />
        <label for={rememberId}>Remember for this site</label>
      </div>
    </section>
  );
}
