// One handler per protocol key. The mapped type makes a missing or extra handler a type error;
// test/unit/handlers.test.ts checks the same at run time.
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type { GlossDb } from '@/src/db/db';
import { type GlossProtocol, onMessage, PROTOCOL_KEYS } from '@/src/messaging/protocol';
import { getDictionary, getEntity, search } from './knowledge';
import { createNote, deleteNote, listNotes, updateNote } from './notes';
import { exportPack, importPackJson, listPacks, removePack, setPackEnabled } from './packs';

export type Handlers = {
  [K in keyof GlossProtocol]: (
    data: GetDataType<GlossProtocol[K]>,
  ) => Promise<GetReturnType<GlossProtocol[K]>>;
};

/** Tells open pages what changed, after the change is committed. */
export type Notify = (change: { kind: 'knowledge' | 'notes'; entityKey?: string }) => void;

export function createHandlers(
  db: GlossDb,
  ready: () => Promise<unknown> = async () => {},
  notify: Notify = () => {},
): Handlers {
  // Reads wait for bundled-pack installation so the first page after install sees the pack.
  const afterReady =
    <A, R>(fn: (data: A) => Promise<R>) =>
    async (data: A) => {
      await ready();
      return fn(data);
    };
  return {
    getDictionary: afterReady(() => getDictionary(db)),
    getEntity: afterReady(({ key }) => getEntity(db, key)),
    search: afterReady(({ query, limit }) => search(db, query, limit)),
    listNotes: afterReady(({ entityKey }) => listNotes(db, entityKey)),
    createNote: afterReady(async (input) => {
      const note = await createNote(db, input);
      notify({ kind: 'notes', entityKey: note.entityKey });
      return note;
    }),
    updateNote: afterReady(async ({ id, text }) => {
      const note = await updateNote(db, id, text);
      notify({ kind: 'notes', entityKey: note.entityKey });
      return note;
    }),
    deleteNote: afterReady(async ({ id }) => {
      const entityKey = (await db.notes.get(id))?.entityKey;
      await deleteNote(db, id);
      notify({ kind: 'notes', entityKey });
    }),
    listPacks: afterReady(() => listPacks(db)),
    importPack: afterReady(async ({ json }) => {
      const result = await importPackJson(db, json);
      if (result.ok) notify({ kind: 'knowledge' });
      return result;
    }),
    exportPack: afterReady(async ({ id }) => JSON.stringify(await exportPack(db, id), null, 2)),
    setPackEnabled: afterReady(async ({ id, enabled }) => {
      await setPackEnabled(db, id, enabled);
      notify({ kind: 'knowledge' });
    }),
    removePack: afterReady(async ({ id }) => {
      await removePack(db, id);
      notify({ kind: 'knowledge' });
    }),
  };
}

export function registerHandlers(handlers: Handlers): () => void {
  const removers = PROTOCOL_KEYS.map((key) =>
    // biome-ignore lint/suspicious/noExplicitAny: each key's handler matches its own data type
    onMessage(key, ({ data }) => (handlers[key] as (data: any) => Promise<any>)(data)),
  );
  return () => {
    for (const remove of removers) remove();
  };
}
