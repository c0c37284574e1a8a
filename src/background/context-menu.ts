// The context menu on selected text: "Add note on this selection" and "Add as a fact about…".
// A click only tells the frame the selection is in to open its composer; the page side does the
// rest (it knows the selection and its surrounding text). The e2e tests send that same message
// (composeFromSelection) to the tab, since a headless browser cannot click a context menu.
import type { SelectionKind } from '@/src/messaging/content-protocol';

export const MENU_ITEMS: ReadonlyArray<{ id: string; title: string; kind: SelectionKind }> = [
  { id: 'gloss-selection-note', title: 'Add note on this selection', kind: 'note' },
  { id: 'gloss-selection-fact', title: 'Add as a fact about…', kind: 'fact' },
];

export interface MenuApi {
  removeAll(): Promise<void>;
  create(item: { id: string; title: string; contexts: ['selection'] }): void;
}

/** (Re)creates the menu items: on install and on every update. */
export async function createMenus(menus: MenuApi): Promise<void> {
  await menus.removeAll();
  for (const { id, title } of MENU_ITEMS) menus.create({ id, title, contexts: ['selection'] });
}

export type AskComposer = (tabId: number, kind: SelectionKind, frameId: number) => Promise<unknown>;

/** A menu click: the frame that has the selection opens the composer. */
export async function onMenuClick(
  menuItemId: string | number,
  tab: { id?: number } | undefined,
  frameId: number | undefined,
  ask: AskComposer,
): Promise<void> {
  const item = MENU_ITEMS.find((m) => m.id === menuItemId);
  if (!item || tab?.id === undefined) return;
  // A page without Gloss (opened before install, or a browser page): nothing to open.
  await ask(tab.id, item.kind, frameId ?? 0).catch(() => {});
}
