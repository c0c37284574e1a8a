import { useId, useState } from 'preact/hooks';
import { normalizeHost } from '@/src/core/export';

export interface SiteListProps {
  sites: string[];
  onChange(sites: string[]): void;
}

/** Sites where Gloss stays off: remove one, or add a host. */
export function SiteList({ sites, onChange }: SiteListProps) {
  const id = useId();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  const add = (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(typed);
    if (!host) {
      setError('Type a site like example.org.');
      return;
    }
    setError(null);
    setTyped('');
    if (!sites.includes(host)) onChange([...sites, host].sort());
  };

  return (
    <section class="gloss-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Sites where Gloss is off</h2>
      {sites.length === 0 ? (
        <p class="gloss-muted">None: Gloss runs on every site.</p>
      ) : (
        <ul class="gloss-list gloss-site-list">
          {sites.map((site) => (
            <li key={site}>
              <bdi>{site}</bdi>
              <button
                type="button"
                class="gloss-button gloss-button-small"
                aria-label={`Remove ${site}`}
                onClick={() => onChange(sites.filter((s) => s !== site))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="gloss-row" onSubmit={add}>
        <label class="gloss-field">
          <span class="gloss-label">Add a site</span>
          <input
            class="gloss-input"
            value={typed}
            placeholder="example.org"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onInput={(event) => setTyped(event.currentTarget.value)}
          />
        </label>
        <button type="submit" class="gloss-button">
          Add
        </button>
      </form>
      {error && (
        <p id={`${id}-error`} class="gloss-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
