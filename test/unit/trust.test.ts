// The background's trust boundary (src/messaging/rules.ts): every key has a trust level and a
// schema; privileged keys answer only Gloss's own pages; malformed data never reaches a handler.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers, type Handlers, registerHandlers } from '@/src/background/handlers';
import { installBundledPacks } from '@/src/background/index';
import type { GlossDb } from '@/src/db/db';
import { sendMessage } from '@/src/messaging/protocol';
import { admit, CALL_RULES, callerOf, PROTOCOL_KEYS } from '@/src/messaging/rules';
import { CONTENT_SCRIPT, EXTENSION_PAGE, type FakeSender, fakeRuntime, freshDb } from './helpers';

const NATO = 'nato-ukraine-2024';
const WIESBADEN = `${NATO}/wiesbaden`;
const PRIVILEGED = PROTOCOL_KEYS.filter((key) => CALL_RULES[key].trust === 'privileged');

let db: GlossDb;
let handlers: Handlers;
let sendAs: (sender: FakeSender) => void;
let unregister: () => void;
/** Keys whose handler ran. */
let ran: string[];

beforeEach(async () => {
  db = freshDb();
  await installBundledPacks(db);
  const real = createHandlers(db);
  ran = [];
  handlers = Object.fromEntries(
    PROTOCOL_KEYS.map((key) => [
      key,
      (data: never, sender: never) => {
        ran.push(key);
        return (real[key] as (data: never, sender: never) => Promise<unknown>)(data, sender);
      },
    ]),
  ) as unknown as Handlers;
  sendAs = fakeRuntime(EXTENSION_PAGE);
  unregister = registerHandlers(handlers);
});
afterEach(() => {
  unregister();
  db.close();
});

// biome-ignore lint/suspicious/noExplicitAny: any key with any data, as a subverted page could send
const send = (key: string, data?: unknown) => (sendMessage as any)(key, data) as Promise<unknown>;

describe('the rule table', () => {
  it('gives every protocol key a trust level and a schema', () => {
    expect(Object.keys(handlers).sort()).toEqual([...PROTOCOL_KEYS].sort());
    for (const key of PROTOCOL_KEYS) {
      expect(['page', 'privileged'], key).toContain(CALL_RULES[key].trust);
      expect(CALL_RULES[key].data, key).toBeTruthy();
    }
  });

  it('keeps what reads or changes everything away from pages', () => {
    for (const key of [
      'exportAll',
      'importAll',
      'deleteAllData',
      'importPack',
      'removePack',
      'setPackEnabled',
      'exportPack',
      'listNotes',
      'reattachNote',
      'getDraft',
      'saveDraft',
      'discardDraft',
      'search',
      'getEntities',
      'deleteEntity',
      'deleteFact',
    ] as const) {
      expect(CALL_RULES[key].trust, key).toBe('privileged');
    }
  });
});

describe('who is calling', () => {
  const self = { id: 'abc', origin: 'chrome-extension://abc/' };
  it('is an extension page only under the extension origin and with its id', () => {
    expect(callerOf({ id: 'abc', url: 'chrome-extension://abc/popup.html' }, self)).toBe('extension');
    expect(callerOf({ id: 'abc', url: 'https://evil.example/chrome-extension://abc/' }, self)).toBe('page');
    expect(callerOf({ id: 'other', url: 'chrome-extension://abc/popup.html' }, self)).toBe('page');
    expect(callerOf({ id: 'abc' }, self)).toBe('page');
    expect(callerOf(undefined, self)).toBe('page');
    const firefox = { id: 'gloss@example.org', origin: 'moz-extension://1234-5678/' };
    expect(
      callerOf({ id: 'gloss@example.org', url: 'moz-extension://1234-5678/options.html' }, firefox),
    ).toBe('extension');
  });
});

describe('privileged keys', () => {
  it('refuse a content script, before the handler runs', async () => {
    sendAs(CONTENT_SCRIPT);
    for (const key of PRIVILEGED) {
      await expect(send(key, undefined), key).rejects.toThrow(
        `Gloss refused "${key}" from a web page: only Gloss's own pages (popup, manager) may call it.`,
      );
    }
    expect(ran).toEqual([]);
  });

  it('leave the knowledge base alone when a page asks to delete everything or export it', async () => {
    sendAs(CONTENT_SCRIPT);
    await expect(send('deleteAllData')).rejects.toThrow(/refused/);
    await expect(send('exportAll')).rejects.toThrow(/refused/);
    expect((await db.packs.toArray()).map((p) => p.id)).toEqual([NATO]);
  });

  it('refuse another extension that names a Gloss page URL', async () => {
    sendAs({ id: 'someone-else', url: EXTENSION_PAGE.url });
    await expect(send('listPacks')).rejects.toThrow(/refused "listPacks" from a web page/);
  });

  it("answer Gloss's own pages", async () => {
    sendAs(EXTENSION_PAGE);
    expect(((await send('listPacks')) as Array<{ id: string }>).map((p) => p.id)).toEqual([NATO]);
    await send('deleteAllData');
    expect(await db.packs.count()).toBe(0);
  });
});

