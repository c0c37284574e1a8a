import type { NoteDateRange, NoteQuery, NoteSort } from '@/src/core/export';

export interface NoteFiltersProps {
  query: NoteQuery;
  entities: Array<{ key: string; name: string }>;
  sites: string[];
  hasOrphans: boolean;
  /** Notes on a selection, about no entity. */
  hasPageNotes: boolean;
  onChange(query: NoteQuery): void;
}

/** Search box, filters and sort order of the notes list. */
export function NoteFilters({
  query,
  entities,
  sites,
  hasOrphans,
  hasPageNotes,
  onChange,
}: NoteFiltersProps) {
  const set = (change: Partial<NoteQuery>) => onChange({ ...query, ...change });
  return (
    <search class="gloss-filters">
      <label class="gloss-field gloss-field-wide">
        <span class="gloss-label">Search notes</span>
        <input
          class="gloss-input"
          type="search"
          value={query.text}
          placeholder="Words in the note, quote, entity or page"
          onInput={(event) => set({ text: event.currentTarget.value })}
        />
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Entity</span>
        <select
          class="gloss-input"
          value={query.entity}
          onChange={(event) => set({ entity: event.currentTarget.value })}
        >
          <option value="">All entities</option>
          {(hasPageNotes || query.entity === 'page') && <option value="page">Page notes</option>}
          {(hasOrphans || query.entity === 'orphaned') && <option value="orphaned">Orphaned notes</option>}
          {/* A chosen entity stays listed after its last note leaves it, so the choice stays visible. */}
          {query.entity &&
            !['orphaned', 'page'].includes(query.entity) &&
            !entities.some((e) => e.key === query.entity) && (
              <option value={query.entity}>{query.entity}</option>
            )}
          {entities.map((entity) => (
            <option key={entity.key} value={entity.key}>
              {entity.name}
            </option>
          ))}
        </select>
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Site</span>
        <select
          class="gloss-input"
          value={query.site}
          onChange={(event) => set({ site: event.currentTarget.value })}
        >
          <option value="">All sites</option>
          {sites.map((site) => (
            <option key={site} value={site}>
              {site}
            </option>
          ))}
        </select>
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Date</span>
        <select
          class="gloss-input"
          value={query.date}
          onChange={(event) => set({ date: event.currentTarget.value as NoteDateRange })}
        >
          <option value="all">Any time</option>
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
        </select>
      </label>
      <label class="gloss-field">
        <span class="gloss-label">Sort by</span>
        <select
          class="gloss-input"
          value={query.sort}
          onChange={(event) => set({ sort: event.currentTarget.value as NoteSort })}
        >
          <option value="edited">Newest edit</option>
          <option value="oldest">Oldest</option>
          <option value="entity">Entity A–Z</option>
        </select>
      </label>
    </search>
  );
}
