// Which identity a mention means, from its context: a score per candidate (and one for "nothing"),
// the way entity linkers do it (prior × context), small enough to run for every mention that
// needs it on any page. Pure: the page and the unit tests call the same function.
import { ENTITY_TYPES, type EntityType } from '@/src/core/vocabulary';
import { correctionFor } from './corrections';
import { plainName } from './needs';
import { joinedNames, STOP, WORD_WEIGHTS, wordLogit } from './own-words';
import type { ContextProfile, Correction, Decision, MentionContext, Reason } from './types';
import { BEFORE_ONLY, fold, PLACE_BEFORE, SCORE, SPORT_WORDS, TYPE_WORDS, wordsOf } from './words';

export interface ContextKnowledge {
  /** Whether the mention's text is also an ordinary word in its language ("Alliance", "Sales"). */
  ordinary(text: string, lang: string): boolean;
  corrections: readonly Correction[];
}

/** Words read on each side of a mention. */
const WINDOW = 12;
/** How far the best must be ahead of the second to be marked alone. */
const MARGIN = 0.6;

// Weights, in log-odds. Tuned on the ambiguity set (test/fixtures/context), kept round on purpose.
const W = {
  ...WORD_WEIGHTS,
  weight: 0.15,
  shared: 0.35,
  page: 0.6,
  pageCap: 3,
  block: 0.8,
  blockCap: 2,
  cue: 0.7,
  cueCap: 2.8,
  type: 0.5,
  clash: 0.35,
  typeCap: 2,
  score: 0.8,
  site: 0.6,
  placeBefore: 1.2,
  notPlaceBefore: 0.6,
};

/** Each profile's cues as a set, made once per profile (profiles are kept for the page's life). */
const cueSets = new WeakMap<ContextProfile, Set<string>>();
function cuesOf(profile: ContextProfile): Set<string> {
  let cues = cueSets.get(profile);
  if (!cues) {
    cues = new Set(profile.cues);
    cueSets.set(profile, cues);
  }
  return cues;
}

/** What the words around a mention say, worked out once for all its candidates. */
export interface Around {
  near: string[];
  /** The word right before the mention. */
  last: string | undefined;
  /** A number right after it (a score). */
  score: boolean;
  /** The capitalised words it runs into, or runs on from: it may be part of a longer, unknown name. */
  joined: string[];
  /** The first of them, when it follows the mention. */
  next: string | undefined;
  /** Near words that speak for each type (and how many speak for some type), and sport words. */
  votes: Record<EntityType, number>;
  typeWords: Record<EntityType, string[]>;
  typed: number;
  sport: number;
}

/** What the words around a mention say (reusable across rounds: it depends on the text only). */
export function readAround(mention: MentionContext): Around {
  const own = new Set(wordsOf(mention.text));
  const before = wordsOf(mention.before).slice(-WINDOW);
  const after = wordsOf(mention.after).slice(0, WINDOW);
  const near = [...before, ...after].filter((w) => !own.has(w) && !STOP.has(w) && w !== SCORE);
  const joined = joinedNames(mention.text, mention.before, mention.after, mention.lang);
  const votes: Record<EntityType, number> = { person: 0, place: 0, organization: 0, event: 0, other: 0 };
  const typeWords: Record<EntityType, string[]> = {
    person: [],
    place: [],
    organization: [],
    event: [],
    other: [],
  };
  let typed = 0;
  let sport = 0;
  const last = before.at(-1);
  for (const word of near) {
    if (SPORT_WORDS.has(word)) {
      sport++;
      continue;
    }
    if (BEFORE_ONLY.has(word) && word !== last) continue;
    for (const type of ENTITY_TYPES) {
      if (!TYPE_WORDS[type].has(word)) continue;
      votes[type]++;
      typed++;
      typeWords[type].push(word);
    }
  }
  return {
    votes,
    typeWords,
    typed,
    sport,
    near,
    last: before.at(-1),
    score: after[0] === SCORE,
    joined,
    next:
      joined[0] &&
      mention.after.startsWith(' ') &&
      fold(mention.after.slice(1, joined[0].length + 1)) === joined[0]
        ? joined[0]
        : undefined,
  };
}

interface Scored {
  id: string;
  logit: number;
  reasons: Reason[];
}

