// Real IndexedDB semantics in Node: every unit test that opens Dexie gets a fresh in-memory store.
import 'fake-indexeddb/auto';
