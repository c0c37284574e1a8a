import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { type Candidate, parseAliases } from '@/src/core/review';
import type { LinkPreview } from '@/src/messaging/protocol';
import { TypeSelect } from '../TypeSelect';
import { LinkChoice, type ManualLink } from './LinkChoice';

export interface CandidateRowProps {
  candidate: Candidate;
  /** The other candidates, to merge this one into. */
  others: Array<Pick<Candidate, 'id' | 'name'>>;
  onChange(next: Candidate): void;
  onMerge(intoId: string): void;
  /** How it would link into the knowledge base (absent while loading, or for an added entity). */
  preview?: LinkPreview;
  /** The reviewer's own link choice; undefined = the automatic one. */
  link?: ManualLink;
  onLink?(choice: ManualLink | undefined): void;
}

/**
 * One entity the extractor found: keep or drop, how it links into the knowledge base, rename,
 * retype, aliases, merge; its sentences. An entity the knowledge base already knows is one
 * compact line, its fields folded away.
 */
export function CandidateRow(props: CandidateRowProps) {
  const { candidate: c, others, onChange, onMerge, preview, link, onLink } = props;
  const set = (change: Partial<Candidate>) => onChange({ ...c, ...change });
  const label = c.name.trim() || c.id;
  const compact = preview?.decision === 'link' && link === undefined;
  const [editing, setEditing] = useState(false);
  const fieldsId = useId();
  const fields = <CandidateFields candidate={c} set={set} others={others} onMerge={onMerge} />;
  const keep = <KeepBox candidate={c} label={label} set={set} />;
  const linkChoice: ComponentChildren = onLink && (
    <LinkChoice name={c.name} preview={preview} choice={link} onChoose={onLink} newFacts={c.facts.length} />
  );
  return (
    <li
      class={`gloss-candidate${c.keep ? '' : ' gloss-candidate-dropped'}${compact ? ' gloss-candidate-linked' : ''}`}
      data-candidate-id={c.id}
    >
      {compact ? (
        <>
          <div class="gloss-row">
            {keep}
            {linkChoice}
            <button
              type="button"
              class="gloss-button gloss-button-small"
              aria-expanded={editing}
              aria-controls={fieldsId}
              onClick={() => setEditing(!editing)}
            >
              Edit
            </button>
          </div>
          {/* Folded, not left out: the fields keep their values for the pack either way. */}
          <div id={fieldsId} class="gloss-candidate-edit" hidden={!editing}>
            {fields}
          </div>
        </>
      ) : (
        <>
          <div class="gloss-row">
            {keep}
            {fields}
          </div>
          {linkChoice}
        </>
      )}
      <CandidateSentences facts={c.facts} />
    </li>
  );
}

type SetCandidate = (change: Partial<Candidate>) => void;

/** Name, type, aliases, and the candidate to merge into. */
function CandidateFields(props: {
  candidate: Candidate;
  set: SetCandidate;
  others: CandidateRowProps['others'];
  onMerge(intoId: string): void;
}) {
  const { candidate: c, set, others, onMerge } = props;
  return (
    <div class="gloss-row">
      <label class="gloss-field">
        <span class="gloss-label">Name</span>
        <input
          class="gloss-input"
          value={c.name}
          aria-invalid={c.keep && !c.name.trim() ? true : undefined}
          onInput={(event) => set({ name: event.currentTarget.value })}
        />
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Type</span>
        <TypeSelect value={c.type} onChange={(type) => set({ type })} />
      </label>
      <label class="gloss-field gloss-field-wide">
        <span class="gloss-label">Aliases (comma-separated)</span>
        <input
          class="gloss-input"
          value={c.aliases.join(', ')}
          onChange={(event) => set({ aliases: parseAliases(event.currentTarget.value) })}
        />
      </label>
      {others.length > 0 && (
        <label class="gloss-field">
          <span class="gloss-label">Merge into</span>
          <select
            class="gloss-input"
            value=""
            onChange={(event) => event.currentTarget.value && onMerge(event.currentTarget.value)}
          >
            <option value="">—</option>
            {others.map((other) => (
              <option key={other.id} value={other.id}>
                {other.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}

function KeepBox({ candidate: c, label, set }: { candidate: Candidate; label: string; set: SetCandidate }) {
  return (
    <label class="gloss-check-label">
      <input
        type="checkbox"
        class="gloss-check"
        checked={c.keep}
        aria-label={`Keep ${label}`}
        onChange={(event) => set({ keep: event.currentTarget.checked })}
      />
      Keep
    </label>
  );
}

/** The sentences the extractor found the candidate in, folded. */
function CandidateSentences({ facts }: { facts: Candidate['facts'] }) {
  return (
    <details class="gloss-candidate-facts">
      <summary>
        {facts.length} {facts.length === 1 ? 'sentence' : 'sentences'}
      </summary>
      <ul class="gloss-list">
        {facts.map((fact) => (
          <li key={fact.quote}>
            <blockquote class="gloss-quote" dir="auto">
              {fact.quote}
            </blockquote>
          </li>
        ))}
      </ul>
    </details>
  );
}
