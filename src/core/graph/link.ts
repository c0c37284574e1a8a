// Linking: does an incoming entity (from a pack being imported, or a capture) name a thing the
// knowledge graph already has? Each rule below says why it links, proposes or leaves alone.
// Pure: entities and identities in, decisions out. The database step builds identities from
// these decisions; the review UI shows the proposals.
import type { EntityType } from '../vocabulary';
import { classKey, linkKey } from './equivalents';
import { nameKey, surnameKey, wordCount } from './names';

/** An entity as a pack or capture gives it. */
export interface IncomingEntity {
  name: string;
  type: EntityType;
  aliases: readonly string[];
  labels?: Readonly<Record<string, readonly string[]>>;
  sameAs?: readonly string[];
}

/** One real-world thing in the knowledge graph: the union of its member entities' names and ids. */
export interface Identity {
  id: string;
  name: string;
  type: EntityType;
  aliases: readonly string[];
  sameAs?: readonly string[];
  /** Keys of the pack entities it is made of ("packId/entityId"). */
  members?: readonly string[];
}

/** Why an entity was linked. */
export type LinkRule = 'shared-identifier' | 'same-name' | 'full-name';
/** Why an identity was only proposed. */
export type ProposeRule =
  | 'identifiers-disagree'
  | 'different-identifiers'
  | 'different-type'
  | 'surname-only'
  | 'shared-by-several';

export interface Proposal {
  identityId: string;
  rule: ProposeRule;
}

export type LinkDecision =
  | { kind: 'link'; identityId: string; rule: LinkRule }
  | { kind: 'propose'; candidates: Proposal[] }
  | { kind: 'new' };

/** At most this many proposals per entity: the review lists them, so they must stay few. */
export const MAX_PROPOSALS = 5;

/**
 * A name hit packed in one number, identity × 4 + words (capped at 3): the words of the shared name
 * before the equivalence table ("Stoltenberg" 1, "Jens Stoltenberg" 2) is all linking asks of it.
 * Numbers instead of objects, and a list only when a key has several, keep a 100,000-identity
 * index cheap to build (objects and one-item arrays doubled its build time).
 */
const hit = (identity: number, words: number) => identity * 4 + Math.min(words, 3);
const hitIdentity = (h: number) => Math.floor(h / 4);
const hitWords = (h: number) => h % 4;

type Multi = Map<string, number | number[]>;

/**
 * Identities indexed for linking: by link key of every name and alias, by identifier, and persons
 * by surname. Building it is linear in names; each lookup is a few Map reads, so linking a pack
 * costs the same against 100 identities as against 100,000.
 */
export class LinkIndex {
  /** Slots in the order identities were added; a removed (or replaced) identity leaves undefined. */
  private identities: Array<Identity | undefined> = [];
  private byName: Multi = new Map();
  private byIdentifier: Multi = new Map();
  private bySurname: Multi = new Map();
  /** The slot of each identity, so the background can keep one index up to date across imports. */
  private readonly slots = new Map<string, number>();

  constructor(identities: Iterable<Identity> = []) {
    for (const identity of identities) this.add(identity);
  }

  get size(): number {
    return this.slots.size;
  }

  /**
   * Adds an identity, e.g. one just made for a new entity, so later entities can link to it; an
   * identity already there is replaced (its names and identifiers as they are now).
   */
  add(identity: Identity): void {
    this.remove(identity.id);
    this.insert(identity);
  }

  /** Puts an identity that is not in the index in. */
  private insert(identity: Identity): void {
    const at = this.identities.push(identity) - 1;
    this.slots.set(identity.id, at);
    const seen = new Set<string>();
    for (const name of [identity.name, ...identity.aliases]) {
      const own = nameKey(name);
      const key = classKey(own);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      push(this.byName, key, hit(at, wordCount(own)));
      const surname = identity.type === 'person' ? surnameKey(own) : undefined;
      if (surname) push(this.bySurname, surname, at);
    }
    for (const id of new Set(identity.sameAs ?? [])) push(this.byIdentifier, id, at);
  }

  /**
   * Takes an identity out (gone, or about to be replaced). Its entries stay in the maps until they
   * outnumber the live ones, when the maps are rebuilt: lookups skip empty slots.
   */
  remove(id: string): void {
    const at = this.slots.get(id);
    if (at === undefined) return;
    this.slots.delete(id);
    this.identities[at] = undefined;
    if (this.identities.length > 1_000 && this.identities.length > 2 * this.slots.size) this.compact();
  }

  private compact(): void {
    const live = this.identities.filter((i) => i !== undefined);
    this.identities = [];
    this.byName = new Map();
    this.byIdentifier = new Map();
    this.bySurname = new Map();
    this.slots.clear();
    for (const identity of live) this.insert(identity);
  }

  /** An identity as it was last added (its members then), by id. */
  get(id: string): Identity | undefined {
    const at = this.slots.get(id);
    return at === undefined ? undefined : this.identities[at];
  }

  identity(at: number): Identity {
    return this.identities[at] as Identity;
  }

