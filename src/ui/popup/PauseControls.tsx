import { useEffect, useRef } from 'preact/hooks';
import { isPaused, type Settings, updateSettings } from '@/src/settings/settings';
import { formatAbsolute } from '../format';

const HOUR = 3_600_000;

/** "14:05" today, else the date with the time. */
export function pausedUntilLabel(until: number, now = Date.now()): string {
  if (until === -1) return 'Paused until you resume';
  const end = new Date(until);
  const sameDay = end.toDateString() === new Date(now).toDateString();
  const time = `${String(end.getHours()).padStart(2, '0')}:${String(end.getMinutes()).padStart(2, '0')}`;
  return `Paused until ${sameDay ? time : formatAbsolute(until)}`;
}

const pause = (until: number) => void updateSettings(() => ({ pausedUntil: until }));

/** Pause Gloss everywhere (for an hour or until resumed), or resume it. */
export function PauseControls({ settings }: { settings: Settings }) {
  const paused = isPaused(settings);
  const first = useRef<HTMLButtonElement>(null);
  // The clicked button is replaced by its opposite: keep the focus on the controls, not on <body>.
  const wasPaused = useRef(paused);
  useEffect(() => {
    if (wasPaused.current !== paused && document.activeElement === document.body) first.current?.focus();
    wasPaused.current = paused;
  }, [paused]);

  if (paused) {
    return (
      <div class="gloss-popup-row gloss-popup-paused" data-testid="paused">
        <span role="status">{pausedUntilLabel(settings.pausedUntil)}</span>
        <button type="button" ref={first} class="gloss-button gloss-button-primary" onClick={() => pause(0)}>
          Resume
        </button>
      </div>
    );
  }
  return (
    <div class="gloss-popup-row gloss-popup-pause">
      <button
        type="button"
        ref={first}
        class="gloss-button gloss-button-small"
        onClick={() => pause(Date.now() + HOUR)}
      >
        Pause for 1 hour
      </button>
      <button
        type="button"
        class="gloss-button gloss-button-small"
        aria-label="Pause until I resume"
        title="Pause Gloss everywhere until you resume it"
        onClick={() => pause(-1)}
      >
        Pause
      </button>
    </div>
  );
}
