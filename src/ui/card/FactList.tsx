import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FactItem } from './FactItem';
import { type CardFact, type FactOrder, FIRST_FACTS, orderFacts } from './facts';

export interface FactListProps {
  facts: readonly CardFact[];
  order: FactOrder;
}

/**
 * The card's facts by source date. An identity many articles speak of can have hundreds of facts:
 * the first FIRST_FACTS rows render at once (the card must open fast), the rest on "Show all".
 */
export function FactList({ facts, order }: FactListProps) {
  const [all, setAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  // "Show all" goes away once pressed: the focus moves on to the first fact it revealed.
  useEffect(() => {
    if (all)
      listRef.current?.querySelector<HTMLElement>(`:scope > li:nth-child(${FIRST_FACTS + 1})`)?.focus();
  }, [all]);
  const ordered = useMemo(() => orderFacts(facts, order), [facts, order]);
  const shown = all ? ordered : ordered.slice(0, FIRST_FACTS);
  if (facts.length === 0) return <p class="gloss-muted">No facts about this entity yet.</p>;
  return (
    <>
      <ul class="gloss-list gloss-facts" ref={listRef}>
        {shown.map((fact) => (
          <FactItem key={fact.key} fact={fact} focusable={all} />
        ))}
      </ul>
      {shown.length < ordered.length && (
        <button
          type="button"
          class="gloss-button gloss-button-small gloss-show-all"
          onClick={() => setAll(true)}
        >
          Show all {ordered.length} facts
        </button>
      )}
    </>
  );
}
