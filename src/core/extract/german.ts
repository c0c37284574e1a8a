// German capitalises every noun, so a capital there says "noun", not "name" (issue 14: a German
// article gave 262 "entities", most of them Geschichten, Dementi, Beginn, Partei). A German
// candidate is kept only with evidence of a name:
// - several words with no lower-case joiner ("Angela Merkel", "Deutsche Bank", "Mac App Store");
// - written the way no noun is: an acronym, inner capitals or digits ("AgileBits", "iPhone", "1Password");
// - a name the bundled packs know ("Ungarn", "Berlin");
// - a title or a verb of speech next to it ("Kanzler Scholz", "Merkel sagte");
// - otherwise every mention inside a sentence and none after an article, a determiner, a declined
//   adjective or a number ("in der Datenbank", "ein neues Scanfenster", "50 Euro"), and no ending
//   German nouns are made with (-ung, -heit, -keit, -schaft, -tion …).
import type { Mention } from './candidates';
import type { Candidate } from './entities';
import { functionWords, titles } from './function-words';
import { lexiconTags } from './lexicon';

/** Verbs right after a person's name: "Merkel sagte", "Scholz erklärte". */
const SPEECH_VERBS = new Set(
  (
    'sagte sagt sagten erklärte erklärt betonte betont meinte meint kündigte kündigt warnte warnt ' +
    'forderte fordert schrieb schreibt teilte teilt sprach spricht fügte antwortete räumte versprach ' +
    'kritisierte kritisiert traf trifft reiste reist'
  ).split(' '),
);

/** Words before a common noun: articles and determiners (the function words), in any case. */
const DETERMINERS = new Set(
  (
    'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner ' +
    'mein meine meinen meinem meiner sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer ' +
    'unser unsere unseren unserem unserer dieser diese dieses diesem diesen jeder jede jedes jedem ' +
    'jeden alle allen aller manche mancher viele vielen einige einigen mehrere wenige welche welcher ' +
    'zum zur im am ins ans beim vom'
  ).split(' '),
);

const NOUN_ENDINGS =
  /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|tät|täten|ismus|nis|nisse|tum|chen|lein|ment|mente|ität|ierung|ismen|ling|linge|sal|anz|enz|ur|ik)$/u;

/** A declined adjective or participle: "neues", "kurzen", "zusätzliches", "regulärem". */
const DECLINED = /\p{Ll}{2,}(?:e|en|er|es|em)$/u;

/** A word no German noun looks like: an acronym, inner capitals or digits. */
export function looksLikeName(word: string): boolean {
  return (
    /^\p{Lu}{2,}$/u.test(word) ||
    /^\p{Lu}?[\p{Ll}\p{N}]+\p{Lu}/u.test(word) ||
    /^\p{N}+\p{Lu}/u.test(word) ||
    /^\p{Ll}+\p{Lu}/u.test(word)
  );
}

/** A mention after an article, a determiner, a declined adjective or a number: a common noun. */
function afterNounMarker(m: Mention, text: string): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const prev = /([\p{L}\p{N}.,]+)[ \u00a0]+$/u.exec(before)?.[1];
  if (!prev) return false;
  const lower = prev.toLowerCase();
  if (DETERMINERS.has(lower)) return true;
  if (/^\p{N}[\p{N}.,]*$/u.test(prev)) return true;
  return /^\p{Ll}/u.test(prev) && DECLINED.test(prev) && !functionWords('de').has(lower);
}

/** Prepositions that take a bare noun as readily as a name: "zu Beginn", "über Dementi", "in Berlin". */
const BARE_PREPOSITIONS = new Set(
  'in im an auf aus bei mit nach von vor zu über unter um durch für gegen ohne neben zwischen laut trotz wegen seit ab per pro'.split(
    ' ',
  ),
);

const wordBefore = (m: Mention, text: string) =>
  /(\p{L}+\.?)[ \u00a0]+$/u.exec(text.slice(Math.max(0, m.start - 40), m.start))?.[1]?.toLowerCase();

