import { useEffect } from 'preact/hooks';
import { unsavedOldThings } from '@/src/core/backup';
import { expiryWarning } from '@/src/core/drafts';
import { MY_KNOWLEDGE_PACK, sendMessage } from '@/src/messaging/protocol';
import { getSettings } from '@/src/settings/settings';
import { useLive } from '../hooks/useLive';
import { lastBackupItem } from './last-backup';
import { routeHash } from './route';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

async function loadReminders(now: number) {
  const [drafts, settings, lastBackupAt] = await Promise.all([
    sendMessage('listDrafts', undefined),
    getSettings(),
    lastBackupItem.getValue(),
  ]);
  let unsaved = { notes: 0, facts: 0 };
  if (settings.backupReminder) {
    const [notes, packs] = await Promise.all([
      sendMessage('listNotes', {}),
      sendMessage('listPacks', undefined),
    ]);
    unsaved = unsavedOldThings(
      notes,
      packs.find((p) => p.id === MY_KNOWLEDGE_PACK),
      lastBackupAt,
      now,
    );
  }
  return { expiring: expiryWarning(drafts, now), unsaved };
}

/**
 * What needs the user's attention before something is lost, on every view of the manager:
 * captures about to expire, and notes or facts that were never saved to a backup file.
 */
export function Reminders() {
  const live = useLive(() => loadReminders(Date.now()), []);
  // A backup saved from this or another tab answers the reminder at once.
  useEffect(() => lastBackupItem.watch(() => live.reload()), [live.reload]);
  if (live.status !== 'ready') return null;
  const { expiring, unsaved } = live.data;
  const things = [
    unsaved.notes ? plural(unsaved.notes, 'note') : '',
    unsaved.facts ? plural(unsaved.facts, 'fact') : '',
  ].filter(Boolean);
  if (!expiring && !things.length) return null;
  return (
    <div class="gloss-reminders">
      {expiring && (
        <p class="gloss-reminder" data-testid="drafts-expiring">
          {plural(expiring.count, 'review')} will be discarded in {plural(expiring.days, 'day')}.{' '}
          <a class="gloss-link" href={`${routeHash({ view: 'backup' })}`}>
            See captures waiting for review
          </a>
        </p>
      )}
      {things.length > 0 && (
        <p class="gloss-reminder" data-testid="backup-reminder">
          {things.join(' and ')} older than 30 days {unsaved.notes + unsaved.facts === 1 ? 'was' : 'were'}{' '}
          never saved to a file. Your data lives only in this browser;{' '}
          <a class="gloss-link" href={routeHash({ view: 'backup' })}>
            export everything
          </a>{' '}
          to keep a copy. (Turn this reminder off in{' '}
          <a class="gloss-link" href={routeHash({ view: 'settings' })}>
            Settings
          </a>
          .)
        </p>
      )}
    </div>
  );
}
