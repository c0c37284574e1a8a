import type { EntitySummary } from '@/src/messaging/protocol';
import { entityPageUrl } from '../manager/route';
import type { PageEntity } from './usePageEntities';

const GROUPS: Array<{ type: EntitySummary['type']; label: string }> = [
  { type: 'person', label: 'People' },
  { type: 'place', label: 'Places' },
  { type: 'organization', label: 'Organisations' },
  { type: 'event', label: 'Events' },
  { type: 'other', label: 'Other' },
];
const KNOWN_TYPES = new Set(GROUPS.map((g) => g.type));

const mentions = (n: number) => `${n} ${n === 1 ? 'mention' : 'mentions'}`;

export interface PageEntitiesProps {
  entities: PageEntity[];
  onReveal(entityKey: string): void;
}

/**
 * The entities on the page (identities: one row however many packs know it), grouped by type, most
 * mentioned first; a click goes to the next mention, the arrow opens the entity's page.
 */
export function PageEntities({ entities, onReveal }: PageEntitiesProps) {
  const byCount = [...entities].sort(
    (a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name),
  );
  const groupOf = (type: string) => (KNOWN_TYPES.has(type as EntitySummary['type']) ? type : 'other');
  return (
    <div class="gloss-popup-groups" data-testid="page-entities">
      {GROUPS.map(({ type, label }) => {
        const members = byCount.filter((item) => groupOf(item.entity.type) === type);
        if (members.length === 0) return null;
        const headingId = `gloss-group-${type}`;
        return (
          <section key={type} class="gloss-popup-group" aria-labelledby={headingId}>
            <h3 id={headingId} class="gloss-popup-group-title">
              {label}
            </h3>
            <ul class="gloss-list">
              {members.map(({ entity, count }) => (
                <li key={entity.key} class="gloss-popup-row">
                  <button
                    type="button"
                    class="gloss-popup-item"
                    data-entity-key={entity.key}
                    title="Show the next mention on the page"
                    onClick={() => onReveal(entity.key)}
                  >
                    <bdi class="gloss-popup-item-name">{entity.name}</bdi>
                    <span class="gloss-popup-count" data-testid="mention-count">
                      <span aria-hidden="true">{count}</span>
                      <span class="gloss-visually-hidden">, {mentions(count)}</span>
                    </span>
                  </button>
                  <a
                    class="gloss-popup-open gloss-soft-link"
                    href={entityPageUrl(entity.key)}
                    target="_blank"
                    rel="noopener"
                    data-testid="open-entity-page"
                    title="Open the entity page"
                  >
                    <span aria-hidden="true">↗</span>
                    <span class="gloss-visually-hidden">Open the entity page of {entity.name}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
