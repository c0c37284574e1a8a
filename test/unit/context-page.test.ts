// @vitest-environment happy-dom
// The page's side of issue 15 (src/content/context.ts): sure mentions go out at once, the rest are
// decided after one request for their profiles, likelier candidate first; a correction's alias
// finds the blocks to decide again, marked or not.
import { describe, expect, it } from 'vitest';
import { PageContext } from '@/src/content/context';
import type { MentionRecord } from '@/src/content/mentions';
import { decideMentions } from '@/src/core/context/page';
import type { Correction } from '@/src/core/context/types';
import { createMatcher, type Matcher } from '@/src/core/matcher';
import { loadKnowledge } from './context-fixture';

const { profiles, matcher } = loadKnowledge();
const scorer = async () => ({ decideMentions });

/** The mentions the matcher finds in one paragraph per text, as the page records them. */
function mentionsOf(...texts: string[]): MentionRecord[] {
  return mentionsWith(matcher, texts);
}

function mentionsWith(matcher: Matcher, texts: string[]): MentionRecord[] {
  document.body.innerHTML = texts.map((t) => `<p>${t}</p>`).join('');
  return [...document.querySelectorAll('p')].flatMap((p) => {
    const node = p.firstChild as Text;
    const segment = { container: p, nodes: [node], starts: [0], text: node.data };
    return matcher.findAll(node.data).map((m) => ({
      range: document.createRange(),
      entityIds: m.entityIds,
      segment,
      start: m.start,
      end: m.end,
      nodes: [node],
    }));
  });
}

function pageContext(asked: string[][], corrections: Correction[] = []) {
  const ask = async (ids: string[]) => {
    asked.push(ids);
    return ids.flatMap((id) => profiles.get(id) ?? []);
  };
  return new PageContext(
    'news.example',
    ask,
    { current: () => corrections, onChange: () => () => {} },
    scorer,
  );
}

const textOf = (r: MentionRecord) => r.segment.text.slice(r.start, r.end);

describe('PageContext', () => {
  it('marks plain names at once and decides the others after one request', async () => {
    const asked: string[][] = [];
    const context = pageContext(asked);
    const records = mentionsOf(
      'Seattle and Tacoma, the largest cities in Washington, raised the minimum wage.',
      'NATO met in Brussels. The Washington Wizards coach quit.',
    );
    const { sure, unsure } = context.split(records);
    expect(sure.map(textOf)).toEqual(['NATO', 'Brussels', 'Washington Wizards']);
    expect(unsure.map(textOf)).toEqual(['Washington']);
    await context.fetchProfiles(unsure);
    await context.fetchProfiles(unsure);
    expect(asked).toEqual([['wa-city', 'wa-state', 'us-gov', 'george-washington', 'wa-wizards']]);
    const marked = await context.decide(unsure);
    expect(marked).toHaveLength(1);
    expect(marked[0]?.entityIds[0]).toBe('wa-state');
    expect(marked[0]?.decision?.kind).toBe('mark');
    expect(marked[0]?.entityIds).toHaveLength(5);
  });

  it('decides a name of one entity from its own words, without loading the scorer', async () => {
    let loads = 0;
    const context = new PageContext(
      'news.example',
      async () => [],
      undefined,
      async () => {
        loads++;
        return { decideMentions };
      },
    );
    const one = createMatcher([
      { alias: 'Alliance', entityId: 'nato' },
      { alias: 'NATO', entityId: 'nato' },
      { alias: 'Stoltenberg', entityId: 'stoltenberg' },
      { alias: 'Lufthansa', entityId: 'lufthansa' },
    ]);
    const records = mentionsWith(one, [
      'Alliance members met. Stoltenberg spoke first.',
      'Lufthansa Group said so. NATO agreed, and the Alliance too.',
    ]);
    const { sure, unsure } = context.split(records);
    // A sentence start that is no ordinary word is marked; "the Alliance" amid a sentence is plain.
    expect(sure.map(textOf)).toEqual(['Stoltenberg', 'NATO', 'Alliance']);
    expect(unsure).toEqual([]);
    // The ordinary word at a sentence start, and the part of a longer name, are not; a correction
    // can still bring them back.
    const left = records.filter((r) => r.decision?.kind === 'none').map(textOf);
    expect(left).toEqual(['Alliance', 'Lufthansa']);
    expect(context.blocksWith(new Set(['lufthansa']), sure)).toEqual([document.querySelectorAll('p')[1]]);
    expect(loads).toBe(0);
  });

  it('leaves out what means nothing Gloss knows, and finds its block again for a correction', async () => {
    const context = pageContext([], []);
    const records = mentionsOf('Fans of the Washington Capitals filled the arena.', 'Talks in Brussels.');
    const { sure, unsure } = context.split(records);
    await context.fetchProfiles(unsure);
    expect(await context.decide(unsure)).toEqual([]);
    expect(unsure[0]?.decision?.kind).toBe('none');
    const blocks = context.blocksWith(new Set(['washington']), sure);
    expect(blocks).toEqual([document.querySelector('p')]);
  });

  it('holds a name corrections may be about until they come, then decides it with them', async () => {
    for (const says of ['nothing', 'unrelated'] as const) {
      let arrive: () => void = () => {};
      let corrections: Correction[] = [];
      const source = {
        current: () => corrections,
        onChange: () => () => {},
        awaits: (text: string) => text === 'Brussels' && corrections.length === 0,
        ready: () => new Promise<void>((resolve) => (arrive = resolve)),
      };
      let loads = 0;
      const context = new PageContext(
        'news.example',
        async () => [],
        source,
        async () => {
          loads++;
          return { decideMentions };
        },
      );
      const { sure, unsure } = context.split(mentionsOf('Talks in Brussels with NATO.'));
      expect(sure.map(textOf)).toEqual(['NATO']);
      expect(unsure.map(textOf)).toEqual(['Brussels']);
      let fetched = false;
      const fetching = context.fetchProfiles(unsure).then(() => (fetched = true));
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(fetched).toBe(false);
      corrections = [
        {
          id: 'c:1',
          alias: says === 'nothing' ? 'brussels' : 'paris',
          right: null,
          scope: 'everywhere',
          createdAt: 1,
          updatedAt: 1,
        },
      ];
      arrive();
      await fetching;
      const marked = await context.decide(unsure);
      expect(marked.map(textOf)).toEqual(says === 'nothing' ? [] : ['Brussels']);
      // A correction about it goes through the scorer; a plain name, once it is clear none is, does not.
      expect(loads).toBe(says === 'nothing' ? 1 : 0);
    }
  });

  it('applies a correction to a name it would otherwise mark at once', async () => {
    const nothing: Correction = {
      id: 'c:1',
      alias: 'brussels',
      right: null,
      scope: 'site',
      site: 'news.example',
      createdAt: 1,
      updatedAt: 1,
    };
    const context = pageContext([], [nothing]);
    const { sure, unsure } = context.split(mentionsOf('Talks in Brussels.'));
    expect(sure).toEqual([]);
    await context.fetchProfiles(unsure);
    expect(await context.decide(unsure)).toEqual([]);
    expect(unsure[0]?.decision?.reasons).toEqual([{ kind: 'correction', items: ['site'] }]);
  });
});
