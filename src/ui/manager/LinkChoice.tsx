import { useId, useState } from 'preact/hooks';
import type { LinkPreview, LinkTarget } from '@/src/messaging/protocol';
import { typeLabel } from '../format';
import { EntityPicker } from './EntityPicker';

/** The reviewer's own choice for one entity: link to an identity, or (to: null) keep it apart. */
export type ManualLink = { to: string; name: string } | { to: null };

export interface LinkChoiceProps {
  name: string;
  /** How the background would link it; absent for an entity the reviewer added. */
  preview: LinkPreview | undefined;
  /** The reviewer's choice, or undefined for the automatic one. */
  choice: ManualLink | undefined;
  onChoose(choice: ManualLink | undefined): void;
  /** Sentences the article adds about it. */
  newFacts: number;
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const known = (t: LinkTarget) => `${count(t.factCount, 'fact')} from ${count(t.sourceCount, 'source')}`;

/**
 * How a captured entity lands in the knowledge base: linked to one it knows ("Russia: known, 4 facts
 * from 2 sources; +3 new facts") with unlink and link to…, a proposal's candidates to pick from, or new.
 */
export function LinkChoice({ name, preview, choice, onChoose, newFacts }: LinkChoiceProps) {
  const id = useId();
  const [picking, setPicking] = useState(false);
  const label = name.trim() || 'This entity';
  const decision = preview?.decision ?? 'new';
  const plus = `+${count(newFacts, 'new fact')}`;

  const linkTo = <LinkTo label={label} picking={picking} setPicking={setPicking} onChoose={onChoose} />;
  const undo = (
    <button type="button" class="gloss-button gloss-button-small" onClick={() => onChoose(undefined)}>
      Undo
    </button>
  );

  if (choice?.to) {
    return (
      <div class="gloss-link-choice" data-link="manual">
        <p class="gloss-link-summary">
          <bdi>{label}</bdi>: linked by you to <bdi>{choice.name}</bdi>; {plus}
        </p>
        <div class="gloss-actions">{undo}</div>
      </div>
    );
  }
  if (decision === 'link' && preview?.identity && choice === undefined) {
    return (
      <div class="gloss-link-choice" data-link="link">
        <p class="gloss-link-summary">
          <span class="gloss-badge">Linked</span> <bdi>{label}</bdi>: known, {known(preview.identity)}; {plus}
        </p>
        <div class="gloss-actions">
          <button
            type="button"
            class="gloss-button gloss-button-small"
            aria-label={`Unlink ${label}`}
            onClick={() => onChoose({ to: null })}
          >
            Unlink
          </button>
          {linkTo}
        </div>
      </div>
    );
  }
  if (decision === 'propose' && preview?.candidates?.length && choice === undefined) {
    return (
      <div class="gloss-link-choice" data-link="propose">
        <Candidates label={label} candidates={preview.candidates} group={`${id}-link`} onChoose={onChoose} />
        <div class="gloss-actions">{linkTo}</div>
      </div>
    );
  }
  return (
    <div class="gloss-link-choice" data-link={choice === undefined ? 'new' : 'apart'}>
      <p class="gloss-link-summary gloss-muted">
        {choice === undefined ? 'New entity' : 'Kept apart: a new entity'}; {plus}
      </p>
      <div class="gloss-actions">
        {choice !== undefined && undo}
        {linkTo}
      </div>
    </div>
  );
}

/** "Link to…" and, while open, the picker of the identity to link to. */
function LinkTo(props: {
  label: string;
  picking: boolean;
  setPicking(picking: boolean): void;
  onChoose(choice: ManualLink): void;
}) {
  const { label, picking, setPicking, onChoose } = props;
  return (
    <>
      <button
        type="button"
        class="gloss-button gloss-button-small"
        aria-expanded={picking}
        aria-label={`Link to… (${label})`}
        onClick={() => setPicking(!picking)}
      >
        Link to…
      </button>
      {picking && (
        <EntityPicker
          label={`Link “${label}” to`}
          onPick={async (target) => {
            onChoose({ to: target.key, name: target.name });
            setPicking(false);
          }}
          onCancel={() => setPicking(false)}
        />
      )}
    </>
  );
}

/** A proposal's candidates as radio buttons, with "No: a new entity" chosen until one is picked. */
function Candidates(props: {
  label: string;
  candidates: LinkTarget[];
  group: string;
  onChoose(choice: ManualLink | undefined): void;
}) {
  const { label, candidates, group, onChoose } = props;
  return (
    <fieldset class="gloss-link-choices">
      <legend>
        Is “<bdi>{label}</bdi>” one of these?
      </legend>
      {candidates.map((candidate) => (
        <label key={candidate.key}>
          <input
            type="radio"
            name={group}
            onChange={() => onChoose({ to: candidate.key, name: candidate.name })}
          />
          <span>
            <bdi>{candidate.name}</bdi> <span class="gloss-type">{typeLabel(candidate.type)}</span>{' '}
            <span class="gloss-muted">{known(candidate)}</span>
          </span>
        </label>
      ))}
      <label>
        <input type="radio" name={group} checked onChange={() => onChoose(undefined)} />
        <span>No: a new entity</span>
      </label>
    </fieldset>
  );
}