describe('page keys', () => {
  it('answer content scripts: the card, notes the user typed, the badge', async () => {
    sendAs(CONTENT_SCRIPT);
    expect(await send('getEntity', { key: WIESBADEN })).toMatchObject({ entity: { name: 'Wiesbaden' } });
    const note = (await send('createNote', {
      entityKey: WIESBADEN,
      text: 'Visit',
      pageUrl: 'https://news.example/article',
      pageTitle: 'News',
      quote: '',
    })) as { id: string };
    await send('updateNote', { id: note.id, text: 'Visit soon' });
    expect((await db.notes.get(note.id))?.text).toBe('Visit soon');
    await send('reportPage', { mentions: 3, active: true });
    expect(ran).toEqual(['getEntity', 'createNote', 'updateNote', 'reportPage']);
  });

  it('let a content script create an entity and a fact of its own, but not edit one by key', async () => {
    sendAs(CONTENT_SCRIPT);
    const entity = (await send('saveEntity', { name: 'Mark Rutte', type: 'person', aliases: [] })) as {
      key: string;
    };
    await send('saveFact', { entityKey: entity.key, text: 'Leads NATO.', quote: '', sourceTitle: 'Page' });
    await expect(
      send('saveEntity', { key: entity.key, name: 'Someone else', type: 'person', aliases: [] }),
    ).rejects.toThrow('Gloss refused "saveEntity": key: a page can only create, not edit by key');
    expect((await db.entities.get(entity.key))?.name).toBe('Mark Rutte');
    sendAs(EXTENSION_PAGE);
    await send('saveEntity', { key: entity.key, name: 'Mark Rutte (NATO)', type: 'person', aliases: [] });
    expect((await db.entities.get(entity.key))?.name).toBe('Mark Rutte (NATO)');
  });
});

describe('malformed data', () => {
  it('is refused with the key and the field named, and never reaches the handler', async () => {
    sendAs(CONTENT_SCRIPT);
    await expect(send('getEntity', { key: 42 })).rejects.toThrow(
      /^Gloss refused "getEntity": key: Invalid type/,
    );
    await expect(send('matchTexts', { texts: 'one long string' })).rejects.toThrow(
      /refused "matchTexts": texts: Invalid type: Expected Array/,
    );
    await expect(send('getEntity')).rejects.toThrow(/refused "getEntity": Invalid type: Expected Object/);
    await expect(send('reportPage', { mentions: -1, active: true })).rejects.toThrow(
      /refused "reportPage": mentions/,
    );
    await expect(
      send('createNote', {
        entityKey: WIESBADEN,
        text: 'x'.repeat(100_001),
        pageUrl: '',
        pageTitle: '',
        quote: '',
      }),
    ).rejects.toThrow('Gloss refused "createNote": text: longer than 100000 characters');
    sendAs(EXTENSION_PAGE);
    await expect(send('saveEntity', { name: 'X', type: 'planet', aliases: [] })).rejects.toThrow(
      /refused "saveEntity": type: expected one of person, place/,
    );
    await expect(send('setPackEnabled', { id: NATO, enabled: 'no' })).rejects.toThrow(
      /enabled: Invalid type/,
    );
    await expect(send('listPacks', { everything: true })).rejects.toThrow(/refused "listPacks"/);
    expect(ran).toEqual([]);
    expect((await db.packs.get(NATO))?.enabled).toBe(true);
  });

  it('loses fields the protocol does not have and keeps the ones it has', () => {
    const input = {
      entityKey: '',
      text: 'Mine',
      pageUrl: 'https://news.example/article',
      pageTitle: 'News',
      quote: 'Wiesbaden',
      selector: { exact: 'Wiesbaden', prefix: 'in ', suffix: '.', extra: 1 },
      createdAt: 1,
      id: 'chosen-by-the-page',
    };
    expect(admit('createNote', input, 'page')).toEqual({
      entityKey: '',
      text: 'Mine',
      pageUrl: 'https://news.example/article',
      pageTitle: 'News',
      quote: 'Wiesbaden',
      selector: { exact: 'Wiesbaden', prefix: 'in ', suffix: '.' },
    });
  });
});
