// Word knowledge for capture: compromise's lexicon (names, places, organisations, common words)
// plus the short lists compromise lacks (titles, event nouns, generic capitalised words).
import nlp from 'compromise';

type Lexicon = Record<string, string | string[] | undefined>;
const model = nlp.model() as {
  one: { lexicon: Lexicon };
  two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
};
const LEXICON = model.one.lexicon;
export const ORG_WORDS = model.two.orgWords;
export const PLACE_WORDS = model.two.placeWords;

/** compromise's tags for a lower-case word or phrase ("brussels" → ["City"]). */
export function lexiconTags(key: string): readonly string[] {
  const v = LEXICON[key];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
}

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const PLACE_TAGS = words('Place Country City Region');
export const ORG_TAGS = words('Organization SportsTeam');
/** Tags of ordinary words: a capitalised word with one of these at a sentence start is not a name. */
export const COMMON_TAGS = words(
  'Determiner Pronoun Preposition Conjunction Adverb Adjective Comparative Superlative Verb Infinitive ' +
    'PresentTense PastTense Gerund Participle Modal Copula Plural Singular Uncountable Noun Actor Expression ' +
    'Cardinal Ordinal TextValue Month WeekDay Date Duration QuestionWord Negative Condition Imperative Unit',
);

/** Titles before a name: "Senator Mark Warner", "NATO Secretary General Jens Stoltenberg". */
export const HONORIFICS = words(
  'mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady senator sen sen. rep rep. representative ' +
    'president vice chancellor emperor empress king queen prince princess pope cardinal bishop archbishop ' +
    'father rev rev. reverend secretary general minister prime foreign defence defense deputy governor gov gov. ' +
    'mayor judge justice professor chairman chairwoman chair ceo director commissioner ambassador speaker ' +
    'captain capt capt. colonel col col. lieutenant lt lt. sergeant sgt sgt. admiral gen gen. marshal ' +
    'spokesman spokeswoman spokesperson author editor coach sheikh emir sultan tsar czar saint st st. ' +
    'chief executive officer leader premier',
);

/** Nouns that end the name of an event: "Washington Summit", "Maji-Maji Rebellion". */
export const EVENT_HEADS = words(
  'summit summits conference conferences meeting meetings forum games olympics olympiad war wars agreement ' +
    'treaty accord accords election elections referendum rebellion revolution uprising battle crisis ' +
    'depression massacre genocide festival congress convention expo championship championships cup ' +
    'talks protests protest riots strike ministerial',
);

/** Lower-case nouns that name a gathering, for "the ministerial meeting in Brussels". */
export const GATHERINGS = words('summit meeting conference forum talks ministerial congress convention');

/** Heads of quoted names of plans and programmes: “operational plan for enhanced support to Ukraine”. */
export const PLAN_HEADS = words(
  'plan plans programme program strategy initiative project agreement deal act bill law treaty doctrine ' +
    'policy framework package mission operation roadmap pact charter declaration',
);

/** Joiners inside names: "Battle of Waterberg", "Otto von Bismarck", "Committee for a Responsible …". */
export const CONNECTORS = words(
  'of for the a and & de da do dos das del della di du la le van von der den zu bin al',
);
/** Joiners that may sit inside a person's name. */
export const NAME_PARTICLES = words('de da do dos das del della di du la le van von der den zu bin al');

/** Capitalised words that are never an entity on their own. */
export const STOP_WORDS = words(
  'i me my we us our you your he him his she her it its they them their this that these those who whom ' +
    'what which when where why how there here then now yes no not all any some many most more few each ' +
    'every both either neither other another such same one two three four five six seven eight nine ten ' +
    'mr mrs ms dr sir madam ' +
    'january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday ' +
    'sunday today tomorrow yesterday allies allied experts officials leaders analysts critics people ' +
    'government state city country president minister secretary general chancellor read more related ' +
    'image images photo photos video credit credits advertisement updated published share comments ' +
    'subscribe sign login log click see also note notes source sources caption copyright ok okay ' +
    'western eastern northern southern however meanwhile although though ' +
    'while because after before during since until unless moreover furthermore also already still ' +
    'originally eventually finally later earlier instead rather indeed perhaps according',
);

/** Verbs that follow a person's name: "Orban met", "Stoltenberg said". */
export const SPEECH_VERBS = words(
  'said says say told tells asked asks added adds argued argues claimed claims warned warns met meets ' +
    'wrote writes explained explains insisted insists noted notes stated states announced announces ' +
    'replied replies believes believed thinks thought agreed agrees denied denies',
);

/** Words before a place: "in Brussels", "to Kyiv". */
export const PLACE_PREPOSITIONS = words('in to from near across into throughout via toward towards at');

/** Well-known acronyms and short forms with the full name a reader also uses. */
export const EXPANSIONS: Record<string, { name: string; type: 'place' | 'organization' }> = {
  us: { name: 'United States', type: 'place' },
  usa: { name: 'United States', type: 'place' },
  uk: { name: 'United Kingdom', type: 'place' },
  eu: { name: 'European Union', type: 'organization' },
  un: { name: 'United Nations', type: 'organization' },
  nato: { name: 'North Atlantic Treaty Organization', type: 'organization' },
  ap: { name: 'Associated Press', type: 'organization' },
  afp: { name: 'Agence France-Presse', type: 'organization' },
  bbc: { name: 'British Broadcasting Corporation', type: 'organization' },
  dw: { name: 'Deutsche Welle', type: 'organization' },
  imf: { name: 'International Monetary Fund', type: 'organization' },
  who: { name: 'World Health Organization', type: 'organization' },
  wto: { name: 'World Trade Organization', type: 'organization' },
  fbi: { name: 'Federal Bureau of Investigation', type: 'organization' },
  cia: { name: 'Central Intelligence Agency', type: 'organization' },
  fed: { name: 'Federal Reserve', type: 'organization' },
  cbo: { name: 'Congressional Budget Office', type: 'organization' },
  ussr: { name: 'Soviet Union', type: 'place' },
  uae: { name: 'United Arab Emirates', type: 'place' },
};
