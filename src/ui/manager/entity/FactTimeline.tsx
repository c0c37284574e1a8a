import { FactItem } from '../../card/FactItem';
import { type CardFact, type FactOrder, timeline } from '../../card/facts';
import { formatDate } from '../../format';

/** The identity's facts on a timeline: one entry per source date, each fact with all its sources. */
export function FactTimeline({ facts, order }: { facts: readonly CardFact[]; order: FactOrder }) {
  if (facts.length === 0) return <p class="gloss-muted">No facts about this entity yet.</p>;
  return (
    <ol class="gloss-list gloss-timeline" data-testid="timeline">
      {timeline(facts, order).map((run, i) => (
        <li key={`${run.date}-${i}`} class="gloss-timeline-entry">
          <h3 class="gloss-timeline-date">
            {run.date ? <time dateTime={run.date}>{formatDate(run.date)}</time> : 'Undated'}
          </h3>
          <ul class="gloss-list gloss-facts">
            {run.facts.map((fact) => (
              <FactItem key={fact.key} fact={fact} />
            ))}
          </ul>
        </li>
      ))}
    </ol>
  );
}
