// The background's trust boundary, one row per protocol key: who may call it, and what its data
// must look like. A content script runs in every frame of every site, so anything it may call, a
// hostile page that subverts it may call too; whatever reads or changes the whole knowledge base
// (export, import, delete, packs, drafts, all notes, search) answers only Gloss's own pages.
// The background checks each message against its row before the handler runs (handlers.ts).
// Kept out of protocol.ts so content scripts, which import that, do not bundle valibot.
import type { GetDataType } from '@webext-core/messaging';
import * as v from 'valibot';
import type { Pack } from '@/src/core/pack';
import { ENTITY_TYPES } from '@/src/core/vocabulary';
import type { GlossProtocol } from './protocol';

/** "page": content scripts may call it too. "privileged": only Gloss's extension pages. */
export type Trust = 'page' | 'privileged';

/** Who sent a message: one of Gloss's extension pages, or a content script in some web page. */
export type Caller = 'extension' | 'page';

type Data<K extends keyof GlossProtocol> = GetDataType<GlossProtocol[K]>;

export interface CallRule<D> {
  trust: Trust;
  data: v.GenericSchema<unknown, D>;
  /** Narrower data when a content script calls (e.g. create only, never edit by key). */
  pageData?: v.GenericSchema<unknown, D>;
}

// Limits a legitimate caller never reaches; they stop a subverted page from handing the background
// unbounded work or storage through one field.
/** A key, id or short name. */
const MAX_KEY = 1_000;
/** A note, fact, quote or description typed by a person. */
const MAX_TEXT = 100_000;
/** A page URL (browsers cap them near 2 MB; ordinary pages are far below). */
const MAX_URL = 100_000;
/** An article's text, as captured from a page. */
const MAX_ARTICLE = 10_000_000;
/** Pack and backup files: the pack format's own limit (MAX_PACK_BYTES) is checked by the handler. */
const MAX_FILE = 500_000_000;
/** Identities a page asks context profiles for at once (a scan batch's ambiguous candidates). */
const MAX_PROFILES = 2_000;
/** Keys asked for at once, aliases per entity, quotes reported per page. */
const MAX_ITEMS = 10_000;

const str = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const list = <T>(item: v.GenericSchema<unknown, T>) =>
  v.pipe(v.array(item), v.maxLength(MAX_ITEMS, `more than ${MAX_ITEMS} items`));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** Calls without data. */
const none = v.undefined();
const byId = v.object({ id: str(MAX_KEY) });
const byKey = v.object({ key: str(MAX_KEY) });
const file = v.object({ json: str(MAX_FILE) });

const entityFields = {
  name: str(MAX_KEY),
  type: v.picklist(ENTITY_TYPES, `expected one of ${ENTITY_TYPES.join(', ')}`),
  aliases: list(str(MAX_KEY)),
  description: v.optional(str(MAX_TEXT)),
  caseSensitive: v.optional(v.boolean()),
};
const factFields = {
  entityKey: str(MAX_KEY),
  text: str(MAX_TEXT),
  quote: str(MAX_TEXT),
  sourceTitle: str(MAX_KEY),
  sourceUrl: v.optional(str(MAX_URL)),
};
const createOnly = v.optional(v.undefined('a page can only create, not edit by key'));

const selector = v.object({ exact: str(MAX_TEXT), prefix: str(MAX_TEXT), suffix: str(MAX_TEXT) });

const article = v.object({
  title: str(MAX_TEXT),
  url: str(MAX_URL),
  text: str(MAX_ARTICLE),
  publishedAt: v.optional(str(MAX_KEY)),
  siteName: v.optional(str(MAX_KEY)),
  language: v.optional(str(MAX_KEY)),
  byline: v.optional(str(MAX_KEY)),
});

/** Only the shape: saveDraft validates the pack itself and answers with every error, by field. */
const pack = v.custom<Pack>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected a pack object',
);

