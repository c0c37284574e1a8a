// Capture: turn an article into a knowledge pack (issue 8). Pure: text in, pack out.
// Entities come from capitalised names, acronyms and quoted titles, typed with compromise's
// lexicon and tagger; each entity's facts are the article's sentences that name it. The article's
// language (its words, else its lang) picks the rules: see extract/languages.ts for the others.
import nlp from 'compromise';
import { type ScanContext, scanSentence } from './extract/candidates';
import { type Candidate, groupMentions, mergeCandidates } from './extract/entities';
import { factText, MAX_FACTS_PER_ENTITY, quoteOf, SentenceIndex } from './extract/facts';
import { captureLanguage, familyNameFirst, namesInLanguage, splitRuns } from './extract/languages';
import { rankCandidates } from './extract/salience';
import { type Sentence, splitSentences } from './extract/sentences';
import { canonicalLang } from './lang';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type Pack, type PackEntity, type PackFact } from './pack';

export interface ArticleInput {
  title: string;
  url: string;
  text: string;
  publishedAt?: string;
  siteName?: string;
  language?: string;
  byline?: string;
}

export interface ExtractOptions {
  /** Clock for `pack.createdAt`; fix it for reproducible output. */
  now?: Date;
}

const SOURCE_ID = 'article';
/** Characters of first-mention sentences given to compromise's (slow) tagger to type unknown names. */
const TAGGER_BUDGET = 1500;

/**
 * The article's candidate entities, most salient first (the review keeps the first DEFAULT_KEPT and
 * offers the rest as "More candidates"), read by the rules of the article's language.
 */
function findCandidates(article: ArticleInput): {
  sentences: Sentence[];
  candidates: Candidate[];
  lang: string;
} {
  const text = article.text;
  const lang = captureLanguage(text, article.language);
  const sentences = splitSentences(text, lang);
  const ctx: ScanContext = {
    text,
    lowerWords: new Set(
      text.match(/(?<![\p{L}\p{M}\p{N}])\p{Ll}[\p{L}\p{M}]*(?:[-‐'’][\p{L}\p{M}]+)*/gu) ?? [],
    ),
    lang,
  };
  const english = lang === 'en';
  const mentions = sentences.flatMap((s, i) => scanSentence(s, i, ctx));
  let groups = groupMentions(english ? mentions : splitRuns(mentions, lang), ctx.lowerWords);
  // compromise's tagger reads English only.
  if (english)
    typeWithTagger(
      groups,
      sentences.map((s) => s.text),
    );
  else groups = namesInLanguage(groups, lang, text);
  const candidates = rankCandidates(mergeCandidates(groups, familyNameFirst(lang)), {
    title: article.title,
    text,
    sentences,
    lang,
  });
  return { sentences, candidates, lang };
}

/** Extract a knowledge pack from an article's text. */
export function extractPack(article: ArticleInput, options: ExtractOptions = {}): Pack {
  const now = options.now ?? new Date();
  const { sentences, candidates, lang } = findCandidates(article);

  const index = new SentenceIndex(sentences);
  const entities: PackEntity[] = [];
  const facts: PackFact[] = [];
  const entityIds = new Set<string>();
  for (const c of candidates) {
    const id = uniqueId(slug(c.name, 60) || 'entity', entityIds);
    entities.push({ id, name: c.name, type: c.type, aliases: c.aliases });
    const found = new Set([
      ...c.mentions.map((m) => m.sentence),
      ...index.mentioning([c.name, ...c.aliases]),
    ]);
    const quotes = new Set<string>();
    for (const i of [...found].sort((a, b) => a - b)) {
      const s = sentences[i];
      if (!s || quotes.size >= MAX_FACTS_PER_ENTITY) continue;
      const quote = quoteOf(s, c.name);
      if (quotes.has(quote)) continue;
      quotes.add(quote);
      facts.push({
        id: `${id}.${quotes.size}`,
        entityId: id,
        sourceId: SOURCE_ID,
        text: factText(quote, c.name),
        quote,
      });
    }
  }

  const published = isoDate(article.publishedAt);
  const url = /^https?:\/\/\S+$/i.test(article.url) && article.url.length <= 2048 ? article.url : undefined;
  const host = url ? hostOf(url) : '';
  const capturedOn = now.toISOString().slice(0, 10);
  const title = clip(article.title.trim() || host || 'Captured article', 300);
  return {
    format: PACK_FORMAT,
    version: PACK_FORMAT_VERSION,
    pack: {
      id: packId(url, title, published ?? capturedOn),
      version: 1,
      title,
      description: `Captured from ${article.siteName?.trim() || host || 'an article'} on ${capturedOn}`,
      language: validLanguage(article.language) ?? lang,
      createdAt: now.toISOString(),
    },
    sources: [
      {
        id: SOURCE_ID,
        title: clip(article.title.trim() || title, 1000),
        ...(url ? { url } : {}),
        ...(article.siteName?.trim() ? { publisher: clip(article.siteName.trim(), 500) } : {}),
        ...(published ? { publishedAt: published } : {}),
      },
    ],
    entities,
    facts,
  };
}

/**
 * compromise's tagger is too slow to run over a whole 50 KB article (~0.5 s), so it only sees the
 * first sentence of each name the lexicon and context rules left untyped, within a budget.
 */
function typeWithTagger(groups: Candidate[], sentences: string[]): void {
  const untyped = groups.filter((g) => g.type === 'other' && g.mentions.every((m) => m.hint !== 'other'));
  const picked = new Map<number, string>();
  let size = 0;
  for (const g of untyped) {
    const i = Math.min(...g.mentions.map((m) => m.sentence));
    const s = sentences[i];
    if (s === undefined || picked.has(i)) continue;
    if (size + s.length > TAGGER_BUDGET) continue;
    picked.set(i, s);
    size += s.length + 2;
  }
  if (picked.size === 0) return;
  const doc = nlp([...picked.values()].join('\n\n'));
  const found = new Map<string, Candidate['type']>();
  const note = (list: Array<{ text: string }>, type: Candidate['type']) => {
    for (const { text } of list) {
      const key = text
        .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '')
        .replace(/['’]s$/u, '')
        .toLowerCase();
      if (!found.has(key)) found.set(key, type);
    }
  };
  note(doc.people().json() as Array<{ text: string }>, 'person');
  note(doc.places().json() as Array<{ text: string }>, 'place');
  note(doc.organizations().json() as Array<{ text: string }>, 'organization');
  for (const g of untyped) {
    const type = found.get(g.name.toLowerCase());
    if (type) g.type = type;
  }
}

function slug(s: string, max: number): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, '-')
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .slice(0, max)
    .replace(/[-.]+$/, '');
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

function packId(url: string | undefined, title: string, date: string): string {
  let base = '';
  if (url) {
    try {
      const u = new URL(url);
      base = slug(`${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\.[a-z0-9]+$/i, '')}`, 160);
    } catch {
      base = '';
    }
  }
  if (!base) base = slug(title, 160) || 'captured';
  // The calendar day only: a time with a "+01:00" offset would put a "+" in the id, which ids refuse.
  return `${base}-${date.slice(0, 10)}`;
}

function isoDate(value: string | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  const v = value.trim();
  if (
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(v) &&
    !Number.isNaN(Date.parse(v.slice(0, 10)))
  )
    return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

function validLanguage(tag: string | undefined): string | undefined {
  const canonical = canonicalLang(tag, '');
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(canonical) ? canonical : undefined;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