function scoreCandidate(
  id: string,
  profile: ContextProfile | undefined,
  mention: MentionContext,
  around: Around,
  shared: number,
  nameOf: (id: string) => string,
  cueShare: (word: string) => number,
): Scored {
  let logit = W.base + W.weight * Math.log1p(profile?.weight ?? 0) - W.shared * Math.log(shared);
  const reasons: Reason[] = [];
  // No profile (the page asks only for names several entities share): the page's own marks count.
  if (!profile) return { id, logit: logit + ((mention.page[id] ?? 0) > 0 ? W.self : 0), reasons };
  const related = (counts: Record<string, number>, cap: number) => {
    let sum = 0;
    const names: Array<[string, number]> = [];
    for (const other in counts) {
      const together = other === id ? 0 : (profile.with[other] ?? 0);
      if (together > 0) {
        sum += Math.log1p(together);
        names.push([nameOf(other), together]);
      }
    }
    names.sort((a, b) => b[1] - a[1]);
    return { sum: Math.min(sum, cap), items: names.slice(0, 3).map(([name]) => name) };
  };
  const page = related(mention.page, W.pageCap);
  const block = related(mention.block, W.blockCap);
  const self = (mention.page[id] ?? 0) > 0;
  logit += W.page * page.sum + W.block * block.sum + (self ? W.self : 0);
  if (block.items.length) reasons.push({ kind: 'block', items: block.items });
  const pageItems = [...(self ? [profile.name] : []), ...page.items.filter((n) => !block.items.includes(n))];
  if (pageItems.length) reasons.push({ kind: 'page', items: pageItems.slice(0, 3) });

  const cues = cuesOf(profile);
  const words: string[] = [];
  let cueSum = 0;
  for (const word of around.near) {
    if (cues.has(word)) {
      // A word that speaks for every candidate tells them apart less.
      cueSum += W.cue / cueShare(word);
      words.push(word);
    }
  }
  const agree = around.votes[profile.type];
  const sport = profile.type === 'organization' || profile.type === 'person';
  let typeSum =
    W.type * (agree + (sport ? around.sport : 0)) -
    W.clash * (around.typed - agree + (sport ? 0 : around.sport));
  for (const word of around.typeWords[profile.type]) if (!cues.has(word)) words.push(word);
  // "in"/"at" are stop words, so they are read here, right before the mention.
  if (around.last && PLACE_BEFORE.has(around.last)) {
    if (profile.type === 'place') {
      typeSum += W.placeBefore;
      words.push(around.last);
    } else typeSum -= W.notPlaceBefore;
  }
  if (around.score) typeSum += profile.type === 'organization' ? W.score : -W.clash;
  if (around.next && cues.has(around.next)) cueSum += W.cue * 2;
  logit += Math.min(cueSum, W.cueCap) + Math.max(-W.typeCap, Math.min(typeSum, W.typeCap));
  if (words.length) reasons.push({ kind: 'word', items: [...new Set(words)].slice(0, 4) });
  if (mention.site && profile.sites.includes(mention.site)) {
    logit += W.site;
    reasons.push({ kind: 'site', items: [mention.site] });
  }
  return { id, logit, reasons };
}

/** How likely it is that the mention means nothing Gloss knows (an ordinary word, a longer name). */
function noneLogit(
  mention: MentionContext,
  around: Around,
  knowledge: ContextKnowledge,
  profiles: ReadonlyMap<string, ContextProfile>,
): number {
  let logit = wordLogit(mention.text, mention.before, mention.lang, knowledge.ordinary);
  // "Washington Wizards" for the team is no longer name: the next word speaks for a candidate.
  const cued = (word: string) =>
    word === around.next &&
    mention.candidates.some((id) => {
      const profile = profiles.get(id);
      return profile ? cuesOf(profile).has(word) : false;
    });
  if (around.joined.some((word) => !cued(word))) logit += W.longerName;
  return logit;
}

/**
 * Decides one mention: 'mark' the best candidate when it is clearly ahead, 'ambiguous' when two
 * stay close, 'none' when nothing is likelier than "it means none of them". A reader's correction
 * that fits the mention overrides the scores.
 */
export function decide(
  profiles: ReadonlyMap<string, ContextProfile>,
  mention: MentionContext,
  knowledge: ContextKnowledge,
  around?: Around,
): Decision {
  const corrected = correctionFor(knowledge.corrections, mention);
  if (corrected) {
    const reasons: Reason[] = [{ kind: 'correction', items: [corrected.scope] }];
    if (corrected.right === null) return { kind: 'none', ranked: [], reasons };
    const rest = mention.candidates.filter((id) => id !== corrected.right);
    return {
      kind: 'mark',
      ranked: [{ id: corrected.right, score: 1 }, ...rest.map((id) => ({ id, score: 0 }))],
      reasons,
    };
  }
  // A plain name of one entity the scorer knows nothing more of is marked, as the page marks it at
  // once (needs.ts): a correction about its name that does not fit here leaves it as it was.
  const only = mention.candidates.length === 1 ? mention.candidates[0] : undefined;
  if (only && !profiles.has(only) && plainName(mention.text, mention.before, mention.after))
    return { kind: 'mark', ranked: [{ id: only, score: 1 }], reasons: [] };
  around ??= readAround(mention);
  const nameOf = (id: string) => {
    for (const candidate of mention.candidates) {
      const name = profiles.get(candidate)?.withNames?.[id];
      if (name) return name;
    }
    return profiles.get(id)?.name ?? id;
  };
  const shared = mention.candidates.length;
  const candidateCues = mention.candidates.map((id) => {
    const profile = profiles.get(id);
    return profile ? cuesOf(profile) : undefined;
  });
  const cueShare = (word: string) => {
    let n = 0;
    for (const cues of candidateCues) if (cues?.has(word)) n++;
    return Math.max(1, n);
  };
  const scored = mention.candidates
    .map((id) => scoreCandidate(id, profiles.get(id), mention, around, shared, nameOf, cueShare))
    .sort((a, b) => b.logit - a.logit);
  const none = noneLogit(mention, around, knowledge, profiles);
  // Scores: a softmax over the candidates and "none".
  const top = Math.max(none, scored[0]?.logit ?? none);
  let total = Math.exp(none - top);
  for (const s of scored) total += Math.exp(s.logit - top);
  const ranked = scored.map((s) => ({ id: s.id, score: Math.exp(s.logit - top) / total }));
  const best = scored[0];
  if (!best || best.logit <= none) return { kind: 'none', ranked, reasons: [] };
  const second = scored[1];
  const kind = second && best.logit - second.logit < MARGIN ? 'ambiguous' : 'mark';
  const reasons = best.reasons.length ? best.reasons : [{ kind: 'prior' as const, items: [] }];
  return { kind, ranked, reasons };
}
