// The link index as the database step of linking uses it (src/db/graph.ts): built from the live
// identities' present members, or kept up to date from what a batch of links changed. Beside the
// linking rules' index it keeps what recomputing an identity needs (its stored record, and each
// member's names, identifiers and fact count), so refreshing the identities a 10,000-entity pack
// touched reads nothing back from the database.
import type { Table } from 'dexie';
import { LinkIndex } from '@/src/core/graph/link';
import type { IdentityRecord, LinkRecord } from '@/src/core/graph/records';
import { entityNames } from '@/src/core/pack';
import type { EntityRecord } from '@/src/core/records';
import type { GraphTables } from './graph';

export const isLive = (identity: IdentityRecord | undefined) => Boolean(identity && !identity.deletedAt);

/** A member entity as the kept index remembers it: what the representative choice and linking read. */
export interface MemberSummary {
  key: string;
  packId: string;
  name: string;
  type: EntityRecord['type'];
  description?: string;
  sameAs?: string[];
  /** Its name, aliases and labels (the names linking matches). */
  names: readonly string[];
  /** Its facts; unknown until a choice of representative needs it. */
  factCount?: number;
}

export function summarise(entity: EntityRecord, factCount: number | undefined): MemberSummary {
  return {
    key: entity.key,
    packId: entity.packId,
    name: entity.name,
    type: entity.type,
    ...(entity.description !== undefined ? { description: entity.description } : {}),
    ...(entity.sameAs ? { sameAs: entity.sameAs } : {}),
    names: [...new Set([...entityNames(entity), ...Object.values(entity.labels ?? {}).flat()])],
    ...(factCount !== undefined ? { factCount } : {}),
  };
}

/**
 * The linking rules' index plus, for each identity in it, the record as stored and its members'
 * summaries. Only the transaction that holds it (src/background/kept-knowledge.ts) changes it, and
 * every identity write of that transaction goes through `put` or `remove`.
 */
export class KeptIndex extends LinkIndex {
  private readonly records = new Map<string, IdentityRecord>();
  private readonly summaries = new Map<string, MemberSummary>();

  /** Puts an identity in (again) as stored, with its present members in key order. */
  put(record: IdentityRecord, members: readonly MemberSummary[]): void {
    this.add(indexEntry(record, members));
    this.records.set(record.id, record);
    for (const member of members) this.summaries.set(member.key, member);
  }

  override remove(id: string): void {
    this.records.delete(id);
    // Its members' summaries stay: they may have moved to another identity in the same batch.
    super.remove(id);
  }

  /** The identity as stored, if it is in the index. */
  record(id: string): IdentityRecord | undefined {
    return this.records.get(id);
  }

  /** A present member of an identity in the index. */
  member(key: string): MemberSummary | undefined {
    return this.summaries.get(key);
  }

  /** An entity that is gone (its pack removed, or dropped by an upgrade). */
  forget(key: string): void {
    this.summaries.delete(key);
  }
}

/**
 * Pages of whole records in key order: a cursor (each) costs a request per record, 100,000 of them.
 * Exported for the warm-up, which reads the identities so too.
 */
export async function eachPage<T, I>(
  table: Table<T, string, I>,
  keyOf: (record: T) => string,
  visit: (page: T[]) => void,
  { pause = async () => {}, pageSize = PAGE }: BuildOptions = {},
): Promise<void> {
  for (let after: string | undefined; ; ) {
    const page = await (after === undefined ? table.toCollection() : table.where(':id').above(after))
      .limit(pageSize)
      .toArray();
    visit(page);
    if (page.length < pageSize) break;
    after = keyOf(page[page.length - 1] as T);
    await pause();
  }
}

const PAGE = 5_000;

export interface BuildOptions {
  /**
   * Awaited between pages and between slices of the index's build. Inside a transaction it must
   * resolve at once (nothing), or the transaction commits; a warm-up outside one yields there, so
   * messages are answered meanwhile.
   */
  pause?: () => Promise<void>;
  /** Records per page: smaller pages block the background for less at a time (5,000 unless set). */
  pageSize?: number;
  /** Sees every page of entities as it is read (the warm-up counts each pack's aliases there). */
  visit?: (entities: readonly EntityRecord[]) => void;
}

/** Live identities indexed by their present members' names and identifiers. */
export async function buildIndex(
  t: GraphTables,
  identities: ReadonlyMap<string, IdentityRecord>,
  options: BuildOptions = {},
): Promise<KeptIndex> {
  const members = new Map<string, EntityRecord[]>();
  const { pause = async () => {}, visit } = options;
  const links = new Map<string, string>();
  await eachPage(
    t.links,
    (l) => l.entityKey,
    (page) => {
      for (const link of page) links.set(link.entityKey, link.identityId);
    },
    options,
  );
  await pause();
  await eachPage(
    t.entities,
    (e) => e.key,
    (page) => {
      visit?.(page);
      for (const entity of page) {
        const id = links.get(entity.key);
        const identity = id ? identities.get(id) : undefined;
        if (!identity || !isLive(identity)) continue;
        const found = members.get(identity.id);
        if (found) found.push(entity);
        else members.set(identity.id, [entity]);
      }
    },
    options,
  );
  // Fact counts choose each identity's representative; counting them here spares the refresh a
  // count per member of every identity a pack adds to.
  const facts = new Map<string, number>();
  await eachPage(
    t.facts,
    (f) => f.key,
    (page) => {
      for (const fact of page) facts.set(fact.entityKey, (facts.get(fact.entityKey) ?? 0) + 1);
    },
    options,
  );
  const index = new KeptIndex();
  let done = 0;
  for (const [id, own] of members) {
    index.put(
      identities.get(id) as IdentityRecord,
      own.map((m) => summarise(m, facts.get(m.key) ?? 0)),
    );
    if (++done % SLICE === 0) await pause();
  }
  return index;
}

/** Identities put in the index between pauses of a warm-up. */
const SLICE = 5_000;

/** An identity as the link index holds it: its name and type, its members' names and identifiers. */
function indexEntry(identity: IdentityRecord, members: readonly MemberSummary[]) {
  return {
    id: identity.id,
    name: identity.name,
    type: identity.type,
    aliases: [...new Set(members.flatMap((m) => m.names))],
    sameAs: [...new Set(members.flatMap((m) => m.sameAs ?? []))],
    members: members.map((m) => m.key),
  };
}

/**
 * Members of these identities once the batch's links are in, from the index (its members are the
 * present ones before the batch): no link rows to read. Identities the index lacks are left out.
 */
export function membersAfter(
  index: LinkIndex,
  ids: readonly string[],
  links: readonly LinkRecord[],
  existing: ReadonlyMap<string, LinkRecord>,
): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const id of ids) {
    const indexed = index.get(id);
    if (indexed) out.set(id, new Set(indexed.members ?? []));
  }
  for (const link of links) {
    const old = existing.get(link.entityKey);
    if (old && old.identityId !== link.identityId) out.get(old.identityId)?.delete(link.entityKey);
    out.get(link.identityId)?.add(link.entityKey);
  }
  // In key order, as the link rows would come.
  return new Map([...out].map(([id, keys]) => [id, [...keys].sort()]));
}
