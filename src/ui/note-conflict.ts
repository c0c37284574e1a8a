import type { NoteRecord } from '@/src/core/records';

/**
 * The note as stored now, when a save failed because it was changed elsewhere since the edit began
 * (the background's NoteConflictError; its properties survive the messaging as an Error's own).
 */
export function conflictingNote(error: unknown): NoteRecord | null {
  if (!(error instanceof Error) || error.name !== 'NoteConflictError') return null;
  const current = (error as Error & { current?: NoteRecord }).current;
  return current && typeof current.text === 'string' && typeof current.updatedAt === 'number'
    ? current
    : null;
}
