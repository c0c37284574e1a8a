// The content script's side of the content protocol: the keyboard commands, the popup's questions
// and the context menu reach the page here. Every handler asks the session; none keeps state.
import { contentMessaging, type PageState, type SelectionKind } from '@/src/messaging/content-protocol';

export interface ContentMessageHandlers {
  /** Moves to the next/previous mention (of one entity); false if there is none, or Gloss is off here. */
  goTo(direction: 1 | -1, entityKey?: string): boolean;
  compose(kind: SelectionKind): Promise<boolean>;
  pageState(): PageState;
}

/** Registers the handlers; returns what removes them again (the session is this frame's only listener). */
export function registerContentMessages(handlers: ContentMessageHandlers): () => void {
  contentMessaging.onMessage('focusMention', ({ data }) => handlers.goTo(data.direction));
  contentMessaging.onMessage('revealEntity', ({ data }) => handlers.goTo(1, data.entityKey));
  contentMessaging.onMessage('composeFromSelection', ({ data }) => handlers.compose(data.kind));
  contentMessaging.onMessage('pageState', () => handlers.pageState());
  return () => contentMessaging.removeAllListeners();
}
