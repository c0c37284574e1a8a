import { useId, useState } from 'preact/hooks';
import type { EntityType } from '@/src/core/pack';
import { type EntitySummary, sendMessage } from '@/src/messaging/protocol';
import { errorText } from '../hooks/useLive';
import { TypeSelect } from '../TypeSelect';
import { FormFooter } from './FormFooter';
import { useFocusOnMount } from './focus';

export interface EntityFormProps {
  /** The entity to edit; absent for a new one in "My knowledge". */
  entity?: Pick<EntitySummary, 'key' | 'name' | 'type' | 'aliases' | 'description'> & {
    caseSensitive?: boolean;
  };
  onSaved(entity: EntitySummary): void;
  onCancel(): void;
}

/** Add or edit an entity of "My knowledge": name, type, aliases (one a line), description. */
export function EntityForm({ entity, onSaved, onCancel }: EntityFormProps) {
  const focusRef = useFocusOnMount<HTMLInputElement>();
  const [name, setName] = useState(entity?.name ?? '');
  const [type, setType] = useState<EntityType>(entity?.type ?? 'other');
  const [aliases, setAliases] = useState(entity?.aliases.join('\n') ?? '');
  const [description, setDescription] = useState(entity?.description ?? '');
  const [caseSensitive, setCaseSensitive] = useState(entity?.caseSensitive ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    if (!name.trim()) {
      setError('An entity needs a name.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await sendMessage('saveEntity', {
        ...(entity ? { key: entity.key } : {}),
        name: name.trim(),
        type,
        aliases: aliasLines(aliases),
        ...(description.trim() ? { description: description.trim() } : {}),
        ...(caseSensitive ? { caseSensitive } : {}),
      });
      onSaved(saved);
    } catch (caught) {
      setError(errorText(caught, 'The entity could not be saved.'));
      setBusy(false);
    }
  };

  return (
    <form
      class="gloss-form"
      aria-label={entity ? 'Edit entity' : 'New entity'}
      onSubmit={save}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label class="gloss-field">
        <span class="gloss-label">Name</span>
        <input
          class="gloss-input"
          value={name}
          required
          ref={focusRef}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Type</span>
        <TypeSelect value={type} onChange={setType} />
      </label>
      <AliasesAndDescription
        aliases={aliases}
        description={description}
        onAliases={setAliases}
        onDescription={setDescription}
      />
      <CaseSensitiveField checked={caseSensitive} onChange={setCaseSensitive} />
      <FormFooter
        error={error}
        busy={busy}
        saveLabel={entity ? 'Save entity' : 'Add entity'}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The aliases typed one a line, without blank lines. */
const aliasLines = (text: string) =>
  text
    .split('\n')
    .map((alias) => alias.trim())
    .filter(Boolean);

/** "Match only with this exact capitalisation", with why one would. */
function CaseSensitiveField(props: { checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <>
      <label class="gloss-check-label">
        <input
          type="checkbox"
          class="gloss-check"
          checked={props.checked}
          aria-describedby={`${id}-case`}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        Match only with this exact capitalisation
      </label>
      <p id={`${id}-case`} class="gloss-hint-line">
        For names that are also ordinary words.
      </p>
    </>
  );
}

/** Other names the entity goes by (one a line), and a line saying what it is. */
function AliasesAndDescription(props: {
  aliases: string;
  description: string;
  onAliases(aliases: string): void;
  onDescription(description: string): void;
}) {
  return (
    <>
      <label class="gloss-field">
        <span class="gloss-label">Other names (aliases), one a line</span>
        <textarea
          class="gloss-textarea"
          rows={3}
          value={props.aliases}
          onInput={(e) => props.onAliases(e.currentTarget.value)}
        />
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Description</span>
        <input
          class="gloss-input"
          value={props.description}
          onInput={(e) => props.onDescription(e.currentTarget.value)}
        />
      </label>
    </>
  );
}
