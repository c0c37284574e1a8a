// The user's notes. They belong to the user, not to a pack: nothing here or in packs.ts deletes
// a note except an explicit deleteNote.
import { pageAddress, type TextQuoteSelector } from '@/src/core/anchor';
import { clipNote, notePageUrl } from '@/src/core/note';
import type { NoteRecord } from '@/src/core/records';
import type { GlossDb } from '@/src/db/db';
import type { NoteInput, NoteView } from '@/src/messaging/protocol';
import { liveIdentity, noteKeys, resolveIdentity } from './identity-view';

const MAX_NOTE = 100_000;

const MAX_QUOTE = 20_000;

/** Notes resolve their entity key through the graph (links, merges): these tables. */
const graph = (db: GlossDb) => [db.notes, db.entities, db.identities, db.links];

/**
 * A note about an entity, or (entityKey "" with a selector) a page note on a selection. A note
 * about an entity attaches to its identity (the key may name either), so it shows on every source.
 */
export async function createNote(db: GlossDb, input: NoteInput): Promise<NoteRecord> {
  const text = checkedText(input.text);
  const selector = input.selector ? checkedSelector(input.selector) : undefined;
  if (!input.entityKey && !selector) throw new Error('A note needs an entity or a quote from the page');
  return db.transaction('rw', graph(db), async () => {
    const identity = input.entityKey ? await liveIdentity(db, input.entityKey) : null;
    if (input.entityKey && !identity) throw new Error(`No entity "${input.entityKey}" to attach the note to`);
    const now = Date.now();
    // Clipped to the limits the backup reader checks, so every note Gloss keeps can be restored.
    const note: NoteRecord = clipNote({
      id: crypto.randomUUID(),
      entityKey: identity?.id ?? '',
      entityName: identity?.name ?? '',
      text,
      // Page notes are found again by address; the #fragment names a place in the same page.
      pageUrl: selector ? pageAddress(input.pageUrl) : input.pageUrl,
      pageTitle: input.pageTitle,
      quote: input.quote,
      ...(selector ? { selector } : {}),
      createdAt: now,
      updatedAt: now,
    });
    await db.notes.add(note);
    return note;
  });
}

/**
 * A save that would overwrite an edit made since the editor opened (two tabs editing one note).
 * Its own properties travel with it through the messaging to the editor, which shows both texts.
 */
export class NoteConflictError extends Error {
  override name = 'NoteConflictError';
  constructor(readonly current: NoteRecord) {
    super('This note was changed in another tab or window while you were editing it.');
  }
}

/**
 * Edits a note's text. `baseVersion` is the note's updatedAt when the edit began: updatedAt grows
 * with every save (see below), so a different stored one means someone else saved meanwhile.
 */
export async function updateNote(
  db: GlossDb,
  id: string,
  text: string,
  baseVersion?: number,
): Promise<NoteRecord> {
  const checked = checkedText(text);
  return db.transaction('rw', db.notes, async () => {
    const note = await db.notes.get(id);
    if (!note) throw new Error(`No note with id "${id}" (it may have been deleted in another tab)`);
    if (baseVersion !== undefined && note.updatedAt !== baseVersion) {
      // The same text is no conflict: a second tab saved what this one wanted.
      if (note.text === checked) return note;
      throw new NoteConflictError(note);
    }
    const updated = { ...note, text: checked, updatedAt: Math.max(Date.now(), note.updatedAt + 1) };
    await db.notes.put(updated);
    return updated;
  });
}

export async function deleteNote(db: GlossDb, id: string): Promise<void> {
  await db.notes.delete(id);
}

/**
 * Notes (of one identity, when a key is given: on its id and on every key ever linked to it), most
 * recently edited first, each marked orphaned when its key resolves to no live identity.
 */
export async function listNotes(db: GlossDb, entityKey?: string): Promise<NoteView[]> {
  return db.transaction('r', graph(db), async () => {
    const resolved = entityKey ? await resolveIdentity(db, entityKey) : null;
    const keys = resolved ? noteKeys(resolved) : entityKey ? [entityKey] : undefined;
    const notes = keys ? await db.notes.where('entityKey').anyOf(keys).toArray() : await db.notes.toArray();
    const live = new Map<string, boolean>();
    for (const key of new Set(notes.map((note) => note.entityKey))) {
      if (key) live.set(key, (await liveIdentity(db, key)) !== null);
    }
    return notes
      .map((note) => ({ ...note, orphaned: note.entityKey !== '' && !live.get(note.entityKey) }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  });
}

/** Moves a note to another identity (an identity or entity key), e.g. an orphaned note after a pack change. */
export async function reattachNote(db: GlossDb, id: string, entityKey: string): Promise<NoteRecord> {
  return db.transaction('rw', graph(db), async () => {
    const [note, identity] = await Promise.all([db.notes.get(id), liveIdentity(db, entityKey)]);
    if (!note) throw new Error(`No note with id "${id}"`);
    if (!identity) throw new Error(`No entity "${entityKey}" to attach the note to`);
    const moved = {
      ...note,
      entityKey: identity.id,
      entityName: identity.name,
      updatedAt: Math.max(Date.now(), note.updatedAt + 1),
    };
    await db.notes.put(moved);
    return moved;
  });
}

/** Page notes of a page (notes with a selector), for the page to mark their quotes. */
export async function listNotesForPage(db: GlossDb, url: string): Promise<NoteRecord[]> {
  const notes = await db.notes
    .where('pageUrl')
    .equals(notePageUrl(pageAddress(url)))
    .toArray();
  return notes.filter((note) => note.selector).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * What a visit found: page notes whose quote is on the page, and those whose quote is not.
 * Returns whether any note's state changed (nothing else about the note changes, not even its date).
 */
export async function reportAnchors(
  db: GlossDb,
  url: string,
  found: string[],
  missing: string[],
): Promise<boolean> {
  const address = notePageUrl(pageAddress(url));
  return db.transaction('rw', db.notes, async () => {
    let changed = false;
    const notes = await db.notes.bulkGet([...found, ...missing]);
    for (const note of notes) {
      // Only notes of the reporting page: a page cannot mark another page's notes.
      if (!note?.selector || note.pageUrl !== address) continue;
      const isMissing = missing.includes(note.id);
      if (Boolean(note.quoteMissing) === isMissing) continue;
      const { quoteMissing: _, ...rest } = note;
      await db.notes.put(isMissing ? { ...rest, quoteMissing: true } : rest);
      changed = true;
    }
    return changed;
  });
}

function checkedSelector(selector: TextQuoteSelector): TextQuoteSelector {
  const { exact, prefix, suffix } = selector;
  if (typeof exact !== 'string' || !exact.trim()) throw new Error('A page note needs the quoted text');
  if ([exact, prefix, suffix].some((part) => typeof part !== 'string' || part.length > MAX_QUOTE))
    throw new Error(`A quote can hold at most ${MAX_QUOTE.toLocaleString('en')} characters`);
  return { exact, prefix, suffix };
}

function checkedText(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('A note needs some text');
  if (trimmed.length > MAX_NOTE)
    throw new Error(`A note can hold at most ${MAX_NOTE.toLocaleString('en')} characters`);
  return trimmed;
}
