// One handler per protocol key. The mapped type makes a missing or extra handler a type error;
// test/unit/handlers.test.ts checks the same at run time.
import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { GlossDb } from '@/src/db/db';
import type { ChangeSignal, CorrectionSites } from '@/src/messaging/broadcast';
import { type GlossProtocol, onMessage } from '@/src/messaging/protocol';
import { admit, callerOf, PROTOCOL_KEYS } from '@/src/messaging/rules';
import { deleteAllData, exportAll, importAll, type SettingsStore } from './backup';
import { ContextProfiles } from './context-profiles';
import {
  adoptRememberedChoices,
  correctionSites,
  correctionsForSite,
  correctMention,
  listCorrections,
  undoCorrection,
} from './corrections';
import { createDraft, discardDraft, getDraft, listDrafts, saveDraft } from './drafts';
import { linkEntity, previewLinks } from './graph';
import { clearHistory, History } from './history';
import { getEntity, getEntityPage, liveIdentity } from './identity-view';
import { getEntities, listEntities, listIdentities, search } from './knowledge';
import { MatchBudget } from './match-budget';
import { MatcherCache } from './matcher-cache';
import { deleteEntity, deleteFact, saveEntity, saveFact } from './my-knowledge';
import {
  createNote,
  deleteNote,
  listNotes,
  listNotesForPage,
  reattachNote,
  reportAnchors,
  updateNote,
} from './notes';
import { exportPack, importPackJson, listPacks, removePack, setPackEnabled } from './packs';
import { warmLinkIndex } from './warm-links';

/** Who sent a message: the tab, for messages from content scripts. */
export interface Sender {
  tabId?: number;
}

export type Handlers = {
  [K in keyof GlossProtocol]: (
    data: GetDataType<GlossProtocol[K]>,
    sender?: Sender,
  ) => Promise<GetReturnType<GlossProtocol[K]>>;
};

/** Tells open pages what changed, after the change is committed. */
export type Notify = (change: Omit<ChangeSignal, 'at'>) => void;

export interface HandlerOptions {
  /** Resolves once bundled packs are installed; reads wait for it. */
  ready?: () => Promise<unknown>;
  notify?: Notify;
  settings?: SettingsStore;
  /** Shows a page's mention count (or that Gloss is off there) on the toolbar button. */
  setBadge?: (tabId: number, mentions: number, active: boolean) => void;
  /** Opens the manager in a tab at a view, e.g. "#review/<id>". */
  openManager?: (hash: string) => void;
  /** The compiled matcher (the background passes one that also publishes to pages). */
  matchers?: MatcherCache;
  /** How much text each tab may send to be matched (tests pass one with a fake clock). */
  budget?: MatchBudget;
  /** "Seen on" recording (tests pass their own clock through it). */
  history?: History;
  /** Puts where corrections apply where pages read it at start (the background: extension storage). */
  publishCorrectionSites?: (sites: CorrectionSites) => Promise<void>;
}

const memorySettings = (): SettingsStore => {
  let value: Record<string, unknown> = {};
  return {
    get: async () => value,
    set: async (next) => {
      value = next;
    },
    clear: async () => {
      value = {};
    },
  };
};

export function createHandlers(db: GlossDb, options: HandlerOptions = {}): Handlers {
  const { ready = async () => {}, notify = () => {} } = options;
  // Every call waits for bundled-pack installation so the first page after install sees the pack.
  const afterReady: AfterReady = (fn) => async (data, sender) => {
    await ready();
    try {
      return await fn(data, sender);
    } catch (error) {
      throw explain(error);
    }
  };
  const changedKnowledge: ChangedKnowledge = (fn) => async (data) => {
    const result = await fn(data);
    notify({ kind: 'knowledge' });
    return result;
  };
  const publish = options.publishCorrectionSites ?? (async () => {});
  const parts: HandlerParts = {
    db,
    ready,
    notify,
    afterReady,
    changedKnowledge,
    settings: options.settings ?? memorySettings(),
    // Published before the signal, so a page that hears it and starts reads the new sites.
    changedCorrections: async () => {
      await publish(await correctionSites(db));
      notify({ kind: 'corrections' });
    },
  };
  return {
    ...pageHandlers(parts, options),
    ...knowledgeHandlers(parts),
    ...noteHandlers(parts),
    ...packHandlers(parts),
    ...captureHandlers(parts, options.openManager ?? (() => {})),
    ...correctionHandlers(parts),
  };
}

type AfterReady = <A, R>(
  fn: (data: A, sender?: Sender) => Promise<R>,
) => (data: A, sender?: Sender) => Promise<R>;
type ChangedKnowledge = <A, R>(fn: (data: A) => Promise<R>) => (data: A) => Promise<R>;

/** What every group of handlers shares: the database, the wait for installation, the change signals. */
interface HandlerParts {
  db: GlossDb;
  ready: () => Promise<unknown>;
  notify: Notify;
  /** Waits for bundled packs, and says a full disk plainly. */
  afterReady: AfterReady;
  /** Tells open pages the knowledge changed once the call is done. */
  changedKnowledge: ChangedKnowledge;
  settings: SettingsStore;
  /** Tells pages where corrections apply now, then that they changed. */
  changedCorrections: () => Promise<void>;
}

