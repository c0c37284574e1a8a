import { canonicalLang } from '../lang';

// The language of a run of text from its script and its commonest words, for pages that say
// nothing (no lang) or say something wrong (a Polish article under <html lang="en">). Pure; part
// of the content script (src/content/matching.ts), asked only when an inflected form is found.

/** Stop words per language: short, frequent, and few shared between the languages listed. */
const STOP_WORDS: Readonly<Record<string, string>> = {
  en: 'the and of to in is that for on with was as by it from at are this be has have which were their said',
  de: 'der die das und ist nicht ein eine den dem des mit sich auf für von auch im zu wird wurde dass nach bei sind aus zum zur über noch',
  fr: 'le la les de à l d qu et est une des du dans que qui pour pas sur au aux avec il elle ce cette par plus selon sont ont été leur',
  es: 'el de la los las y es una del en que por con para se su sus al lo como más pero fue ha según sobre está',
  it: 'il lo la gli degli all dell nell sull l le e è una del della dei che per con non si sono di al alla come più anche ha nel nella',
  pt: 'o a os as e é um uma do da dos das em que para com não se por no na ao mais foi como segundo também',
  nl: 'de het een en van is in dat op te met voor zijn niet aan er ook als bij door werd heeft om naar',
  pl: 'i w z na do się nie że to jest od po jak ale za przez dla oraz jego ich już czy który która które także przed być są był była',
  cs: 'a v na se je že to s z do o k i jako by pro ale jeho jsou byl byla bylo podle také který která které při už jen mezi nebo',
  ro: 'și în de la cu pe a al ai ale este sunt că nu o un pentru din care mai fost după despre sau',
  hu: 'a az és hogy nem is egy meg de van volt már csak még mint ez azt ezt szerint után között pedig vagy amely aki majd mert nagy kell most fel',
  ru: 'и в во не что он на с со как а то все она так его но да к у же за бы по от из о для это при также который которые была было были был после между где уже чтобы',
  uk: 'і й в у на з із що не до та як за по від для це його її їх але який яка які також після між був була було були щоб вже',
};

/** Letters that only one or two of the languages use: strong evidence even in a short text. */
const LETTERS: ReadonlyArray<[RegExp, string]> = [
  [/[łąęśźżń]/, 'pl'],
  [/[řůě]/, 'cs'],
  [/[őű]/, 'hu'],
  [/ß/, 'de'],
  [/[ăâîșşțţ]/, 'ro'],
  [/[ãõ]/, 'pt'],
  [/ñ/, 'es'],
  [/[іїєґ]/, 'uk'],
  [/[ыэъё]/, 'ru'],
];

const words = new Map<string, Set<string>>(
  Object.entries(STOP_WORDS).map(([lang, list]) => [lang, new Set(list.split(' '))]),
);

const CYRILLIC_RE = /\p{Script=Cyrillic}/gu;
const LATIN_RE = /\p{Script=Latin}/gu;
const CYRILLIC_LANGS = new Set(['ru', 'uk']);

/**
 * The primary language subtag of `text`, or null when the evidence is too thin to tell
 * (fewer than two points, or a tie). A stop word is a point; a language's own letter is two.
 */
export function detectLanguage(text: string): string | null {
  const cyrillic = text.match(CYRILLIC_RE)?.length ?? 0;
  const latin = text.match(LATIN_RE)?.length ?? 0;
  if (cyrillic + latin === 0) return null;
  const inScript = (lang: string) => CYRILLIC_LANGS.has(lang) === cyrillic > latin;
  const lower = text.toLowerCase();
  const score = new Map<string, number>();
  const add = (lang: string, n: number) => {
    if (inScript(lang)) score.set(lang, (score.get(lang) ?? 0) + n);
  };
  for (const word of lower.split(/[^\p{L}\p{M}]+/u)) {
    if (!word) continue;
    for (const [lang, set] of words) if (set.has(word)) add(lang, 1);
  }
  for (const [re, lang] of LETTERS) if (re.test(lower)) add(lang, 2);
  // і is among Ukrainian's commonest letters: a sentence of Cyrillic without it is Russian.
  if (cyrillic >= 20 && !/[іїєґ]/.test(lower)) add('ru', 1);
  let best: string | null = null;
  let top = 0;
  let second = 0;
  for (const [lang, n] of score) {
    if (n > top) {
      second = top;
      top = n;
      best = lang;
    } else if (n > second) {
      second = n;
    }
  }
  return top >= 2 && top > second ? best : null;
}

/**
 * The language inflected forms are judged in: the one the text's words show, else the declared
 * one (`lang`, as the page wrote it), as a primary subtag; '' when neither says.
 */
export function textLanguage(text: string, declared: string | null | undefined): string {
  return detectLanguage(text) ?? (canonicalLang(declared, '').split('-')[0] as string);
}
