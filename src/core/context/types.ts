// Which entity a mention means: the shapes shared by the scorer (src/core/context), the
// background that builds its evidence, the page that asks it, and the card that explains and
// corrects it. Pure types: no DOM, browser or Dexie.
import type { EntityType } from '@/src/core/vocabulary';

/**
 * What the scorer knows of one candidate identity, beyond its name: built by the background from
 * the knowledge base (type, description, facts, "appears with", "seen on") and sent to the page
 * only for the identities of mentions that need context.
 */
export interface ContextProfile {
  /** The identity id (what mentions carry). */
  id: string;
  name: string;
  type: EntityType;
  /** Folded words that speak for this identity near a mention (from its description, facts, aliases). */
  cues: string[];
  /** Identity id → how often it was seen with this one (pages and sources: "appears with"). */
  with: Record<string, number>;
  /** Host names of pages where Gloss marked it ("seen on"). */
  sites: string[];
  /** How much the knowledge base says of it: facts, plus sources (a prior, log-scaled by the scorer). */
  weight: number;
  /** Names of the identities in `with`, for the card's "why" line (C1, additive). */
  withNames?: Record<string, string>;
}

/** A reader's correction: "Not this — it's …", here, on a site, or everywhere. */
export interface Correction {
  /** Stable id ("c:" + uuid), for undo, backups and sync. */
  id: string;
  /** The mention's text, folded (foldForSearch). */
  alias: string;
  /** The identity the mention was wrongly given, if any. */
  wrong?: string;
  /** The identity it means, or null: "nothing" (do not mark it). */
  right: string | null;
  /**
   * 'context': the same alias in a similar context (shares `cues`), 'site': on `site`,
   * 'everywhere': wherever the alias occurs.
   */
  scope: 'context' | 'site' | 'everywhere';
  /** Host name, for 'site' (and kept for 'context', where the correction was made). */
  site?: string;
  /** Folded words around the corrected mention, for 'context'. */
  cues?: string[];
  createdAt: number;
  updatedAt: number;
  /** Undone: kept as a tombstone for sync, never applied. */
  deletedAt?: number;
}

/** One mention as the scorer sees it. */
export interface MentionContext {
  /** The mention's text as on the page. */
  text: string;
  /** Up to ~80 characters of the block's text before and after the mention. */
  before: string;
  after: string;
  /** The wider passage a 'context' correction is checked against (see passageAround); else before + after. */
  passage?: string;
  /** The identities the matcher found for it (one or more). */
  candidates: string[];
  /** Identities marked for sure in the same block, with counts. */
  block: Record<string, number>;
  /** Identities marked for sure on the page so far, with counts. */
  page: Record<string, number>;
  /** The page's host name. */
  site: string;
  /** The text's language (BCP 47 primary subtag, '' when unknown). */
  lang: string;
}

/** Evidence for the card's "why" line: "on this page with NATO, Stoltenberg, Brussels". */
export interface Reason {
  kind: 'page' | 'block' | 'word' | 'site' | 'correction' | 'prior';
  /** Identity names or the words that counted. */
  items: string[];
}

/** What to do with one mention. */
export interface Decision {
  /** 'mark': the first candidate; 'ambiguous': mark, the card asks "Which one?"; 'none': do not mark. */
  kind: 'mark' | 'ambiguous' | 'none';
  /** Candidates, likelier first, with scores in 0..1. */
  ranked: Array<{ id: string; score: number }>;
  /** Why the first one (empty when nothing much counted). */
  reasons: Reason[];
}
