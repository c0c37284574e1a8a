// The card as it runs in its own frame (entrypoints/card), an extension page inside the closed
// shadow root the content script puts next to a mention. Keys typed here go to this document, not
// the page's, and the page cannot read it; the card asks the background itself, like the popup does.
// The content script only says which card to show, over the port it hands this frame once.
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CardRequest, FromCard, ToCard } from '@/src/content/card-channel';
import { changeItem } from '@/src/messaging/broadcast';
import { type EntityView, sendMessage } from '@/src/messaging/protocol';
import { PageNoteCard } from './PageNoteCard';
import { Popover, type PopoverApi } from './Popover';
import { type ComposerApi, SelectionComposer } from './SelectionComposer';

/** Entity data, fetched on hover intent and reused until knowledge or notes change. */
function entityCache() {
  const views = new Map<string, Promise<EntityView | null>>();
  const get = (key: string) => {
    let view = views.get(key);
    if (!view) {
      view = sendMessage('getEntity', { key });
      views.set(key, view);
      view.catch(() => views.delete(key));
    }
    return view;
  };
  return { get, clear: () => views.clear() };
}

const composerApi: ComposerApi = {
  createNote: (input) => sendMessage('createNote', input),
  listEntities: async (query, packId) =>
    (await sendMessage('listEntities', { query, packId, limit: 6 })).entities,
  saveEntity: (input) => sendMessage('saveEntity', input),
  saveFact: (input) => sendMessage('saveFact', input),
};

function CardApp({ port, signal }: { port: MessagePort; signal: AbortSignal }) {
  const [card, setCard] = useState<CardRequest | null>(null);
  // A new card each show, even for the same request: state (an open form) starts afresh.
  const [shown, setShown] = useState(0);
  const entities = useMemo(entityCache, []);
  const noteListeners = useMemo(() => new Set<(entityKey?: string) => void>(), []);
  const send = (message: FromCard) => port.postMessage(message);

  useEffect(() => {
    port.onmessage = ({ data }: MessageEvent<ToCard>) => {
      if (data.type === 'prefetch') for (const key of data.entityIds) void entities.get(key).catch(() => {});
      else if (data.type === 'show') {
        setCard(data.card);
        setShown((n) => n + 1);
      }
    };
    port.postMessage({ type: 'ready' } satisfies FromCard);
    return changeItem.watch((change) => {
      // Corrections change what the page marks, not what a card says about an entity.
      if (!change || change.kind === 'corrections') return;
      entities.clear();
      // Knowledge or notes changed elsewhere: the open card reloads its data in place, so a note
      // being typed stays in its editor (a knowledge change concerns every entity).
      const entityKey = change.kind === 'notes' ? change.entityKey : undefined;
      for (const listener of noteListeners) listener(entityKey);
    });
  }, [port, entities, noteListeners]);

  useEffect(() => {
    const options = { capture: true, signal };
    const editing = () => {
      const name = document.activeElement?.localName;
      send({ type: 'editing', editing: name === 'textarea' || name === 'input' });
    };
    document.addEventListener('pointerdown', (e) => e.isTrusted && send({ type: 'held' }), options);
    document.addEventListener('focusin', editing, options);
    document.addEventListener('focusout', () => setTimeout(editing), options);
  }, [signal]);

  if (!card) return null;
  const onClose = () => send({ type: 'close' });
  if (card.kind === 'note') {
    return <PageNoteCard key={shown} note={card.note} onClose={onClose} />;
  }
  if (card.kind === 'composer') {
    return (
      <SelectionComposer key={shown} {...card} kind={card.composer} api={composerApi} onClose={onClose} />
    );
  }
  const site = new URL(card.pageUrl).hostname;
  const api: PopoverApi = {
    getEntity: entities.get,
    createNote: (input) => sendMessage('createNote', input),
    updateNote: (id, text, baseVersion) => sendMessage('updateNote', { id, text, baseVersion }),
    deleteNote: (id) => sendMessage('deleteNote', { id }),
    correctMention: (correction) => sendMessage('correctMention', { ...correction, site }),
    onNotesChanged: (listener) => {
      noteListeners.add(listener);
      return () => noteListeners.delete(listener);
    },
  };
  return <Popover key={shown} {...card} api={api} onClose={onClose} />;
}

/**
 * Waits for the one message that hands this frame its port, then shows what comes through it.
 * Only the first port is taken: the content script sends it as soon as the frame has loaded.
 */
export function startCardFrame(win: Window, mount: HTMLElement, signal: AbortSignal): void {
  const taken = new AbortController();
  win.addEventListener(
    'message',
    (event) => {
      const [port] = event.ports;
      if (event.source !== win.parent || !port || event.ports.length !== 1) return;
      taken.abort();
      render(<CardApp port={port} signal={signal} />, mount);
    },
    { signal: AbortSignal.any([signal, taken.signal]) },
  );
}