/** What web pages ask: the matcher, matching their text, and what they report back. */
function pageHandlers(
  { db, ready, afterReady, notify, settings }: HandlerParts,
  options: HandlerOptions,
): Pick<
  Handlers,
  'getMatcher' | 'matchTexts' | 'getContextProfiles' | 'reportPage' | 'reportAnchors' | 'listNotesForPage'
> {
  const matchers = options.matchers ?? new MatcherCache(db);
  const profiles = new ContextProfiles(db);
  const budget = options.budget ?? new MatchBudget();
  const history = options.history ?? new History();
  const setBadge = options.setBadge ?? (() => {});
  return {
    getMatcher: afterReady(({ revision }) => matchers.delivery(revision)),
    matchTexts: afterReady(({ texts }, sender) => {
      budget.spend(
        sender?.tabId,
        texts.reduce((sum, text) => sum + text.length, 0),
      );
      return matchers.match(texts);
    }),
    getContextProfiles: afterReady(async ({ ids }) => ({ profiles: await profiles.get(ids) })),
    reportPage: async (report, sender) => {
      if (sender?.tabId !== undefined) setBadge(sender.tabId, report.mentions, report.active);
      if (!report.url || !report.counts?.length || !report.active) return;
      // The user's switch (settings.history, on unless set false) decides whether pages are kept.
      if ((await settings.get()).history === false) return;
      await ready();
      await history.record(db, report, sender?.tabId);
    },
    listNotesForPage: afterReady(({ url }) => listNotesForPage(db, url)),
    reportAnchors: afterReady(async ({ url, found, missing }) => {
      if (await reportAnchors(db, url, found, missing)) notify({ kind: 'notes' });
    }),
  };
}

type KnowledgeKeys =
  | 'getEntity'
  | 'getEntityPage'
  | 'linkEntity'
  | 'clearHistory'
  | 'previewLinks'
  | 'search'
  | 'listEntities'
  | 'listIdentities'
  | 'getEntities'
  | 'saveEntity'
  | 'deleteEntity'
  | 'saveFact'
  | 'deleteFact';

/** Reading the knowledge, linking entities, and the reader's own entities and facts. */
function knowledgeHandlers({
  db,
  afterReady,
  changedKnowledge,
}: HandlerParts): Pick<Handlers, KnowledgeKeys> {
  return {
    getEntity: afterReady(({ key }) => getEntity(db, key)),
    getEntityPage: afterReady(({ key }) => getEntityPage(db, key)),
    linkEntity: afterReady(changedKnowledge(({ entityKey, to }) => linkEntity(db, entityKey, to))),
    clearHistory: afterReady(() => clearHistory(db)),
    previewLinks: afterReady(({ pack }) => previewLinks(db, pack)),
    search: afterReady(({ query, limit }) => search(db, query, limit)),
    listEntities: afterReady((query) => listEntities(db, query)),
    listIdentities: afterReady((query) => listIdentities(db, query)),
    getEntities: afterReady(({ keys }) => getEntities(db, keys)),
    saveEntity: afterReady(changedKnowledge((input) => saveEntity(db, input))),
    deleteEntity: afterReady(changedKnowledge(({ key }) => deleteEntity(db, key))),
    saveFact: afterReady(changedKnowledge((input) => saveFact(db, input))),
    deleteFact: afterReady(changedKnowledge(({ key }) => deleteFact(db, key))),
  };
}

/** The reader's notes; each change is announced under the note's identity. */
function noteHandlers({
  db,
  afterReady,
  notify,
}: HandlerParts): Pick<Handlers, 'listNotes' | 'createNote' | 'updateNote' | 'deleteNote' | 'reattachNote'> {
  // Cards listen by identity: a note kept on an old entity key is announced under its identity.
  const notesChanged = async (entityKey?: string) =>
    notify({
      kind: 'notes',
      entityKey: entityKey ? ((await liveIdentity(db, entityKey))?.id ?? entityKey) : entityKey,
    });
  return {
    listNotes: afterReady(({ entityKey }) => listNotes(db, entityKey)),
    createNote: afterReady(async (input) => {
      const note = await createNote(db, input);
      await notesChanged(note.entityKey);
      return note;
    }),
    updateNote: afterReady(async ({ id, text, baseVersion }) => {
      const note = await updateNote(db, id, text, baseVersion);
      await notesChanged(note.entityKey);
      return note;
    }),
    deleteNote: afterReady(async ({ id }) => {
      const entityKey = (await db.notes.get(id))?.entityKey;
      await deleteNote(db, id);
      await notesChanged(entityKey);
    }),
    reattachNote: afterReady(async ({ id, entityKey }) => {
      const note = await reattachNote(db, id, entityKey);
      notify({ kind: 'notes' });
      return note;
    }),
  };
}

