// The ambiguity set (test/fixtures/context): its knowledge as the background would profile it, its
// labelled pages, and the page's pipeline over them (sure mentions first, the rest decided by
// context), as the unit test and bench/context.bench.ts both run it.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type FirstDecision, firstDecision } from '@/src/core/context/needs';
import { isOrdinary } from '@/src/core/context/own-words';
import { decideMentions, type Pending } from '@/src/core/context/page';
import { profileCues } from '@/src/core/context/profile';
import type { ContextProfile, Correction, Decision } from '@/src/core/context/types';
import { createMatcher, type Matcher } from '@/src/core/matcher';
import type { EntityType } from '@/src/core/vocabulary';

const DIR = resolve(import.meta.dirname, '../fixtures/context');

interface KnownIdentity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  description: string;
  facts: string[];
  with: Record<string, number>;
  sites: string[];
  weight: number;
}

export interface SetKnowledge {
  profiles: Map<string, ContextProfile>;
  matcher: Matcher;
}

export function loadKnowledge(): SetKnowledge {
  const { identities } = JSON.parse(readFileSync(resolve(DIR, 'knowledge.json'), 'utf8')) as {
    identities: KnownIdentity[];
  };
  const names = new Map(identities.map((i) => [i.id, i.name]));
  const profiles = new Map<string, ContextProfile>();
  for (const i of identities) {
    const withNames = Object.fromEntries(Object.keys(i.with).map((id) => [id, names.get(id) ?? id]));
    profiles.set(i.id, {
      id: i.id,
      name: i.name,
      type: i.type,
      cues: profileCues({ ...i, withNames: Object.values(withNames) }),
      with: i.with,
      sites: i.sites,
      weight: i.weight,
      withNames,
    });
  }
  const matcher = createMatcher(
    identities.flatMap((i) => [i.name, ...i.aliases].map((alias) => ({ alias, entityId: i.id }))),
  );
  return { profiles, matcher };
}

/** A labelled mention: where it is in its block, and what it means ('-': nothing Gloss knows). */
export interface Labelled {
  start: number;
  end: number;
  label: string;
}

export interface SetPage {
  name: string;
  site: string;
  lang: string;
  blocks: Array<{ text: string; labels: Labelled[] }>;
}

const MARK = /\[\[([^|\]]+)\|([^\]]+)\]\]/g;

/** Pages: header lines ("site: …"), then blocks separated by blank lines, with [[text|id]] marks. */
export function loadPages(): SetPage[] {
  return readdirSync(resolve(DIR, 'pages'))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap((file) => {
      const [head = '', ...rest] = readFileSync(resolve(DIR, 'pages', file), 'utf8')
        .trim()
        .split(/\n\s*\n/);
      const header = Object.fromEntries(
        head
          .split('\n')
          .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
      );
      const blocks = rest.map((raw) => {
        const labels: Labelled[] = [];
        let text = '';
        let last = 0;
        for (const m of raw.matchAll(MARK)) {
          text += raw.slice(last, m.index);
          labels.push({
            start: text.length,
            end: text.length + (m[1] as string).length,
            label: m[2] as string,
          });
          text += m[1];
          last = (m.index as number) + m[0].length;
        }
        return { text: text + raw.slice(last), labels };
      });
      const page = { name: file.replace(/\.txt$/, ''), site: header.site ?? '', lang: header.lang ?? '' };
      // Sentences from different pages: each block is a page of its own.
      return header.pages === 'one per block'
        ? blocks.map((block) => ({ ...page, blocks: [block] }))
        : [{ ...page, blocks }];
    });
}

export interface Outcome {
  page: string;
  text: string;
  label: string;
  candidates: string[];
  /** What the page did first: marked it at once, left it unmarked, or waited for the scorer. */
  need: FirstDecision;
  decision: Decision;
}

/** What the page does today without context: mark every candidate, ambiguous when several. */
export function before(candidates: string[]): Decision {
  return {
    kind: candidates.length > 1 ? 'ambiguous' : 'mark',
    ranked: candidates.map((id) => ({ id, score: 1 / candidates.length })),
    reasons: [],
  };
}

/** The page's pipeline over one labelled page (every block in one batch, as a small page is). */
export async function runPage(
  page: SetPage,
  { profiles, matcher }: SetKnowledge,
  corrections: Correction[] = [],
): Promise<Outcome[]> {
  const corrected = new Set(corrections.map((c) => c.alias));
  const found = page.blocks.map((block) => matcher.findAll(block.text));
  const sure: Record<string, number> = {};
  const sureIn = found.map(() => ({}) as Record<string, number>);
  const needs = found.map((matches, b) =>
    matches.map((m) => {
      const text = (page.blocks[b] as SetPage['blocks'][number]).text;
      const need = firstDecision(text, m.start, m.end, m.entityIds, corrected, page.lang, (id) => !!sure[id]);
      if (need === 'mark') {
        const id = m.entityIds[0] as string;
        sure[id] = (sure[id] ?? 0) + 1;
        (sureIn[b] as Record<string, number>)[id] = ((sureIn[b] as Record<string, number>)[id] ?? 0) + 1;
      }
      return need;
    }),
  );
  const knowledge = { ordinary: isOrdinary, corrections };
  const pending: Pending[] = [];
  const at: Array<[number, number]> = [];
  found.forEach((matches, b) => {
    const text = (page.blocks[b] as SetPage['blocks'][number]).text;
    matches.forEach((m, i) => {
      if (needs[b]?.[i] !== 'context') return;
      pending.push({
        blockText: text,
        start: m.start,
        end: m.end,
        candidates: m.entityIds,
        block: sureIn[b] as Record<string, number>,
        lang: page.lang,
      });
      at.push([b, i]);
    });
  });
  // As the page: profiles only of the candidates of names several entities share.
  const asked = new Map(
    pending
      .flatMap((p) => (p.candidates.length > 1 ? p.candidates : []))
      .flatMap((id) => {
        const profile = profiles.get(id);
        return profile ? [[id, profile] as const] : [];
      }),
  );
  const decided = await decideMentions(pending, sure, page.site, asked, knowledge);
  const decisionAt = new Map(at.map(([b, i], k) => [`${b}:${i}`, decided[k] as Decision]));
  const out: Outcome[] = [];
  found.forEach((matches, b) => {
    const block = page.blocks[b] as SetPage['blocks'][number];
    matches.forEach((m, i) => {
      const need = needs[b]?.[i] as FirstDecision;
      const decision: Decision = decisionAt.get(`${b}:${i}`) ?? {
        kind: need === 'none' ? 'none' : 'mark',
        ranked: need === 'none' ? [] : [{ id: m.entityIds[0] as string, score: 1 }],
        reasons: [],
      };
      const label = block.labels.find((l) => l.start === m.start && l.end === m.end)?.label ?? '?';
      out.push({
        page: page.name,
        text: block.text.slice(m.start, m.end),
        label,
        candidates: m.entityIds,
        need,
        decision,
      });
    });
  });
  return out;
}

export type Verdict = 'right' | 'abstained' | 'wrong';

/**
 * Right: the label marked, or nothing marked for '-'. Abstained: nothing marked for an identity, or
 * "Which one?" with the label among the choices. Wrong: any other mark.
 */
export function verdict(label: string, decision: Decision): Verdict {
  const first = decision.ranked[0]?.id;
  if (decision.kind === 'none') return label === '-' ? 'right' : 'abstained';
  if (decision.kind === 'mark') return first === label ? 'right' : 'wrong';
  return decision.ranked.some((r) => r.id === label) ? 'abstained' : 'wrong';
}
