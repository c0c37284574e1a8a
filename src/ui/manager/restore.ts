// Undo for deleted notes, lossless: the deleted records go back in through importAll as a
// notes-only backup, so they keep their ids and dates (createNote would make new ones, and
// could not restore a note whose entity is gone).
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type BackupNote } from '@/src/core/backup';
import type { NoteRecord } from '@/src/core/records';
import { sendMessage } from '@/src/messaging/protocol';

export function notesOnlyBackup(notes: ReadonlyArray<NoteRecord>, now = Date.now()): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(now).toISOString(),
    packs: [],
    notes: notes.map(backupNote),
    settings: {},
  };
}

/** A note's fields that a backup always carries. */
const NOTE_FIELDS = [
  'id',
  'entityKey',
  'entityName',
  'text',
  'pageUrl',
  'pageTitle',
  'quote',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof BackupNote>;

// Every field of the record: a page note's selector (and whether its quote was missing) is what
// finds it on its page again, so Undo must bring it back too. Extra fields (NoteView's orphaned)
// stay out.
function backupNote(note: NoteRecord): BackupNote {
  const { selector, quoteMissing } = note;
  const fields = Object.fromEntries(NOTE_FIELDS.map((name) => [name, note[name]])) as Pick<
    BackupNote,
    (typeof NOTE_FIELDS)[number]
  >;
  return { ...fields, ...(selector ? { selector } : {}), ...(quoteMissing ? { quoteMissing } : {}) };
}

export async function restoreNotes(notes: ReadonlyArray<NoteRecord>): Promise<void> {
  const result = await sendMessage('importAll', { json: JSON.stringify(notesOnlyBackup(notes)) });
  const problems = result.ok ? result.skipped : result.errors;
  if (problems.length) throw new Error(problems.map((e) => `${e.path}: ${e.message}`).join('\n'));
}

/** Deletes notes one by one; reports the ones actually deleted (for Undo) and the first failure. */
export async function deleteNotes<T extends NoteRecord>(
  notes: ReadonlyArray<T>,
): Promise<{ deleted: T[]; error?: unknown }> {
  const deleted: T[] = [];
  for (const note of notes) {
    try {
      await sendMessage('deleteNote', { id: note.id });
    } catch (error) {
      return { deleted, error };
    }
    deleted.push(note);
  }
  return { deleted };
}