type PackKeys =
  | 'listPacks'
  | 'importPack'
  | 'warmLinkIndex'
  | 'exportPack'
  | 'setPackEnabled'
  | 'removePack'
  | 'exportAll'
  | 'importAll'
  | 'deleteAllData';

/** Packs in and out, and the whole of the user's data: backup, restore, delete. */
function packHandlers({
  db,
  afterReady,
  changedKnowledge,
  changedCorrections,
  notify,
  settings,
}: HandlerParts): Pick<Handlers, PackKeys> {
  return {
    listPacks: afterReady(() => listPacks(db)),
    importPack: afterReady(async ({ json }) => {
      const result = await importPackJson(db, json);
      if (result.ok) notify({ kind: 'knowledge' });
      return result;
    }),
    warmLinkIndex: afterReady(() => warmLinkIndex(db)),
    exportPack: afterReady(async ({ id }) => JSON.stringify(await exportPack(db, id), null, 2)),
    setPackEnabled: afterReady(changedKnowledge(({ id, enabled }) => setPackEnabled(db, id, enabled))),
    removePack: afterReady(changedKnowledge(({ id }) => removePack(db, id))),
    exportAll: afterReady(async () => JSON.stringify(await exportAll(db, settings), null, 2)),
    importAll: afterReady(async ({ json }) => {
      const result = await importAll(db, json, settings);
      if (result.ok) {
        notify({ kind: 'knowledge' });
        notify({ kind: 'notes' });
        // A backup of an older Gloss may hold remembered answers to "Which one?" in its settings;
        // the import itself is done whatever becomes of them (they stay in the settings).
        await adoptRememberedChoices(db, settings).catch((error) =>
          console.error('Gloss: keeping remembered choices as corrections failed', error),
        );
        await changedCorrections();
      }
      return result;
    }),
    deleteAllData: afterReady(
      changedKnowledge(async () => {
        await deleteAllData(db, settings);
        await changedCorrections();
      }),
    ),
  };
}

/** Captured articles: drafts reviewed in the manager before they become packs. */
function captureHandlers(
  { db, afterReady, notify }: HandlerParts,
  openManager: (hash: string) => void,
): Pick<Handlers, 'captureArticle' | 'getDraft' | 'saveDraft' | 'discardDraft' | 'listDrafts'> {
  return {
    captureArticle: afterReady(async (article) => {
      const draft = await createDraft(db, article);
      openManager(`#review/${draft.id}`);
      return { draftId: draft.id };
    }),
    getDraft: afterReady(({ id }) => getDraft(db, id)),
    saveDraft: afterReady(async ({ id, pack, links }) => {
      const result = await saveDraft(db, id, pack, links);
      if (result.ok) notify({ kind: 'knowledge' });
      return result;
    }),
    discardDraft: afterReady(({ id }) => discardDraft(db, id)),
    listDrafts: afterReady(() => listDrafts(db)),
  };
}

/** The reader's corrections; each change is announced, so open pages apply it at once. */
function correctionHandlers({
  db,
  afterReady,
  changedCorrections,
}: HandlerParts): Pick<Handlers, 'correctMention' | 'listCorrections' | 'undoCorrection' | 'getCorrections'> {
  return {
    correctMention: afterReady(async (input) => {
      const correction = await correctMention(db, input);
      await changedCorrections();
      return correction;
    }),
    listCorrections: afterReady(() => listCorrections(db)),
    undoCorrection: afterReady(async ({ id }) => {
      const undone = await undoCorrection(db, id);
      if (undone) await changedCorrections();
      return undone;
    }),
    // Not after the bundled packs: corrections are apart from them, and a page holds the names
    // they may be about until this answers.
    getCorrections: ({ site }) => correctionsForSite(db, site),
  };
}

/** A full disk is the user's to fix; say so plainly. Writes are transactions: nothing was half-saved. */
export const STORAGE_FULL =
  "Gloss could not save this: the browser's storage for Gloss is full. Nothing was changed. Free some disk space, or delete notes or packs you no longer need, and try again.";

function explain(error: unknown): unknown {
  const names = [(error as Error)?.name, (error as { inner?: Error })?.inner?.name];
  return names.includes('QuotaExceededError') ? new Error(STORAGE_FULL) : error;
}

/** The extension itself, as senders name it: its id and the origin of its pages. */
export interface Self {
  id: string;
  origin: string;
}

/**
 * Answers each key's messages, after its rule (src/messaging/rules.ts) admits the caller and the
 * data: a refused call never reaches the handler or the database.
 */
export function registerHandlers(handlers: Handlers, self: Self = extensionSelf()): () => void {
  const removers = PROTOCOL_KEYS.map((key) =>
    onMessage(key, ({ data, sender }) => {
      const checked = admit(key, data, callerOf(sender, self));
      // biome-ignore lint/suspicious/noExplicitAny: each key's handler matches its own data type
      return (handlers[key] as (data: any, sender: Sender) => Promise<any>)(checked, {
        tabId: sender?.tab?.id,
      });
    }),
  );
  return () => {
    for (const remove of removers) remove();
  };
}

function extensionSelf(): Self {
  return { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
}
