// What a person reviewing a capture wants first: real names, the article's main subjects on top.
// Rejects fragments, generic words, job titles, datelines, time zones and stop-word names, and
// ranks the rest by salience; the review keeps the first DEFAULT_KEPT (src/core/review.ts). Pure.

import { isAcronym, isFunctionWord } from './candidates';
import type { Candidate } from './entities';
import { functionWords } from './function-words';
import { EXPANSIONS, lexiconTags } from './lexicon';
import type { Sentence } from './sentences';

export type RejectReason = 'fragment' | 'generic' | 'job-title' | 'dateline' | 'time-zone' | 'stop-words';

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Capitalised words that are a section, a desk or a common noun in a headline, never a thing by
 * themselves ("Wall" of Wall Street cut off, "Department" of a longer name, "Local" news). A name
 * made of several words may hold them ("Interior Ministry"); alone they are rejected.
 */
const GENERIC = words(
  'wall department interior tv south north east west local sales council tourism lawmakers security ' +
    'climate earth world national international global federal public news media press radio television ' +
    'online digital business economy finance health education science technology tech sport sports ' +
    'culture politics opinion analysis live breaking exclusive update updates weather travel markets money ' +
    'life style food home podcast newsletter government ministry parliament court police army navy military ' +
    'embassy committee agency office state city capital region province district county republic ' +
    'union party group company center centre institute museum airport station bank market street road ' +
    'square staff aunties muslim muslims islamist islamists christian christians jewish catholic catholics ' +
    'internet web poverty inequality freedom central posters acquisitions',
);

/** Words of a job title: "Asia Digital Editor for NBC News", "Aerospace Writer Marcia Dunn". */
const JOB_WORDS = words(
  'editor editors writer writers correspondent correspondents reporter reporters columnist producer ' +
    'photographer anchor contributor contributors bureau chief-of-staff spokesman spokeswoman spokesperson',
);

/** The second half of an adjective compound: "London-based", "Islamist-led", "al-Qaeda-linked". */
const COMPOUND_ADJECTIVE = /-(?:based|led|backed|born|linked|made|owned|run|funded|style|era|bound|wide)$/i;
const DIRECTIONS = words('north south east west northern southern eastern western central');

/** "North African", "American-Sudanese": words for people of a place, not a thing of their own. */
function isDemonymPhrase(name: string): boolean {
  const parts = name.toLowerCase().split(/[\s-]+/);
  return (
    parts.some((w) => lexiconTags(w).includes('Demonym')) &&
    parts.every((w) => DIRECTIONS.has(w) || lexiconTags(w).includes('Demonym'))
  );
}

/** Time zones written in capitals next to times: "1451 GMT". */
const TIME_ZONES = words(
  'gmt utc est edt cst cdt mst mdt pst pdt akst akdt hst bst cet cest eet eest wet west ist jst kst ' +
    'aest aedt acst awst nzst nzdt msk hkt sgt pht wib',
);

export interface ArticleView {
  title: string;
  text: string;
  sentences: Sentence[];
  /** The article's language, a primary subtag; English when absent. */
  lang?: string;
}