/** One row per key; `satisfies` makes a missing, extra or mistyped row a type error. */
export const CALL_RULES = {
  getMatcher: { trust: 'page', data: v.object({ revision: v.optional(str(MAX_KEY)) }) },
  // Its size is limited per tab and minute by the background's match budget, not here.
  matchTexts: { trust: 'page', data: v.object({ texts: v.array(v.string()) }) },
  getEntity: { trust: 'page', data: byKey },
  getContextProfiles: {
    trust: 'page',
    data: v.object({
      ids: v.pipe(v.array(str(MAX_KEY)), v.maxLength(MAX_PROFILES, `more than ${MAX_PROFILES} ids`)),
    }),
  },
  listNotesForPage: { trust: 'page', data: v.object({ url: str(MAX_URL) }) },
  reportAnchors: {
    trust: 'page',
    data: v.object({ url: str(MAX_URL), found: list(v.string()), missing: list(v.string()) }),
  },
  createNote: {
    trust: 'page',
    data: v.object({
      entityKey: str(MAX_KEY),
      text: str(MAX_TEXT),
      pageUrl: str(MAX_URL),
      pageTitle: str(MAX_TEXT),
      quote: str(MAX_TEXT),
      selector: v.optional(selector),
    }),
  },
  updateNote: {
    trust: 'page',
    data: v.object({ id: str(MAX_KEY), text: str(MAX_TEXT), baseVersion: v.optional(count) }),
  },
  deleteNote: { trust: 'page', data: byId },
  reportPage: {
    trust: 'page',
    data: v.object({
      mentions: count,
      active: v.boolean(),
      url: v.optional(str(MAX_URL)),
      title: v.optional(str(MAX_TEXT)),
      counts: v.optional(list(v.object({ key: str(MAX_KEY), count }))),
    }),
  },
  // The selection composer (content script) picks an entity, or makes one, for a fact.
  listEntities: {
    trust: 'page',
    data: v.object({
      query: v.optional(str(MAX_KEY)),
      packId: v.optional(str(MAX_KEY)),
      offset: v.optional(count),
      limit: v.optional(count),
    }),
  },
  // The manager's entity browser.
  listIdentities: {
    trust: 'privileged',
    data: v.object({ query: v.optional(str(MAX_KEY)), offset: v.optional(count), limit: v.optional(count) }),
  },
  saveEntity: {
    trust: 'page',
    data: v.object({ key: v.optional(str(MAX_KEY)), ...entityFields }),
    pageData: v.object({ key: createOnly, ...entityFields }),
  },
  saveFact: {
    trust: 'page',
    data: v.object({ key: v.optional(str(MAX_KEY)), ...factFields }),
    pageData: v.object({ key: createOnly, ...factFields }),
  },

  // A page learns only its own site's corrections (and those for everywhere).
  getCorrections: { trust: 'page', data: v.object({ site: str(MAX_KEY) }) },

  search: { trust: 'privileged', data: v.object({ query: str(MAX_TEXT), limit: v.optional(count) }) },
  listNotes: { trust: 'privileged', data: v.object({ entityKey: v.optional(str(MAX_KEY)) }) },
  reattachNote: { trust: 'privileged', data: v.object({ id: str(MAX_KEY), entityKey: str(MAX_KEY) }) },
  listPacks: { trust: 'privileged', data: none },
  importPack: { trust: 'privileged', data: file },
  warmLinkIndex: { trust: 'privileged', data: none },
  exportPack: { trust: 'privileged', data: byId },
  setPackEnabled: { trust: 'privileged', data: v.object({ id: str(MAX_KEY), enabled: v.boolean() }) },
  removePack: { trust: 'privileged', data: byId },
  getEntities: { trust: 'privileged', data: v.object({ keys: list(str(MAX_KEY)) }) },
  deleteEntity: { trust: 'privileged', data: byKey },
  deleteFact: { trust: 'privileged', data: byKey },
  exportAll: { trust: 'privileged', data: none },
  importAll: { trust: 'privileged', data: file },
  deleteAllData: { trust: 'privileged', data: none },
  // Opens a manager tab and stores a draft: only the popup's "Capture this article" asks.
  captureArticle: { trust: 'privileged', data: article },
  getDraft: { trust: 'privileged', data: byId },
  saveDraft: {
    trust: 'privileged',
    data: v.object({
      id: str(MAX_KEY),
      pack,
      links: v.optional(v.record(str(MAX_KEY), v.nullable(str(MAX_KEY)))),
    }),
  },
  getEntityPage: { trust: 'privileged', data: byKey },
  linkEntity: {
    trust: 'privileged',
    data: v.object({ entityKey: str(MAX_KEY), to: v.nullable(str(MAX_KEY)) }),
  },
  clearHistory: { trust: 'privileged', data: none },
  previewLinks: { trust: 'privileged', data: v.object({ pack }) },
  discardDraft: { trust: 'privileged', data: byId },
  listDrafts: { trust: 'privileged', data: none },
  // The card (an extension page in its frame) corrects; a web page never can.
  correctMention: {
    trust: 'privileged',
    data: v.object({
      alias: v.pipe(str(MAX_KEY), v.regex(/\S/, 'blank string')),
      wrong: v.optional(str(MAX_KEY)),
      right: v.nullable(str(MAX_KEY)),
      scope: v.picklist(['context', 'site', 'everywhere'], 'expected context, site or everywhere'),
      site: str(MAX_KEY),
      cues: v.optional(v.pipe(v.array(str(MAX_KEY)), v.maxLength(100, 'more than 100 items'))),
    }),
  },
  listCorrections: { trust: 'privileged', data: none },
  undoCorrection: { trust: 'privileged', data: byId },
} satisfies { [K in keyof GlossProtocol]: CallRule<Data<K>> };

/** The same table, typed by key, so a generic caller gets its key's data type. */
const RULES: { [K in keyof GlossProtocol]: CallRule<Data<K>> } = CALL_RULES;

export const PROTOCOL_KEYS = Object.keys(CALL_RULES) as Array<keyof GlossProtocol>;

/** Why the background would not run a call: the caller may not, or its data is malformed. */
export class RefusedCall extends Error {
  override name = 'GlossRefusedCall';
}

/**
 * Gloss's extension pages have URLs under the extension's own origin; a content script's sender is
 * the web page's frame. Both carry the extension's id (a message from another extension would not).
 */
export function callerOf(
  sender: { id?: string; url?: string } | undefined,
  self: { id: string; origin: string },
): Caller {
  return sender?.id === self.id && sender.url?.startsWith(self.origin) ? 'extension' : 'page';
}

/** The call's data, checked against its row; throws RefusedCall naming the key and the field. */
export function admit<K extends keyof GlossProtocol>(key: K, data: unknown, caller: Caller): Data<K> {
  const rule = RULES[key];
  if (rule.trust === 'privileged' && caller !== 'extension') {
    throw new RefusedCall(
      `Gloss refused "${key}" from a web page: only Gloss's own pages (popup, manager) may call it.`,
    );
  }
  const schema = (caller === 'page' && rule.pageData) || rule.data;
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const field = v.getDotPath(issue);
  throw new RefusedCall(`Gloss refused "${key}": ${field ? `${field}: ` : ''}${issue.message}`);
}
