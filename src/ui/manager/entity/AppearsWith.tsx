import type { EntityPageView } from '@/src/messaging/protocol';
import { typeLabel } from '../../format';
import { entityHref } from '../route';

const times = (n: number) => `${n} ${n === 1 ? 'time' : 'times'}`;

/** The identities most often on the same pages and in the same sources, each opening its own page. */
export function AppearsWith({ items }: { items: EntityPageView['appearsWith'] }) {
  if (items.length === 0)
    return <p class="gloss-muted">Nothing yet: it shows once pages or sources name it with others.</p>;
  return (
    <ul class="gloss-list gloss-appears-with" data-testid="appears-with">
      {items.map((item) => (
        <li key={item.key} class="gloss-entity-row">
          <a class="gloss-link" href={entityHref(item.key)}>
            <bdi>{item.name}</bdi>
          </a>{' '}
          <span class="gloss-type">{typeLabel(item.type)}</span>{' '}
          <span class="gloss-muted">together {times(item.count)}</span>
        </li>
      ))}
    </ul>
  );
}
