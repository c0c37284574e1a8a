import type { NoteRecord } from '@/src/core/records';
import { formatAbsolute, isoTimestamp } from './format';
import { PopoverFrame } from './PopoverFrame';

/** A page note, shown when its marked quote is hovered. */
export function PageNoteCard({ note, onClose }: { note: NoteRecord; onClose(): void }) {
  return (
    <PopoverFrame label="Your note" onClose={onClose}>
      <h2 class="gloss-card-name">Your note</h2>
      <p class="gloss-note-text" dir="auto">
        {note.text}
      </p>
      <p class="gloss-note-meta">
        Written <time dateTime={isoTimestamp(note.createdAt)}>{formatAbsolute(note.createdAt)}</time>
        {note.entityName && <> · about {note.entityName}</>}
      </p>
    </PopoverFrame>
  );
}
