// The entity-type picker of every form that makes or edits an entity: one option per type, with
// its readable label.
import { ENTITY_TYPES, type EntityType } from '@/src/core/vocabulary';
import { typeLabel } from './format';

export interface TypeSelectProps {
  value: EntityType;
  onChange(type: EntityType): void;
  /** Its own label, when no <label> wraps it. */
  label?: string;
  class?: string;
}

export function TypeSelect({ value, onChange, label, class: className = 'gloss-input' }: TypeSelectProps) {
  return (
    <select
      class={className}
      aria-label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as EntityType)}
    >
      {ENTITY_TYPES.map((type) => (
        <option key={type} value={type}>
          {typeLabel(type)}
        </option>
      ))}
    </select>
  );
}