  /** Slots listed under a key, without removed identities'. */
  private live(map: Multi, key: string): readonly number[] {
    const found = all(map, key);
    return found.some((at) => this.identities[at] === undefined)
      ? found.filter((at) => this.identities[at] !== undefined)
      : found;
  }

  /** The linking decision for one entity. */
  decide(entity: IncomingEntity): LinkDecision {
    // A shared identifier always links: two catalogues saying "wikidata:Q159" mean one thing,
    // whatever the names or types say. Identifiers pointing at two identities are a conflict
    // for a person to settle.
    const byId = new Set((entity.sameAs ?? []).flatMap((id) => this.live(this.byIdentifier, id)));
    if (byId.size === 1)
      return { kind: 'link', identityId: this.idOf([...byId][0] as number), rule: 'shared-identifier' };
    if (byId.size > 1)
      return propose([...byId].map((at) => ({ identityId: this.idOf(at), rule: 'identifiers-disagree' })));

    const hits = this.nameHits(entity);
    const linkable: number[] = [];
    const proposals = new Map<number, ProposeRule>();
    for (const [at, words] of hits) {
      const identity = this.identity(at);
      if (identity.type !== entity.type) {
        // "Georgia" the place and "Georgia" the organisation, "Paris" the person and the city:
        // a type mismatch is more often two things than a mistyped one.
        proposals.set(at, 'different-type');
      } else if (disagree(entity.sameAs, identity.sameAs)) {
        // Both name an identifier of the same scheme and they differ: two Springfields.
        proposals.set(at, 'different-identifiers');
      } else if (entity.type === 'person' && words < 2) {
        // A surname alone is never enough: "Stoltenberg" is Jens, Camilla or Thorvald.
        proposals.set(at, 'surname-only');
      } else {
        // Same type and the same name (a person's full name): places and organisations are
        // named uniquely enough in practice, people by their full name.
        linkable.push(at);
      }
    }
    if (linkable.length === 1) {
      const at = linkable[0] as number;
      return {
        kind: 'link',
        identityId: this.idOf(at),
        rule: entity.type === 'person' ? 'full-name' : 'same-name',
      };
    }
    // Several identities with the same name and type ("Georgia" the country and the US state,
    // or two "John Smith"s): which one is for a person to say.
    for (const at of linkable) proposals.set(at, 'shared-by-several');
    if (entity.type === 'person') this.proposeBySurname(entity, hits, proposals);
    if (proposals.size === 0) return { kind: 'new' };
    return propose([...proposals].map(([at, rule]) => ({ identityId: this.idOf(at), rule })));
  }

  /** Identities sharing a name with the entity, each with the most words of any shared name. */
  private nameHits(entity: IncomingEntity): Map<number, number> {
    const hits = new Map<number, number>();
    const names = [entity.name, ...entity.aliases, ...Object.values(entity.labels ?? {}).flat()];
    for (const key of new Set(names.map(linkKey))) {
      for (const h of all(this.byName, key)) {
        const at = hitIdentity(h);
        if (this.identities[at] === undefined) continue;
        hits.set(at, Math.max(hits.get(at) ?? 0, hitWords(h)));
      }
    }
    return hits;
  }

  /** A one-word person ("Stoltenberg") may be any person of that surname: proposed, never linked. */
  private proposeBySurname(entity: IncomingEntity, hits: Map<number, number>, out: Map<number, ProposeRule>) {
    const key = nameKey(entity.name);
    if (wordCount(key) !== 1) return;
    for (const at of this.live(this.bySurname, key)) {
      if (!hits.has(at) && this.identity(at).type === 'person') out.set(at, 'surname-only');
    }
  }

  private idOf(at: number): string {
    return this.identity(at).id;
  }
}

/** Links every entity of a pack, in order. */
export function linkEntities(index: LinkIndex, entities: Iterable<IncomingEntity>): LinkDecision[] {
  const out: LinkDecision[] = [];
  for (const entity of entities) out.push(index.decide(entity));
  return out;
}

const ORDER: ProposeRule[] = [
  'identifiers-disagree',
  'shared-by-several',
  'different-identifiers',
  'surname-only',
  'different-type',
];

/** Proposals, most likely first, capped. */
function propose(candidates: Proposal[]): LinkDecision {
  const sorted = [...candidates].sort((a, b) => ORDER.indexOf(a.rule) - ORDER.indexOf(b.rule));
  return { kind: 'propose', candidates: sorted.slice(0, MAX_PROPOSALS) };
}

/** Both have identifiers of one scheme and none in common: they are different things. */
function disagree(a: readonly string[] = [], b: readonly string[] = []): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const scheme = (id: string) => id.slice(0, id.indexOf(':'));
  const bSet = new Set(b);
  const bSchemes = new Set(b.map(scheme));
  return a.some((id) => bSchemes.has(scheme(id))) && !a.some((id) => bSet.has(id));
}

function push(map: Multi, key: string, value: number): void {
  const found = map.get(key);
  if (found === undefined) map.set(key, value);
  else if (typeof found === 'number') map.set(key, [found, value]);
  else found.push(value);
}

function all(map: Multi, key: string): readonly number[] {
  const found = map.get(key);
  return found === undefined ? [] : typeof found === 'number' ? [found] : found;
}
