// What the card asks of the page it opens on: entity data (fetched on hover intent and reused
// until something changes), notes, and the reader's choice between entities sharing a name.
import { foldForSearch } from '@/src/core/search-text';
import type { ChangeSignal } from '@/src/messaging/broadcast';
import { type EntityView, sendMessage } from '@/src/messaging/protocol';
import { updateSettings } from '@/src/settings/settings';
import type { PopoverApi } from '@/src/ui/Popover';

export class PopoverData {
  readonly api: PopoverApi;
  readonly #entities = new Map<string, Promise<EntityView | null>>();
  readonly #noteListeners = new Set<(entityKey?: string) => void>();

  /** `site`: the host name choices are remembered for. */
  constructor(site: string) {
    this.api = {
      getEntity: (key) => this.getEntity(key),
      createNote: (input) => sendMessage('createNote', input),
      updateNote: (id, text) => sendMessage('updateNote', { id, text }),
      deleteNote: (id) => sendMessage('deleteNote', { id }),
      rememberChoice: async (text, key) => {
        await updateSettings((s) => ({
          choices: { ...s.choices, [site]: { ...s.choices[site], [foldForSearch(text)]: key } },
        }));
      },
      onNotesChanged: (listener) => {
        this.#noteListeners.add(listener);
        return () => this.#noteListeners.delete(listener);
      },
    };
  }

  /** One request per entity until something changes; a failed one is asked again next time. */
  getEntity(key: string): Promise<EntityView | null> {
    let view = this.#entities.get(key);
    if (!view) {
      view = sendMessage('getEntity', { key });
      this.#entities.set(key, view);
      view.catch(() => this.#entities.delete(key));
    }
    return view;
  }

  /** Knowledge or notes changed: what was fetched may be stale, and open cards show new notes. */
  changed(change: ChangeSignal): void {
    this.#entities.clear();
    if (change.kind === 'notes') for (const listener of this.#noteListeners) listener(change.entityKey);
  }
}
