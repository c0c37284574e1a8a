// The user's notes. They belong to the user, not to a pack: nothing here or in packs.ts deletes
// a note except an explicit deleteNote.
import type { GlossDb } from '@/src/db/db';
import type { NoteRecord } from '@/src/db/records';
import type { NoteInput, NoteView } from '@/src/messaging/protocol';

const MAX_NOTE = 100_000;

export async function createNote(db: GlossDb, input: NoteInput): Promise<NoteRecord> {
  const text = checkedText(input.text);
  return db.transaction('rw', [db.notes, db.entities], async () => {
    const entity = await db.entities.get(input.entityKey);
    if (!entity) throw new Error(`No entity "${input.entityKey}" to attach the note to`);
    const now = Date.now();
    const note: NoteRecord = {
      id: crypto.randomUUID(),
      entityKey: input.entityKey,
      entityName: entity.name,
      text,
      pageUrl: input.pageUrl,
      pageTitle: input.pageTitle,
      quote: input.quote,
      createdAt: now,
      updatedAt: now,
    };
    await db.notes.add(note);
    return note;
  });
}

export async function updateNote(db: GlossDb, id: string, text: string): Promise<NoteRecord> {
  const checked = checkedText(text);
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new Error(`No note with id "${id}" (it may have been deleted in another tab)`);
    const updated = { ...note, text: checked, updatedAt: Math.max(Date.now(), note.updatedAt + 1) };
    await db.notes.put(updated);
    return updated;
  });
}

export async function deleteNote(db: GlossDb, id: string): Promise<void> {
  await db.notes.delete(id);
}

/** Notes, most recently edited first, each marked orphaned when its entity no longer exists. */
export async function listNotes(db: GlossDb, entityKey?: string): Promise<NoteView[]> {
  return db.transaction('r', [db.notes, db.entities], async () => {
    const notes = entityKey
      ? await db.notes.where('entityKey').equals(entityKey).toArray()
      : await db.notes.toArray();
    const keys = [...new Set(notes.map((note) => note.entityKey))];
    const present = new Set(
      (await db.entities.bulkGet(keys)).filter((e) => e !== undefined).map((e) => e.key),
    );
    return notes
      .map((note) => ({ ...note, orphaned: !present.has(note.entityKey) }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  });
}

/** Moves a note to another entity, e.g. an orphaned note after a pack change. */
export async function reattachNote(db: GlossDb, id: string, entityKey: string): Promise<NoteRecord> {
  return db.transaction('rw', [db.notes, db.entities], async () => {
    const [note, entity] = await Promise.all([db.notes.get(id), db.entities.get(entityKey)]);
    if (!note) throw new Error(`No note with id "${id}"`);
    if (!entity) throw new Error(`No entity "${entityKey}" to attach the note to`);
    const moved = {
      ...note,
      entityKey,
      entityName: entity.name,
      updatedAt: Math.max(Date.now(), note.updatedAt + 1),
    };
    await db.notes.put(moved);
    return moved;
  });
}

function checkedText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('A note needs some text');
  if (trimmed.length > MAX_NOTE)
    throw new Error(`A note can hold at most ${MAX_NOTE.toLocaleString('en')} characters`);
  return trimmed;
}
