// What the unit tests of the background's handlers share: handlers on a fresh database, and a
// settings store whose saved value the test can read back.
import type { SettingsStore } from '@/src/background/backup';
import { createHandlers, type Handlers } from '@/src/background/handlers';
import type { GlossDb } from '@/src/db/db';
import { freshDb } from './helpers';

/** Handlers on an empty database (close `db` after the test). */
export function freshHandlers(): { db: GlossDb; handlers: Handlers } {
  const db = freshDb();
  return { db, handlers: createHandlers(db) };
}

/** Settings kept in memory, as the extension's storage keeps them; `stored` is what was saved last. */
export function settingsStore(initial: Record<string, unknown> = {}): SettingsStore & {
  readonly stored: Record<string, unknown>;
} {
  let stored = initial;
  return {
    get stored() {
      return stored;
    },
    get: async () => stored,
    set: async (value) => {
      stored = value;
    },
    clear: async () => {
      stored = {};
    },
  };
}
