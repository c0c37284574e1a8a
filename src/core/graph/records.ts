// The knowledge graph as the background stores it (src/db): identities, the links that make pack
// entities members of them, and the pages where Gloss marked them. Pure types with stable ids and
// timestamps, so a later sync can merge them; nothing is hard-deleted (tombstones instead).
import type { EntityType } from '../vocabulary';
import type { LinkRule } from './link';

/** One real-world thing, whichever packs speak of it. Name, type and description come from a member. */
export interface IdentityRecord {
  /** "i:" + a random UUID. */
  id: string;
  name: string;
  type: EntityType;
  description?: string;
  /** Identifiers of its members (pack format v2 `sameAs`), e.g. "wikidata:Q159". */
  sameAs: string[];
  createdAt: number;
  updatedAt: number;
  /** Set when it has no present member left (a tombstone: notes on it still name it). */
  deletedAt?: number;
  /** Set when a manual link moved its last member into another identity: follow it. */
  mergedInto?: string;
}

/** Why an entity belongs to its identity: a linking rule, a person's choice, or first of its kind. */
export type LinkReason = LinkRule | 'manual' | 'new';

/** A pack entity's membership. Kept when the entity goes, so notes on its key still resolve. */
export interface LinkRecord {
  /** The pack entity's key, "packId/entityId": stable across pack upgrades. */
  entityKey: string;
  identityId: string;
  /** Chosen by a person (link or unlink): automatic linking never moves it. */
  manual: boolean;
  rule: LinkReason;
  createdAt: number;
  updatedAt: number;
}

/** A page where Gloss marked an identity ("seen on"). */
export interface SightingRecord {
  /** identityId + "|" + url. */
  id: string;
  identityId: string;
  url: string;
  title: string;
  /** Visits on which the page marked it. */
  count: number;
  firstSeenAt: number;
  lastSeenAt: number;
}

export const IDENTITY_PREFIX = 'i:';

export const isIdentityKey = (key: string) => key.startsWith(IDENTITY_PREFIX);

export const newIdentityId = () => IDENTITY_PREFIX + crypto.randomUUID();

export const sightingId = (identityId: string, url: string) => `${identityId}|${url}`;
