export interface SearchBoxProps {
  query: string;
  onQuery(query: string): void;
}

/** The search field; Esc clears it (and a second Esc closes the popup, as the browser does). */
export function SearchBox({ query, onQuery }: SearchBoxProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      onQuery('');
    }
  };
  return (
    <search class="gloss-popup-search">
      <label class="gloss-visually-hidden" for="gloss-search">
        Search names, facts and notes
      </label>
      <input
        id="gloss-search"
        type="search"
        class="gloss-popup-input"
        placeholder="Search names, facts and notes"
        autocomplete="off"
        spellcheck={false}
        value={query}
        onInput={(event) => onQuery(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
    </search>
  );
}
