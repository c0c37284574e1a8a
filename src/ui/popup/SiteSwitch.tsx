import { useId } from 'preact/hooks';
import { type Settings, updateSettings } from '@/src/settings/settings';

export interface SiteSwitchProps {
  site: string;
  settings: Settings;
}

/** Gloss on or off for one site: the site is in `disabledSites` or not. */
export function SiteSwitch({ site, settings }: SiteSwitchProps) {
  const labelId = useId();
  const on = !settings.disabledSites.includes(site);
  const toggle = () =>
    void updateSettings((current) => ({
      disabledSites: on
        ? [...new Set([...current.disabledSites, site])]
        : current.disabledSites.filter((host) => host !== site),
    }));
  return (
    <div class="gloss-popup-row">
      <span id={labelId} class="gloss-popup-site">
        Gloss on <bdi class="gloss-popup-host">{site || 'local files'}</bdi>
      </span>
      <button
        type="button"
        role="switch"
        class="gloss-switch"
        aria-checked={on}
        aria-labelledby={labelId}
        data-testid="site-switch"
        onClick={toggle}
      >
        <span class="gloss-switch-track" aria-hidden="true">
          <span class="gloss-switch-thumb" />
        </span>
        <span class="gloss-switch-state" aria-hidden="true">
          {on ? 'On' : 'Off'}
        </span>
      </button>
    </div>
  );
}
