// Two tabs editing one note: the save that started from an older version is refused, and the
// refusal carries the stored text to the editor (through the real messaging, as from a tab).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers, registerHandlers } from '@/src/background/handlers';
import { installBundledPacks } from '@/src/background/index';
import type { GlossDb } from '@/src/db/db';
import { sendMessage } from '@/src/messaging/protocol';
import { conflictingNote } from '@/src/ui/note-conflict';
import { freshDb } from './helpers';

let db: GlossDb;
let handlers: Handlers;
let unregister: () => void;
const NOTE = {
  entityKey: 'nato-ukraine-2024/wiesbaden',
  text: 'first',
  pageUrl: 'https://news.example/nato',
  pageTitle: 'NATO news',
  quote: '',
};

beforeEach(async () => {
  db = freshDb();
  handlers = createHandlers(db);
  await installBundledPacks(db);
  // The transport only: chrome.runtime delivering a message to the background's listener, as JSON
  // (what Chromium sends between contexts), so only what survives the wire reaches the editor.
  type Listener = (m: unknown, s: unknown, r: (x: unknown) => void) => boolean;
  const listeners: Listener[] = [];
  const wire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
  globalThis.chrome = {
    runtime: {
      onMessage: { addListener: (l: Listener) => listeners.push(l), removeListener: () => {} },
      sendMessage: (message: unknown, reply: (x: unknown) => void) => {
        for (const listener of listeners) listener(wire(message), {}, (answer) => reply(wire(answer)));
      },
    },
  } as unknown as typeof chrome;
  unregister = registerHandlers(handlers);
});
afterEach(() => {
  unregister();
  db.close();
});

describe('updateNote with the version the edit began from', () => {
  it('saves when nobody saved meanwhile, and each save makes a new version', async () => {
    const created = await handlers.createNote(NOTE);
    const first = await handlers.updateNote({
      id: created.id,
      text: 'tab A',
      baseVersion: created.updatedAt,
    });
    expect(first.text).toBe('tab A');
    expect(first.updatedAt).toBeGreaterThan(created.updatedAt);
    const second = await handlers.updateNote({
      id: created.id,
      text: 'tab A again',
      baseVersion: first.updatedAt,
    });
    expect(second.updatedAt).toBeGreaterThan(first.updatedAt);
  });

  it('refuses the older edit, keeps the stored text, and says what it is', async () => {
    const created = await handlers.createNote(NOTE);
    // Tab A and tab B both open the editor on `created`; A saves first.
    const savedByA = await handlers.updateNote({
      id: created.id,
      text: 'from tab A',
      baseVersion: created.updatedAt,
    });
    const refusal = await handlers
      .updateNote({ id: created.id, text: 'from tab B', baseVersion: created.updatedAt })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(conflictingNote(refusal)).toEqual(savedByA);
    expect((await db.notes.get(created.id))?.text).toBe('from tab A');

    // Keep mine: B saves again from the version it was shown.
    const kept = await handlers.updateNote({
      id: created.id,
      text: 'from tab B',
      baseVersion: savedByA.updatedAt,
    });
    expect(kept.text).toBe('from tab B');
  });

  it('the conflict and the stored note reach the editor through the messaging', async () => {
    const created = await handlers.createNote(NOTE);
    await sendMessage('updateNote', { id: created.id, text: 'saved elsewhere' });
    const refusal = await sendMessage('updateNote', {
      id: created.id,
      text: 'mine',
      baseVersion: created.updatedAt,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Error);
    expect(conflictingNote(refusal)?.text).toBe('saved elsewhere');
  });

  it('the same text saved twice is no conflict; no version means the last save wins', async () => {
    const created = await handlers.createNote(NOTE);
    const a = await handlers.updateNote({ id: created.id, text: 'same', baseVersion: created.updatedAt });
    const b = await handlers.updateNote({ id: created.id, text: 'same', baseVersion: created.updatedAt });
    expect(b).toEqual(a);
    const forced = await handlers.updateNote({ id: created.id, text: 'forced' });
    expect(forced.text).toBe('forced');
  });

  it('an ordinary error is not taken for a conflict', () => {
    expect(conflictingNote(new Error('No note with id "x"'))).toBeNull();
    expect(conflictingNote(Object.assign(new Error('x'), { name: 'NoteConflictError' }))).toBeNull();
  });
});
