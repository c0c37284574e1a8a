// What the context menu on a selection opens next to it: a page note on the quote, or a fact
// about an entity (found by name, or made in "My knowledge").
import type { TextQuoteSelector } from '@/src/core/anchor';
import type { EntityInput, EntitySummary, FactInput, NoteInput } from '@/src/messaging/protocol';
import { FactComposer } from './FactComposer';
import { NoteForm } from './NoteForm';
import { draftKeys } from './note-drafts';
import { PopoverFrame } from './PopoverFrame';

export interface ComposerApi {
  createNote(input: NoteInput): Promise<unknown>;
  listEntities(query: string, packId?: string): Promise<EntitySummary[]>;
  saveEntity(input: EntityInput): Promise<EntitySummary>;
  saveFact(input: FactInput): Promise<unknown>;
}

export interface SelectionComposerProps {
  kind: 'note' | 'fact';
  selector: TextQuoteSelector;
  /** The sentence the selection is in: a fact's quote. */
  sentence: string;
  pageUrl: string;
  pageTitle: string;
  api: ComposerApi;
  onClose(): void;
}

export function SelectionComposer(props: SelectionComposerProps) {
  const { kind, selector, api, onClose } = props;
  const exact = selector.exact.replace(/\s+/g, ' ').trim();
  return (
    <PopoverFrame
      label={kind === 'note' ? 'Note on this selection' : 'Fact from this selection'}
      onClose={onClose}
    >
      <h2 class="gloss-card-name">{kind === 'note' ? 'Note on this selection' : 'Add as a fact about…'}</h2>
      <blockquote class="gloss-quote" dir="auto">
        {exact}
      </blockquote>
      {kind === 'note' ? (
        <NoteForm
          draftKey={draftKeys.selection(props.pageUrl, selector)}
          onSave={(text) =>
            api.createNote({
              entityKey: '',
              text,
              pageUrl: props.pageUrl,
              pageTitle: props.pageTitle,
              quote: exact,
              selector,
            })
          }
          onSaved={onClose}
          onCancel={onClose}
        />
      ) : (
        <FactComposer {...props} initialText={exact} />
      )}
    </PopoverFrame>
  );
}
