import { useId, useState } from 'preact/hooks';
import { type CardFact, sourcesOf } from './facts';
import { SourceLine } from './SourceLine';

/**
 * One fact: its text, every source that states it (a fact two packs share is one row), and the
 * sentence it rests on, shown on demand.
 */
export function FactItem({ fact, focusable = false }: { fact: CardFact; focusable?: boolean }) {
  const [showQuote, setShowQuote] = useState(false);
  const quoteId = useId();
  const [first, ...others] = sourcesOf(fact);
  return (
    <li class="gloss-fact" tabIndex={focusable ? -1 : undefined}>
      <p class="gloss-fact-text" dir="auto">
        {fact.text}
      </p>
      <p class="gloss-source">
        {first ? (
          <>
            <span class="gloss-visually-hidden">Source: </span>
            <SourceLine source={first} />
          </>
        ) : (
          'Source unavailable'
        )}
      </p>
      {others.length > 0 && (
        <ul class="gloss-list gloss-also-in" aria-label="Also stated in">
          {others.map((source) => (
            <li key={source.key} class="gloss-source">
              <span aria-hidden="true">Also in </span>
              <SourceLine source={source} />
            </li>
          ))}
        </ul>
      )}
      {fact.quote && (
        <>
          <button
            type="button"
            class="gloss-button gloss-button-small gloss-quote-toggle"
            aria-expanded={showQuote}
            aria-controls={showQuote ? quoteId : undefined}
            onClick={() => setShowQuote(!showQuote)}
          >
            {showQuote ? 'Hide source sentence' : 'Show source sentence'}
          </button>
          {showQuote && (
            <blockquote id={quoteId} class="gloss-quote" dir="auto">
              {fact.quote}
            </blockquote>
          )}
        </>
      )}
    </li>
  );
}