/** Why a candidate is not a name worth offering, or undefined when it is. */
export function rejectReason(c: Candidate, article: ArticleView): RejectReason | undefined {
  const names = c.name.split(/\s+/);
  const lower = names.map((w) => w.toLowerCase());
  // "US" is an acronym, not the pronoun: only names not written in capitals can be stop-words.
  if (!isAcronym(c.name) && lower.every((w) => isFunctionWord(w.replace(/[.’']+$/u, ''), article.lang)))
    return 'stop-words';
  // "TAKŻE" of "CZYTAJ TAKŻE": a word in capitals is an acronym in English; elsewhere it may be a
  // shouted function word.
  if ((article.lang ?? 'en') !== 'en' && lower.every((w) => functionWords(article.lang as string).has(w)))
    return 'stop-words';
  if (names.length === 1 && TIME_ZONES.has(lower[0] as string)) return 'time-zone';
  if (names.length === 1 && GENERIC.has(lower[0] as string) && !EXPANSIONS[lower[0] as string])
    return 'generic';
  if (names.length === 1 && /^\p{Lu}\p{Ll}+ists$/u.test(c.name)) return 'generic'; // "Salafists", "Islamists"
  if (COMPOUND_ADJECTIVE.test(c.name) || isDemonymPhrase(c.name)) return 'generic';
  // "Virginia Democrat": a party member described, not named ("Democrats", the party, stays).
  if (names.length > 1 && /^(?:democrat|republican)$/.test(lower[lower.length - 1] as string))
    return 'generic';
  // "Tunisian Islamists": people described by origin and belief, not a group's name.
  if (
    names.length === 2 &&
    lexiconTags(lower[0] as string).includes('Demonym') &&
    /ists$/.test(lower[1] as string)
  )
    return 'generic';
  if (lower.some((w) => JOB_WORDS.has(w))) return 'job-title';
  if (c.mentions.every((m) => isFragment(article.text, m.start, m.surface))) return 'fragment';
  if (c.mentions.every((m) => isDateline(article.text, m.start, m.surface))) return 'dateline';
  return undefined;
}

/**
 * A mention cut short: at the end of the text, before an ellipsis ("Vladi…", "Netan..."), or not
 * a whole word where it stands (letters run on before or after it).
 */
export function isFragment(text: string, start: number, surface: string): boolean {
  if (text.slice(start, start + surface.length) !== surface) return false;
  const end = start + surface.length;
  const after = text.slice(end, end + 3);
  if (end >= text.trimEnd().length) return true;
  if (after.startsWith('…') || after.startsWith('...')) return true;
  const letter = /[\p{L}\p{M}]/u;
  return letter.test(text[start - 1] ?? '') || letter.test(text[end] ?? '');
}

/** "LONDON —", "MOSCOW (AP) —", "CAIRO, Egypt —": the place an article was filed from, in capitals. */
export function isDateline(text: string, start: number, surface: string): boolean {
  if (surface !== surface.toUpperCase() || !/\p{Lu}{3}/u.test(surface)) return false;
  const before = text.slice(Math.max(0, start - 2), start);
  if (start > 0 && !/(^|[\n.)\]"”]\s?|\s\s)$/u.test(before) && !/^\s*$/.test(text.slice(0, start)))
    return false;
  const after = text.slice(start + surface.length, start + surface.length + 40);
  return /^(?:,\s*[\p{L} .]+)?\s*(?:\([^)]{1,20}\)\s*)?[—–-]\s/u.test(after);
}

/**
 * How central a candidate is: how often it is named, whether the title or the lede names it,
 * and how far through the article its mentions spread (a name in every part outranks one
 * repeated in a single paragraph).
 */
export function salience(c: Candidate, article: ArticleView): number {
  const sentences = new Set(c.mentions.map((m) => m.sentence));
  const starts = c.mentions.map((m) => m.start);
  const spread = article.text.length ? (Math.max(...starts) - Math.min(...starts)) / article.text.length : 0;
  const lede = article.sentences.slice(0, 3);
  const ledeEnd = lede[lede.length - 1]?.end ?? 0;
  const inLede = starts.some((s) => s < ledeEnd);
  const inTitle = [c.name, ...c.aliases].some((n) => namesWord(article.title, n));
  return sentences.size + (inTitle ? 4 : 0) + (inLede ? 2 : 0) + 3 * spread;
}

/** `text` holds `name` as whole words, case aside. */
function namesWord(text: string, name: string): boolean {
  const at = text.toLowerCase().indexOf(name.toLowerCase());
  if (at === -1 || !name) return false;
  const letter = /[\p{L}\p{N}]/u;
  return !letter.test(text[at - 1] ?? '') && !letter.test(text[at + name.length] ?? '');
}

/**
 * "Russian Tuva" beside "Tuva": a demonym before a name the article also names alone, and nothing
 * the lexicon knows as a name of its own ("German East Africa" is a place, and stays).
 */
function describesAnother(c: Candidate, named: Set<string>): boolean {
  const [head, ...rest] = c.name.split(/\s+/);
  return (
    c.type === 'other' &&
    rest.length > 0 &&
    lexiconTags((head as string).toLowerCase()).includes('Demonym') &&
    named.has(rest.join(' ').toLowerCase())
  );
}

/**
 * "Aerospace Writer Marcia Dunn" is the person Marcia Dunn: a job title followed by a name of two
 * or more capitalised words gives way to the name. "Asia Digital Editor for NBC News" has no name
 * after its title, so it stays and is rejected as a job title.
 */
export function withoutJobTitle(c: Candidate): Candidate {
  const parts = c.name.split(/\s+/);
  const at = parts.findLastIndex((w) => JOB_WORDS.has(w.toLowerCase()));
  const rest = parts.slice(at + 1);
  if (at < 0 || rest.length < 2 || !rest.every((w) => /^\p{Lu}/u.test(w))) return c;
  const name = rest.join(' ');
  const surface = (m: Candidate['mentions'][number]) => {
    const i = m.surface.lastIndexOf(name);
    return i < 0 ? m : { ...m, surface: name, start: m.start + i };
  };
  return {
    ...c,
    name,
    type: 'person',
    aliases: c.aliases.filter((a) => a !== c.name),
    mentions: c.mentions.map(surface),
  };
}

/** The candidates worth offering, most salient first (ties: the first named first). */
export function rankCandidates(candidates: Candidate[], article: ArticleView): Candidate[] {
  const first = (c: Candidate) => Math.min(...c.mentions.map((m) => m.start));
  const named = new Set(candidates.map((c) => c.name.toLowerCase()));
  return candidates
    .map(withoutJobTitle)
    .filter((c) => rejectReason(c, article) === undefined && !describesAnother(c, named))
    .map((c) => ({ c, score: salience(c, article) }))
    .sort((a, b) => b.score - a.score || first(a.c) - first(b.c))
    .map(({ c }) => c);
}