function titledOrSpeaking(m: Mention, text: string): boolean {
  if (m.titled || m.hint === 'person') return true;
  const prev = wordBefore(m, text);
  if (prev && titles('de').has(prev)) return true;
  // "Zu Beginn sagte …", "der Sitzung sagte …": the verb follows whatever was put first.
  if ((prev && BARE_PREPOSITIONS.has(prev)) || afterNounMarker(m, text)) return false;
  const next = /^[ \u00a0]+(\p{Ll}+)/u.exec(
    text.slice(m.start + m.surface.length, m.start + m.surface.length + 30),
  );
  return next?.[1] !== undefined && SPEECH_VERBS.has(next[1]);
}

/**
 * Whether a German candidate shows evidence of being a name (see the file comment). `known` says
 * whether the bundled packs know the name.
 */
export function germanName(c: Candidate, text: string, known: boolean): boolean {
  const words = c.name.split(/\s+/);
  if (known) return true;
  if (words.some(looksLikeName)) return true;
  if (words.length === 1 && NOUN_ENDINGS.test((words[0] as string).toLowerCase())) return false;
  if (c.mentions.some((m) => titledOrSpeaking(m, text))) return true;
  if (words.length > 1) {
    // "Zahl der Zusatzfelder", "Erstellen von Einmal-Passwörtern": nouns joined by an article or a
    // preposition are a phrase; "Ursula von der Leyen" starts with a name and keeps its "von".
    // Without a joiner, two capitals in a row are a name ("der Mac App Store", "die Deutsche Bank").
    const joined = words.some((w) => /^\p{Ll}/u.test(w));
    if (!joined) return c.mentions.some((m) => !m.weak);
    // "Angaben von Diplomaten": the first word must be a name itself (a first name, for "Ursula").
    const first = words[0] as string;
    const named = lexiconTags(first.toLowerCase()).some((t) => t.endsWith('Name'));
    return named && !c.mentions.some((m) => afterNounMarker(m, text)) && !NOUN_ENDINGS.test(first);
  }
  const word = words[0] as string;
  if (NOUN_ENDINGS.test(word.toLowerCase())) return false;
  const inside = c.mentions.filter((m) => !m.weak && !m.initial);
  if (inside.length === 0 || c.mentions.some((m) => afterNounMarker(m, text))) return false;
  // One mention after a preposition says nothing ("über Dementi"); a second one, or one in a list
  // or as a subject ("wie Evernote, Dropbox oder Google"), does.
  return inside.length > 1 || !BARE_PREPOSITIONS.has(wordBefore(inside[0] as Mention, text) ?? '');
}

/**
 * German mentions cut to the name they hold: "Skype-Anrufe", "iOS-Version" are calls and a version
 * of a named thing (the first part, when it looks like a name); "Passwortmanagers 1Password" is
 * a noun in apposition before one.
 */
export function germanMentions(mentions: Mention[], known: (name: string) => boolean): Mention[] {
  const nameLike = (w: string) => looksLikeName(w) || known(w);
  return mentions.map((m) => {
    if (m.display) return m;
    const parts = m.surface.split('-');
    if (!m.surface.includes(' ') && parts.length > 1 && /^\p{Lu}/u.test(parts[parts.length - 1] as string)) {
      const head = parts[0] as string;
      return nameLike(head) ? { ...m, surface: head } : m;
    }
    const words = m.surface.split(' ');
    let cut = 0;
    // "Viktor Orbán" keeps its first name, "Kanzler …" its title's person.
    const ordinary = (w: string) =>
      !nameLike(w) && !lexiconTags(w.toLowerCase()).some((t) => t.endsWith('Name'));
    while (
      !m.titled &&
      cut < words.length - 1 &&
      ordinary(words[cut] as string) &&
      nameLike(words[cut + 1] as string)
    )
      cut++;
    if (cut === 0) return m;
    const skip = words.slice(0, cut).join(' ').length + 1;
    return { ...m, surface: m.surface.slice(skip), start: m.start + skip, initial: false };
  });
}
