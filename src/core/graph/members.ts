// What an identity shows, from its member entities: which member represents it, and its facts
// from every source with duplicates folded together. Pure.
import { foldText } from '../normalize';
import type { EntityRecord, FactRecord, SourceRecord } from '../records';
import { MY_KNOWLEDGE_PACK } from '../vocabulary';

/** What choosing a representative reads of a member: a whole record, or what the background keeps of one. */
export type Represented = Pick<EntityRecord, 'packId' | 'name' | 'type' | 'description' | 'sameAs'>;

export interface Member<E extends Represented = EntityRecord> {
  entity: E;
  factCount: number;
}

/** The facts an identity shows: what it is called, and how it is described. */
export interface Representation<E extends Represented = EntityRecord> {
  entity: E;
  name: string;
  type: EntityRecord['type'];
  description?: string;
  sameAs: string[];
}

/**
 * The member with the most facts names the identity (the source that knows it best); ties go to the
 * member listed first, so the choice is stable. A description the user wrote in My knowledge wins:
 * it is theirs. Otherwise the representative's, or the first member's that has one.
 */
export function represent<E extends Represented>(
  members: readonly Member<E>[],
): Representation<E> | undefined {
  let best: Member<E> | undefined;
  for (const member of members) if (!best || member.factCount > best.factCount) best = member;
  if (!best) return undefined;
  const own = members.find((m) => m.entity.packId === MY_KNOWLEDGE_PACK && m.entity.description?.trim());
  const description =
    own?.entity.description ??
    (best.entity.description?.trim() ? best.entity.description : undefined) ??
    members.find((m) => m.entity.description?.trim())?.entity.description;
  const sameAs = [...new Set(members.flatMap((m) => m.entity.sameAs ?? []))];
  return {
    entity: best.entity,
    name: best.entity.name,
    type: best.entity.type,
    ...(description ? { description } : {}),
    sameAs,
  };
}

export type MergedFact = FactRecord & { source: SourceRecord | null; alsoIn: SourceRecord[] };

/** Undated sources sort after dated ones; ISO dates compare as text. */
const dateOf = (source: SourceRecord | null | undefined) => source?.publishedAt ?? '';

/**
 * One row per fact text (folded: case, accents and spacing aside), newest source first: the row
 * keeps the newest statement and lists the other sources stating it in `alsoIn`.
 */
export function mergeFacts(
  facts: readonly FactRecord[],
  sources: ReadonlyMap<string, SourceRecord>,
): MergedFact[] {
  const ordered = [...facts].sort(
    (a, b) =>
      dateOf(sources.get(b.sourceKey)).localeCompare(dateOf(sources.get(a.sourceKey))) ||
      a.packId.localeCompare(b.packId) ||
      a.position - b.position,
  );
  const byText = new Map<string, MergedFact>();
  for (const fact of ordered) {
    const text = foldText(fact.text, true).trim();
    const source = sources.get(fact.sourceKey) ?? null;
    const row = byText.get(text);
    if (!row) {
      byText.set(text, { ...fact, source, alsoIn: [] });
    } else if (source && source.key !== row.source?.key && !row.alsoIn.some((s) => s.key === source.key)) {
      row.alsoIn.push(source);
    }
  }
  return [...byText.values()];
}
