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

export function createHandlers(db: GlossDb, ready: () => Promise<unknown> = async () => {}): Handlers {
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
    createNote: afterReady((input) => createNote(db, input)),
    updateNote: afterReady(({ id, text }) => updateNote(db, id, text)),
    deleteNote: afterReady(({ id }) => deleteNote(db, id)),
    listPacks: afterReady(() => listPacks(db)),
    importPack: afterReady(({ json }) => importPackJson(db, json)),
    exportPack: afterReady(async ({ id }) => JSON.stringify(await exportPack(db, id), null, 2)),
    setPackEnabled: afterReady(({ id, enabled }) => setPackEnabled(db, id, enabled)),
    removePack: afterReady(({ id }) => removePack(db, id)),
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
