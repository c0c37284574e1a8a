// Under a mention's card: why Gloss chose this entity (one quiet line), and "Not this — it's …":
// another of the mention's candidates, any entity found by search, or nothing (do not mark it).
// Where it holds: by default, here and in passages like this one (the words around the mention) on
// any site; "Always on this site", every such mention on the site; "Everywhere", on every site.
import { useEffect, useId, useState } from 'preact/hooks';
import type { Correction, Reason } from '@/src/core/context/types';
import { cueWords } from '@/src/core/corrections';
import type { EntityView } from '@/src/messaging/protocol';
import { typeLabel } from '../format';
import { errorText } from '../hooks/useLive';
import { EntityPicker } from '../manager/EntityPicker';
import { explainLine } from './explain';

/** What a correction made from the card says; the card frame adds the page's site. */
export interface CardCorrection {
  alias: string;
  wrong?: string;
  right: string | null;
  scope: Scope;
  cues?: string[];
}

type Scope = Correction['scope'];

/** The choices of where a correction holds, in the order the form offers them. */
const SCOPES: Array<{ scope: Scope; label: string }> = [
  { scope: 'context', label: 'Here and in passages like this one' },
  { scope: 'site', label: 'Always on this site' },
  { scope: 'everywhere', label: 'Everywhere' },
];

export interface MentionCorrectionProps {
  mentionText: string;
  /** The identity the card shows. */
  shown: { key: string; name: string };
  /** The mention's other candidates, likelier first. */
  others: string[];
  site: string;
  /** The sentence around the mention: its words recognise similar passages. */
  sentence: string;
  reasons?: Reason[];
  getEntity(key: string): Promise<EntityView | null>;
  correct(correction: CardCorrection): Promise<Correction>;
  onCorrected(correction: Correction): void;
}

export function MentionCorrection(props: MentionCorrectionProps) {
  const [open, setOpen] = useState(false);
  const why = explainLine(props.reasons);
  return (
    <div class="gloss-mention-correction">
      {why && <p class="gloss-explain">{why}</p>}
      {open ? (
        <CorrectionForm {...props} onCancel={() => setOpen(false)} />
      ) : (
        <button
          type="button"
          class="gloss-button gloss-button-small gloss-not-this"
          onClick={() => setOpen(true)}
        >
          Not this?
        </button>
      )}
    </div>
  );
}

function CorrectionForm(props: MentionCorrectionProps & { onCancel(): void }) {
  const id = useId();
  const [scope, setScope] = useState<Scope>('context');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const others = useCandidates(props.getEntity, props.others);
  const { mentionText, site } = props;

  const correct = async (right: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const correction = await props.correct({
        alias: mentionText,
        wrong: props.shown.key,
        right,
        scope,
        ...(scope === 'context' ? { cues: cueWords(props.sentence, mentionText) } : {}),
      });
      props.onCorrected(correction);
    } catch (caught) {
      setError(errorText(caught, 'Gloss could not save the correction.'));
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // Esc closes this form first, not the whole card.
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      props.onCancel();
    }
  };

  return (
    <section class="gloss-correct" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <h3 id={`${id}-title`} class="gloss-section-heading">
        Not <bdi>{props.shown.name}</bdi> — it’s …
      </h3>
      <CorrectionChoices mentionText={mentionText} others={others} busy={busy} correct={correct} />
      <fieldset class="gloss-correct-where">
        <legend class="gloss-visually-hidden">Where this holds</legend>
        {SCOPES.map((choice) => (
          <div class="gloss-remember" key={choice.scope}>
            <input
              id={`${id}-${choice.scope}`}
              type="radio"
              name={`${id}-scope`}
              checked={scope === choice.scope}
              onChange={() => setScope(choice.scope)}
            />
            <label for={`${id}-${choice.scope}`}>{choice.label}</label>
          </div>
        ))}
      </fieldset>
      <p class="gloss-muted gloss-correct-scope">
        {scope === 'site'
          ? `Every “${mentionText}” on ${site || 'this site'}.`
          : scope === 'everywhere'
            ? `Every “${mentionText}”, on every site.`
            : `“${mentionText}” here and in passages like this one, on any site.`}{' '}
        Undo it in the manager, under Corrections.
      </p>
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      <div class="gloss-actions">
        <button type="button" class="gloss-button gloss-button-small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </section>
  );
}

/** What the mention means instead: another candidate, nothing, or any entity found by search. */
function CorrectionChoices(props: {
  mentionText: string;
  others: Array<{ key: string; name: string; type: string }>;
  busy: boolean;
  correct(right: string | null): void;
}) {
  const { busy, correct } = props;
  const [searching, setSearching] = useState(false);
  return (
    <>
      <ul class="gloss-list gloss-choices">
        {props.others.map((other) => (
          <li key={other.key}>
            <button type="button" class="gloss-choice" disabled={busy} onClick={() => correct(other.key)}>
              <span class="gloss-choice-name">
                <bdi>{other.name}</bdi>
              </span>{' '}
              <span class="gloss-type">{typeLabel(other.type)}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            class="gloss-choice gloss-correct-nothing"
            disabled={busy}
            onClick={() => correct(null)}
          >
            Nothing — don’t mark “<bdi>{props.mentionText}</bdi>” here
          </button>
        </li>
      </ul>
      {searching ? (
        <EntityPicker
          label="Another entity"
          onPick={async (entity) => correct(entity.key)}
          onCancel={() => setSearching(false)}
        />
      ) : (
        <button
          type="button"
          class="gloss-button gloss-button-small gloss-correct-search"
          disabled={busy}
          onClick={() => setSearching(true)}
        >
          Something else…
        </button>
      )}
    </>
  );
}

/** The other candidates' names and types, loaded when the form opens. */
function useCandidates(getEntity: MentionCorrectionProps['getEntity'], keys: string[]) {
  const [loaded, setLoaded] = useState<Array<{ key: string; name: string; type: string }>>([]);
  const joined = keys.join('\n');
  useEffect(() => {
    const keys = joined ? joined.split('\n') : [];
    let current = true;
    void Promise.all(keys.map((key) => getEntity(key).catch(() => null))).then((views) => {
      if (!current) return;
      setLoaded(
        views.flatMap((view, i) =>
          view ? [{ key: keys[i] as string, name: view.entity.name, type: view.entity.type }] : [],
        ),
      );
    });
    return () => {
      current = false;
    };
  }, [getEntity, joined]);
  return loaded;
}
