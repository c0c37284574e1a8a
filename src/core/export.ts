// Pure helpers for the manager: notes as Markdown, note search/filter/sort, file names.
// No DOM, browser or database imports: everything here is strings and records in, data out.
import type { Note } from './note';
import { foldForSearch as fold } from './search-text';

/** What a note needs to be exported or filtered (NoteView and NoteRecord both fit). */
export interface NoteLike extends Note {
  orphaned?: boolean;
}

/** Page notes are about a selection, not an entity: their entityKey is "". */
export const isPageNote = (note: Pick<NoteLike, 'entityKey'>) => note.entityKey === '';
export const PAGE_NOTES = 'Page notes';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Escapes text so Markdown renders it as the same text. Inline markup characters always get a
 * backslash (CommonMark allows one before any ASCII punctuation); characters that are markup only
 * at the start of a line (lists, headings' setext underlines, quotes, ordered lists) get one there.
 * Leading white space is dropped, or four spaces would make a code block.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .trimStart()
        .replace(/[\\`*_[\]<>#&|~]/g, (char) => `\\${char}`)
        .replace(/^[-+=>]/, (char) => `\\${char}`)
        .replace(/^(\d+)([.)])/, '$1\\$2'),
    )
    .join('\n');
}

/** Multi-line text as Markdown: lines end in hard breaks, blank lines stay paragraph breaks. */
function markdownLines(text: string, prefix = ''): string {
  const lines = escapeMarkdown(text.trim()).split('\n');
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      const hardBreak = line !== '' && next !== undefined && next !== '';
      return `${prefix}${line}${hardBreak ? '\\' : ''}`.trimEnd();
    })
    .join('\n');
}

/** The URL if it is an http(s) link, else undefined: other schemes must never become links. */
export function webUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The host of a note's page ("example.org"), or "" when it has no web address. */
export function siteOf(url: string): string {
  const safe = webUrl(url);
  return safe ? new URL(safe).host : '';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as "2024-06-14 09:05 UTC": the same in every time zone, so exports compare. */
export function utcStamp(ms: number): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "2024-06-14" in local time, for file names like gloss-backup-2024-06-14.json. */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export const backupFileName = (now: number) => `gloss-backup-${localDay(now)}.json`;
export const notesFileName = (now: number) => `gloss-notes-${localDay(now)}.md`;
export const annotationsFileName = (now: number) => `gloss-notes-${localDay(now)}.jsonld`;
export const packFileName = (packId: string) => `${packId}.gloss-pack.json`;

const compareText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });

/**
 * Notes as one Markdown document, grouped by entity (A–Z), oldest note first in each group:
 * the text, the quoted sentence as a blockquote, the page link and the dates. All user text is
 * escaped, so a note saying "**hi**" reads "**hi**", not bold.
 */
export function notesToMarkdown(notes: ReadonlyArray<NoteLike>, exportedAt?: number): string {
  const groups = new Map<string, NoteLike[]>();
  for (const note of notes) {
    const group = groups.get(note.entityKey);
    if (group) group.push(note);
    else groups.set(note.entityKey, [note]);
  }
  const groupName = (group: NoteLike[]) =>
    group[0] && isPageNote(group[0]) ? PAGE_NOTES : (group[0]?.entityName ?? '');
  const ordered = [...groups.values()].sort((a, b) => compareText(groupName(a), groupName(b)) || 0);
  const out: string[] = ['# Gloss notes', ''];
  const count = `${notes.length} ${notes.length === 1 ? 'note' : 'notes'}`;
  out.push(exportedAt === undefined ? count : `${count}, exported ${utcStamp(exportedAt)}`, '');
  for (const group of ordered) {
    const first = group[0];
    if (!first) continue;
    const name = isPageNote(first) ? PAGE_NOTES : first.entityName.trim() || first.entityKey;
    out.push(`## ${markdownLines(name.replace(/\s+/g, ' '))}${first.orphaned ? ' (orphaned)' : ''}`, '');
    for (const note of [...group].sort((a, b) => a.createdAt - b.createdAt)) {
      out.push(markdownLines(note.text), '');
      const quote = note.selector?.exact ?? note.quote;
      if (quote.trim()) out.push(markdownLines(quote, '> '), '');
      const href = webUrl(note.pageUrl);
      const title = escapeMarkdown((note.pageTitle.trim() || note.pageUrl).replace(/\s+/g, ' '));
      // <…> destinations keep parentheses in URLs from ending the link early.
      if (href) out.push(`Page: [${title || escapeMarkdown(href)}](<${href}>)\\`);
      else if (title) out.push(`Page: ${title}\\`);
      const edited = note.updatedAt > note.createdAt ? `, edited ${utcStamp(note.updatedAt)}` : '';
      out.push(`Written ${utcStamp(note.createdAt)}${edited}`, '', '---', '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** The W3C Web Annotation vocabulary's JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextQuoteSelectorJson {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'commenting';
  created: string;
  modified: string;
  body: Array<{
    type: 'TextualBody';
    value: string;
    format: 'text/plain';
    purpose: 'commenting' | 'tagging';
  }>;
  /** The page (with the quote's selector), or for a note written without a page, its entity. */
  target: { source: string; selector?: TextQuoteSelectorJson };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An entity as a resource other tools can name: a URN built from its key ("packId/id"). Not the
 * manager's own address: that is chrome-extension://<id>/… or, in Firefox, a random address per
 * installation, so it would differ between browsers and devices and resolve nowhere else; the URN
 * names the same entity in every export, and packs share keys across installations.
 */
export function entityIri(entityKey: string): string {
  return `urn:gloss:entity:${entityKey.split('/').map(encodeURIComponent).join('/')}`;
}

/** A note's id as an IRI: urn:uuid for the ids Gloss makes, a Gloss URN for any other id. */
export function noteIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id.toLowerCase()}` : `urn:gloss:note:${encodeURIComponent(id)}`;
}

/** The address if it is an absolute IRI with a scheme (what the model requires of a source). */
function absoluteIri(url: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url) || /[\s<>"{}|\\^`]/.test(url)) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/**
 * Notes as a W3C Web Annotation collection (JSON-LD), oldest first: each note is an Annotation
 * whose body is its text and whose target is its page, with a TextQuoteSelector — a page note's
 * own selector, or an entity note's sentence as the exact text; a note written without a page
 * targets its entity (entityIri). The entity is a tagging body. Every id and source is an IRI.
 */
export function notesToWebAnnotations(notes: ReadonlyArray<NoteLike>, exportedAt = 0): AnnotationCollection {
  const items = [...notes]
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((note): WebAnnotation => {
      const body: WebAnnotation['body'] = [
        { type: 'TextualBody', value: note.text, format: 'text/plain', purpose: 'commenting' },
      ];
      if (!isPageNote(note) && note.entityName.trim()) {
        body.push({ type: 'TextualBody', value: note.entityName, format: 'text/plain', purpose: 'tagging' });
      }
      const selector: TextQuoteSelectorJson | undefined = note.selector
        ? { type: 'TextQuoteSelector', ...note.selector }
        : note.quote.trim()
          ? { type: 'TextQuoteSelector', exact: note.quote }
          : undefined;
      // A note written in the manager or the popup has no page: its target is the entity it is
      // about (a quote cannot select text of an entity, so it has no selector then).
      const page = absoluteIri(note.pageUrl);
      const source =
        page ??
        (isPageNote(note)
          ? `urn:gloss:page:${encodeURIComponent(note.pageUrl || note.id)}`
          : entityIri(note.entityKey));
      return {
        id: noteIri(note.id),
        type: 'Annotation',
        motivation: 'commenting',
        created: new Date(note.createdAt).toISOString(),
        modified: new Date(note.updatedAt).toISOString(),
        body,
        target: { source, ...(page && selector ? { selector } : {}) },
      };
    });
  const id = `urn:gloss:notes:${exportedAt}`;
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Gloss notes',
    total: items.length,
    first: { id: `${id}:page1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

export type NoteSort = 'edited' | 'oldest' | 'entity';
export type NoteDateRange = 'all' | '7' | '30';

export interface NoteQuery {
  text: string;
  /** An entity key, "orphaned" for notes whose entity is gone, "page" for page notes, or "" for all. */
  entity: string;
  /** A host, or "" for all. */
  site: string;
  /** Written or edited in the last N days. */
  date: NoteDateRange;
  sort: NoteSort;
}

export const ALL_NOTES: NoteQuery = { text: '', entity: '', site: '', date: 'all', sort: 'edited' };

/** The notes a query shows, in its order. Every word of the text must appear in the note somewhere. */
export function filterNotes<T extends NoteLike>(notes: ReadonlyArray<T>, query: NoteQuery, now: number): T[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  const since = query.date === 'all' ? -Infinity : now - Number(query.date) * DAY;
  const shown = notes.filter((note) => {
    if (query.entity === 'orphaned' && !note.orphaned) return false;
    if (query.entity === 'page' && !isPageNote(note)) return false;
    if (query.entity && !['orphaned', 'page'].includes(query.entity) && note.entityKey !== query.entity) {
      return false;
    }
    if (query.site && siteOf(note.pageUrl) !== query.site) return false;
    if (Math.max(note.updatedAt, note.createdAt) < since) return false;
    if (!words.length) return true;
    const haystack = fold([note.text, note.quote, note.entityName, note.pageTitle, note.pageUrl].join('\n'));
    return words.every((word) => haystack.includes(word));
  });
  const order: Record<NoteSort, (a: T, b: T) => number> = {
    edited: (a, b) => b.updatedAt - a.updatedAt,
    oldest: (a, b) => a.createdAt - b.createdAt,
    entity: (a, b) => compareText(a.entityName, b.entityName) || b.updatedAt - a.updatedAt,
  };
  return shown.sort(order[query.sort]);
}

/** Distinct values to filter by: entities (by name) and sites, sorted. */
export function noteFacets(notes: ReadonlyArray<NoteLike>): {
  entities: Array<{ key: string; name: string }>;
  sites: string[];
} {
  const entities = new Map<string, string>();
  const sites = new Set<string>();
  for (const note of notes) {
    if (!isPageNote(note) && !entities.has(note.entityKey))
      entities.set(note.entityKey, note.entityName || note.entityKey);
    const site = siteOf(note.pageUrl);
    if (site) sites.add(site);
  }
  return {
    entities: [...entities].map(([key, name]) => ({ key, name })).sort((a, b) => compareText(a.name, b.name)),
    sites: [...sites].sort(compareText),
  };
}

/** "12.3 MB", "840 KB", "512 bytes": how big a file is, for "Importing 12.3 MB…". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A host name as typed by a person ("https://www.Example.org/x" → "www.example.org"), or null. */
export function normalizeHost(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`).host;
    return host && /^[\p{L}\p{N}.:[\]-]+$/u.test(host) ? host.toLowerCase() : null;
  } catch {
    return null;
  }
}
