import { useEffect, useId, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  type HighlightStyle,
  MAX_HOVER_DELAY,
  type Settings,
  updateSettings,
} from '@/src/settings/settings';
import { errorText } from '../hooks/useLive';
import { useSettings } from '../hooks/useSettings';
import { DeleteAllData } from './DeleteAllData';
import { GraphSettings } from './GraphSettings';
import { Shortcuts } from './Shortcuts';
import { SiteList } from './SiteList';

const STYLES: Array<{ value: HighlightStyle; label: string; hint: string }> = [
  { value: 'underline', label: 'Underline', hint: 'A dotted line under every name Gloss knows.' },
  { value: 'tint', label: 'Tint', hint: 'A soft background colour behind the name.' },
  { value: 'hover', label: 'Off until hover', hint: 'Nothing shows until the pointer is on a name.' },
];

/** Preferences, shown as stored and saved as soon as they change (every tab follows at once). */
export function SettingsView() {
  const live = useSettings();
  const [error, setError] = useState<string | null>(null);
  const settings = live.status === 'ready' ? live.data : null;

  const save = (change: Parameters<typeof updateSettings>[0]) => {
    setError(null);
    updateSettings(change).catch((caught: unknown) =>
      setError(errorText(caught, 'Could not save the setting.')),
    );
  };

  return (
    <>
      <header class="gloss-view-header">
        <h1>Settings</h1>
      </header>
      {live.status === 'error' && <p class="gloss-error">Could not read the settings: {live.message}</p>}
      {error && (
        <p class="gloss-error" role="alert">
          {error}
        </p>
      )}
      {settings && (
        <>
          <HoverDelay settings={settings} save={save} />
          <HighlightStyles settings={settings} save={save} />
          <BackupReminder settings={settings} save={save} />
          <SiteList
            sites={settings.disabledSites}
            onChange={(disabledSites) => save(() => ({ disabledSites }))}
          />
          <GraphSettings settings={settings} save={save} />
        </>
      )}
      <Shortcuts />
      <DeleteAllData />
    </>
  );
}

interface SectionProps {
  settings: Settings;
  save(change: () => Partial<Settings>): void;
}

function HoverDelay({ settings, save }: SectionProps) {
  const id = useId();
  const [delay, setDelay] = useState('');

  // Show the stored delay, also when another tab changes it.
  useEffect(() => {
    setDelay(String(settings.hoverDelay));
  }, [settings.hoverDelay]);

  const commitDelay = () => {
    const value = Math.round(Number(delay));
    if (delay.trim() === '' || !Number.isFinite(value)) {
      setDelay(String(settings.hoverDelay ?? DEFAULT_SETTINGS.hoverDelay));
      return;
    }
    const clamped = Math.min(MAX_HOVER_DELAY, Math.max(0, value));
    setDelay(String(clamped));
    if (clamped !== settings.hoverDelay) save(() => ({ hoverDelay: clamped }));
  };

  return (
    <section class="gloss-panel" aria-labelledby={`${id}-hover`}>
      <h2 id={`${id}-hover`}>Hovering</h2>
      <label class="gloss-field">
        <span class="gloss-label">Delay before the card opens (0–2000 ms)</span>
        <span class="gloss-row">
          <input
            class="gloss-input gloss-input-number"
            type="number"
            min={0}
            max={MAX_HOVER_DELAY}
            step={50}
            value={delay}
            onInput={(event) => setDelay(event.currentTarget.value)}
            onChange={commitDelay}
            onBlur={commitDelay}
          />
          <span aria-hidden="true">ms</span>
        </span>
      </label>
    </section>
  );
}

function HighlightStyles({ settings, save }: SectionProps) {
  const id = useId();
  return (
    <section class="gloss-panel" aria-labelledby={`${id}-style`}>
      <h2 id={`${id}-style`}>Highlight style</h2>
      <fieldset class="gloss-radios">
        <legend class="gloss-visually-hidden">How names Gloss knows look on pages</legend>
        {STYLES.map((style) => (
          <label key={style.value} class="gloss-radio">
            <input
              type="radio"
              name={`${id}-style`}
              value={style.value}
              checked={settings.highlightStyle === style.value}
              onChange={() => save(() => ({ highlightStyle: style.value }))}
            />
            <span>
              <span class={`gloss-style-sample gloss-style-${style.value}`}>{style.label}</span>
              <span class="gloss-hint-line">{style.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function BackupReminder({ settings, save }: SectionProps) {
  const id = useId();
  return (
    <section class="gloss-panel" aria-labelledby={`${id}-backup`}>
      <h2 id={`${id}-backup`}>Backups</h2>
      <label class="gloss-checkbox">
        <input
          type="checkbox"
          checked={settings.backupReminder}
          onChange={(event) => {
            const backupReminder = event.currentTarget.checked;
            save(() => ({ backupReminder }));
          }}
        />{' '}
        Remind me to save a backup when notes or facts older than 30 days were never saved to a file
      </label>
    </section>
  );
}
