import type { EntityPageView } from '@/src/messaging/protocol';
import { SourceLine } from '../../card/SourceLine';

const facts = (n: number) => `${n} ${n === 1 ? 'fact' : 'facts'}`;

/** Where the identity's facts come from: each source with its pack and how many facts it gives. */
export function EntitySources({ sources }: { sources: EntityPageView['sources'] }) {
  if (sources.length === 0) return <p class="gloss-muted">No sources.</p>;
  return (
    <ul class="gloss-list gloss-entity-sources" data-testid="entity-sources">
      {sources.map((source) => (
        <li key={source.key} class="gloss-entity-source">
          <SourceLine source={source} />
          <span class="gloss-muted">
            {' · '}
            <bdi>{source.packTitle}</bdi> · {facts(source.factCount)}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The names the identity is known by, each with the pack it comes from. */
export function EntityAliases({ aliases }: { aliases: EntityPageView['aliases'] }) {
  if (aliases.length === 0) return <p class="gloss-muted">No aliases.</p>;
  return (
    <ul class="gloss-list gloss-entity-aliases" data-testid="entity-aliases">
      {aliases.map((alias) => (
        <li key={`${alias.packId}\n${alias.text}`} class="gloss-entity-row">
          <bdi class="gloss-alias">{alias.text}</bdi> <span class="gloss-muted">from</span>{' '}
          <bdi class="gloss-muted">{alias.packTitle}</bdi>
        </li>
      ))}
    </ul>
  );
}
