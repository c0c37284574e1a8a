// Values in extension storage (storage.local): read, written and watched by every context. Our own
// few lines rather than @wxt-dev/storage: every page's content script reads and watches these
// items, and that library (with its locks, migrations and metadata, none of which Gloss uses) was
// an eighth of the script's 60 KiB. Values are stored as they are, so data written by it reads the same.
import { browser } from 'wxt/browser';

export interface StorageItem<T> {
  readonly key: string;
  readonly fallback: T;
  /** The stored value, or the fallback when there is none. */
  getValue(): Promise<T>;
  /** Stores the value; null or undefined removes it. */
  setValue(value: T | null | undefined): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back when another write changes the value (not for a write of an equal one); returns the unwatch. */
  watch(listener: (value: T, old: T) => void): () => void;
}

const area = () => browser.storage.local;

/** An item under `local:<key>` with the value to read when nothing is stored. */
export function defineItem<T>(address: `local:${string}`, options: { fallback: T }): StorageItem<T> {
  const key = address.slice('local:'.length);
  const orFallback = (value: unknown) => (value ?? options.fallback) as T;
  return {
    key,
    fallback: options.fallback,
    getValue: async () => orFallback((await area().get(key))[key]),
    setValue: (value) => (value == null ? removeItem(key) : setItem(key, value)),
    removeValue: () => removeItem(key),
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>) => {
        const change = changes[key];
        if (!change || sameJson(change.newValue, change.oldValue)) return;
        listener(orFallback(change.newValue), orFallback(change.oldValue));
      };
      area().onChanged.addListener(onChanged);
      return () => area().onChanged.removeListener(onChanged);
    },
  };
}

/** Several items in one storage read (the content script's start: settings and the matcher at once). */
export async function getValues<T extends unknown[]>(
  ...items: { [K in keyof T]: StorageItem<T[K]> }
): Promise<T> {
  const stored = await area().get(items.map((item) => item.key));
  return items.map((item) => stored[item.key] ?? item.fallback) as T;
}

export async function getItem<T>(key: string): Promise<T | null> {
  return ((await area().get(key))[key] as T | undefined) ?? null;
}

export async function setItem(key: string, value: unknown): Promise<void> {
  await area().set({ [key]: value });
}

export async function removeItem(key: string): Promise<void> {
  await area().remove(key);
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
