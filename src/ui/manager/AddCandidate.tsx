import { useState } from 'preact/hooks';
import type { EntityType } from '@/src/core/pack';
import { TypeSelect } from '../TypeSelect';

/** Adds an entity the extractor missed; its facts are the article's sentences that name it. */
export function AddCandidate({ onAdd }: { onAdd(name: string, type: EntityType): void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>('other');
  return (
    <form
      class="gloss-row gloss-add-candidate"
      aria-label="Add an entity"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        onAdd(name, type);
        setName('');
      }}
    >
      <label class="gloss-field">
        <span class="gloss-label">New entity name</span>
        <input class="gloss-input" value={name} onInput={(event) => setName(event.currentTarget.value)} />
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Type</span>
        <TypeSelect value={type} onChange={setType} />
      </label>
      <button type="submit" class="gloss-button" disabled={!name.trim()}>
        Add entity
      </button>
    </form>
  );
}
