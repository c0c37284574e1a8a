// Notes being written but not yet saved. They live in extension storage, not in the component, so
// a card that closes or reloads (a pack toggled in another tab, an extension or browser update)
// gives the text back when its editor opens again. Saving or cancelling clears the draft.
import type { TextQuoteSelector } from '@/src/core/anchor';
import { getItem, removeItem, setItem } from '@/src/messaging/storage-item';

export interface NoteDraft {
  text: string;
  /** Editing an existing note: its updatedAt when the edit began, so a later save still spots a conflict. */
  baseVersion?: number;
  savedAt: number;
}

const address = (key: string) => `noteDraft:${key}`;

export const draftKeys = {
  /** A new note about an entity. */
  newNote: (entityKey: string) => `entity:${entityKey}`,
  /** An edit of an existing note. */
  edit: (noteId: string) => `note:${noteId}`,
  /** A page note on a selection: the quote and its context name it (short, but stable across visits). */
  selection: (pageUrl: string, selector: TextQuoteSelector) =>
    `selection:${hash([pageUrl, selector.prefix, selector.exact, selector.suffix].join('\u0000'))}`,
};

export async function readDraft(key: string): Promise<NoteDraft | null> {
  const draft = await getItem<NoteDraft>(address(key));
  return draft && typeof draft.text === 'string' ? draft : null;
}

export function writeDraft(key: string, draft: NoteDraft): Promise<void> {
  return setItem(address(key), draft);
}

export function clearDraft(key: string): Promise<void> {
  return removeItem(address(key));
}

/** FNV-1a, 32 bits, as hex: a storage key for long text, not a security measure. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
