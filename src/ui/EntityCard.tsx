import { useId, useRef } from 'preact/hooks';
import type { EntityView } from '@/src/messaging/protocol';
import { FactList } from './card/FactList';
import { type FactOrder, sourcesLabel } from './card/facts';
import { NotesSection } from './card/NotesSection';
import { useFactOrder } from './card/useFactOrder';
import { typeLabel } from './format';
import { entityPageUrl } from './manager/route';

export interface EntityCardProps {
  view: EntityView;
  /** Save a new note; resolves with the saved note or rejects with an Error whose message is shown to the user. */
  onAddNote(text: string): Promise<unknown>;
  /** Optional: edit/delete existing notes (the popover passes them; shown as small buttons per note). */
  /** `baseVersion`: the note's updatedAt when the edit began, so a later save elsewhere is a conflict, not lost. */
  onEditNote?(id: string, text: string, baseVersion?: number): Promise<unknown>;
  onDeleteNote?(id: string): Promise<unknown>;
  /** Esc inside the card when no form is open: the host closes the popover and returns focus. */
  onClose?(): void;
  /** Id for aria-labelledby: the card's heading gets this id. */
  headingId?: string;
  /** Open the note form immediately (keyboard users). */
  startWithNoteForm?: boolean;
  /** "Now" for the notes' relative dates; tests pass a fixed clock. */
  now?: number;
  /** Newest or oldest facts first; by default the reader's setting. */
  factOrder?: FactOrder;
  /** Where "Open entity page" leads; null hides it (the entity page itself). Default: the manager's page. */
  entityPageHref?: string | null;
  /**
   * Opens the entity page instead of following the link. A page may not navigate to an extension
   * page (Chromium blocks it), so a card drawn in a web page's own document needs the background to
   * open the tab; in the popup, the manager or an extension frame the plain link works.
   */
  onOpenEntityPage?(identityKey: string): void;
  /** About the mention the card was opened from (on a page): why this entity, and "Not this?". */
  mention?: preact.ComponentChildren;
}

/** An identity's facts from every source, and the user's notes: the hover popover's content. */
export function EntityCard(props: EntityCardProps) {
  const { view, onClose } = props;
  const { entity, notes } = view;
  const ownId = useId();
  const headingId = props.headingId ?? `${ownId}-name`;
  const closeFormRef = useRef<(() => boolean) | null>(null);
  const settingsOrder = useFactOrder();
  const order = props.factOrder ?? settingsOrder;
  const identityKey = view.identity.id;
  const pageHref = props.entityPageHref === undefined ? entityPageUrl(identityKey) : props.entityPageHref;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // Esc inside a form never gets here (the form stops it). Esc elsewhere with a form open
    // closes that form first, so one key press never throws away both the form and the card.
    if (closeFormRef.current?.()) event.preventDefault();
    else if (onClose) {
      event.preventDefault();
      onClose();
    }
  };

  return (
    <article class="gloss-root gloss-card" aria-labelledby={headingId} onKeyDown={onKeyDown}>
      <header class="gloss-card-header">
        <h2 id={headingId} class="gloss-card-name">
          <bdi>{entity.name}</bdi>
        </h2>
        <span class="gloss-type">{typeLabel(entity.type)}</span>
      </header>
      {entity.description && (
        <p class="gloss-card-description" dir="auto">
          {entity.description}
        </p>
      )}
      <PackLine view={view} />
      {props.mention}

      <FactsSection view={view} order={order} />

      <NotesSection
        draftFor={identityKey}
        notes={notes}
        onAddNote={props.onAddNote}
        onEditNote={props.onEditNote}
        onDeleteNote={props.onDeleteNote}
        startWithNoteForm={props.startWithNoteForm}
        now={props.now}
        closeFormRef={closeFormRef}
      />
      {pageHref && (
        <p class="gloss-card-footer">
          <a
            class="gloss-link gloss-entity-page-link"
            href={pageHref}
            target="_blank"
            rel="noopener"
            onClick={
              props.onOpenEntityPage &&
              ((event) => {
                event.preventDefault();
                props.onOpenEntityPage?.(identityKey);
              })
            }
          >
            Open entity page
          </a>
        </p>
      )}
    </article>
  );
}

/** The identity's facts, with how many sources they come from. */
function FactsSection({ view, order }: { view: EntityView; order: FactOrder }) {
  const id = useId();
  return (
    <section class="gloss-section" aria-labelledby={`${id}-facts`}>
      <h3 id={`${id}-facts`} class="gloss-section-heading">
        Facts
      </h3>
      {view.facts.length > 0 && (
        <p class="gloss-card-sources" data-testid="source-count">
          {sourcesLabel(view.identity.sourceCount)}
        </p>
      )}
      <FactList facts={view.facts} order={order} />
    </section>
  );
}

/** The packs the identity's facts come from: one, or several once packs speak of the same thing. */
function PackLine({ view }: { view: EntityView }) {
  const packs = view.identity.packs.length > 0 ? view.identity.packs : [view.pack];
  return (
    <p class="gloss-card-pack">
      {packs.length === 1 ? 'Pack: ' : 'Packs: '}
      {packs.map((pack, i) => (
        <span key={pack.id}>
          {i > 0 && ', '}
          <bdi>{pack.title}</bdi>
        </span>
      ))}
    </p>
  );
}
