// What the hover popover shows: the entity card for a mention, or first a choice when the
// mention's text names several entities. Data comes from the background via `api`.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { EntityCardProps } from '@/src/content/card-channel';
import type { Correction } from '@/src/core/context/types';
import { cueWords } from '@/src/core/corrections';
import type { EntityView, NoteInput } from '@/src/messaging/protocol';
import { AmbiguityChooser } from './AmbiguityChooser';
import { type CardCorrection, MentionCorrection } from './card/MentionCorrection';
import { EntityCard } from './EntityCard';

export interface PopoverApi {
  getEntity(key: string): Promise<EntityView | null>;
  createNote(input: NoteInput): Promise<unknown>;
  /** `baseVersion`: the note's updatedAt when the edit began (see the protocol's updateNote). */
  updateNote(id: string, text: string, baseVersion?: number): Promise<unknown>;
  deleteNote(id: string): Promise<unknown>;
  /** "Not this — it's …": stored for the page's site; the page applies it at once. */
  correctMention(correction: CardCorrection): Promise<Correction>;
  /** Calls back when notes of an entity change anywhere; returns the unsubscribe. */
  onNotesChanged(listener: (entityKey?: string) => void): () => void;
}

/** What the card frame was asked to show (see card-channel.ts), and how it talks back. */
export interface PopoverProps extends EntityCardProps {
  api: PopoverApi;
  onClose(): void;
}

const HEADING_ID = 'gloss-popover-heading';

export function Popover(props: PopoverProps) {
  const { api, entityIds } = props;
  const [key, setKey] = useState<string | null>(
    entityIds.length === 1 ? (entityIds[0] ?? null) : (props.chosen ?? null),
  );
  const { views, error } = useEntityViews(api, key, entityIds);
  const dialog = useRef<HTMLDivElement>(null);

  // As the card is first drawn, not after the next paint: an Esc pressed as soon as it shows
  // would otherwise land on the frame's body and be lost (test/unit/card-focus.test.tsx).
  useLayoutEffect(() => {
    if (props.trapFocus) dialog.current?.focus();
  }, [props.trapFocus]);

  const onKeyDown = (event: KeyboardEvent) => {
    // The card handles Esc itself (closing a form first, or calling onClose) and marks it handled.
    if (event.key === 'Escape' && !event.defaultPrevented) {
      props.onClose();
    } else if (event.key === 'Tab' && props.trapFocus && dialog.current) {
      cycleFocus(dialog.current, event);
    }
  };

  let body: preact.ComponentChildren;
  if (error) body = <p class="gloss-error">Gloss could not load this: {error}</p>;
  else if (!key) {
    body = (
      <MentionChoice
        {...props}
        views={views}
        onChoose={(chosen, remember) => {
          setKey(chosen);
          // Remembered as a correction for the site: the page marks it so at once, the manager lists
          // it. Should that fail (a full disk), the card still shows the choice this time.
          if (remember)
            api
              .correctMention({ alias: props.mentionText, right: chosen, scope: 'site' })
              .catch((error) => console.error('Gloss: remembering the choice failed', error));
        }}
        onNone={async (remember) => {
          await api.correctMention({
            alias: props.mentionText,
            right: null,
            scope: remember ? 'site' : 'context',
            ...(remember ? {} : { cues: cueWords(props.sentence, props.mentionText) }),
          });
          props.onClose();
        }}
      />
    );
  } else
    body = (
      <MentionCard
        {...props}
        view={views.get(key)}
        onCorrected={(correction) => {
          // "Nothing": the mention is no longer marked, so its card goes; else it shows the right one.
          if (correction.right) setKey(correction.right);
          else props.onClose();
        }}
      />
    );

  return (
    <div
      class="gloss-root gloss-popover"
      role="dialog"
      aria-labelledby={HEADING_ID}
      tabIndex={-1}
      ref={dialog}
      onKeyDown={onKeyDown}
    >
      {body}
    </div>
  );
}

/**
 * The entities the popover shows, loaded from the background: the chosen one, or every one the
 * mention may mean until one is chosen. The chosen one reloads when its notes change anywhere.
 */
function useEntityViews(api: PopoverApi, key: string | null, entityIds: string[]) {
  const [views, setViews] = useState<Map<string, EntityView>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (keys: string[]) => {
      try {
        const loaded = await Promise.all(keys.map((k) => api.getEntity(k)));
        setViews((old) => {
          const next = new Map(old);
          for (const view of loaded) if (view) next.set(view.entity.key, view);
          return next;
        });
      } catch (e) {
        setError((e as Error).message);
      }
    },
    [api],
  );

  useEffect(() => {
    void load(key ? [key] : entityIds);
  }, [key, entityIds, load]);

  useEffect(
    () =>
      api.onNotesChanged((changed) => {
        if (key && (!changed || changed === key)) void load([key]);
      }),
    [api, key, load],
  );
  return { views, error };
}

/** The mention's text names several entities: which one is meant (once all have loaded). */
function MentionChoice(
  props: PopoverProps & {
    views: Map<string, EntityView>;
    onChoose(key: string, remember: boolean): void;
    onNone(remember: boolean): Promise<void>;
  },
) {
  const { entityIds, views } = props;
  const candidates = entityIds
    .map((id) => views.get(id)?.entity)
    .filter((e) => e !== undefined)
    .map((e) => ({ key: e.key, name: e.name, type: e.type, description: e.description }));
  if (candidates.length < entityIds.length) return <p class="gloss-muted">Loading…</p>;
  return (
    <AmbiguityChooser
      mentionText={props.mentionText}
      candidates={candidates}
      headingId={HEADING_ID}
      likelierFirst={props.decision?.kind === 'ambiguous'}
      onChoose={props.onChoose}
      onNone={props.onNone}
    />
  );
}

/** The card of the mentioned entity; a note added here keeps the page and the sentence. */
function MentionCard(
  props: PopoverProps & { view: EntityView | undefined; onCorrected(correction: Correction): void },
) {
  const { api, view } = props;
  if (!view) return <p class="gloss-muted">Loading…</p>;
  const shown = view.identity.id;
  return (
    <EntityCard
      view={view}
      mention={
        <MentionCorrection
          mentionText={props.mentionText}
          shown={{ key: shown, name: view.entity.name }}
          others={props.entityIds.filter((id) => id !== shown && id !== view.entity.key)}
          site={siteOf(props.pageUrl)}
          sentence={props.sentence}
          reasons={props.decision?.reasons}
          getEntity={api.getEntity}
          correct={api.correctMention}
          onCorrected={props.onCorrected}
        />
      }
      headingId={HEADING_ID}
      onClose={props.onClose}
      onAddNote={(text) =>
        api.createNote({
          entityKey: view.entity.key,
          text,
          pageUrl: props.pageUrl,
          pageTitle: props.pageTitle,
          quote: props.sentence,
        })
      }
      onEditNote={(id, text, base) => api.updateNote(id, text, base)}
      onDeleteNote={(id) => api.deleteNote(id)}
    />
  );
}

function siteOf(pageUrl: string): string {
  try {
    return new URL(pageUrl).hostname;
  } catch {
    return '';
  }
}

const FOCUSABLE = 'a[href], button:not([disabled]), textarea, input, select, [tabindex]:not([tabindex="-1"])';

function cycleFocus(container: HTMLElement, event: KeyboardEvent): void {
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items.at(-1);
  if (!first || !last) return;
  const root = container.getRootNode() as ShadowRoot | Document;
  const active = root.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
