// @vitest-environment happy-dom
// The card's part of issue 15: the quiet "why" line, "Not this — it's …" (another candidate or
// nothing; here and in passages like it, or "Always on this site"), and "Which one?" with the
// likelier candidate first and "None of these".
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Correction } from '@/src/core/context/types';
import type { EntityType } from '@/src/core/vocabulary';
import type { EntityView } from '@/src/messaging/protocol';
import { explainLine } from '@/src/ui/card/explain';
import type { CardCorrection } from '@/src/ui/card/MentionCorrection';
import { Popover, type PopoverApi, type PopoverProps } from '@/src/ui/Popover';
import { russia, settle, testRoot } from './ui-fixtures';

function identity(id: string, name: string, type: EntityType): EntityView {
  return {
    entity: russia({ key: id, name, type, description: `${name}.` }),
    pack: { id: 'a', title: 'Pack A' },
    identity: { id, sourceCount: 1, packs: [{ id: 'a', title: 'Pack A' }], memberKeys: [`a/${name}`] },
    facts: [],
    notes: [],
  };
}

const VIEWS = new Map([
  ['i:city', identity('i:city', 'Washington, D.C.', 'place')],
  ['i:person', identity('i:person', 'George Washington', 'person')],
]);

/** The card's calls, answered in memory; `made` is every correction it asked for. */
function fakeApi() {
  const made: CardCorrection[] = [];
  const api: PopoverApi = {
    getEntity: async (key) => VIEWS.get(key) ?? null,
    createNote: async () => ({}),
    updateNote: async () => ({}),
    deleteNote: async () => {},
    correctMention: async (input) => {
      made.push(input);
      return { ...input, id: 'c:1', createdAt: 1, updatedAt: 1 } as Correction;
    },
    onNotesChanged: () => () => {},
  };
  return { api, made };
}

const container = testRoot();
beforeEach(() => fakeBrowser.reset());

async function show(props: Partial<PopoverProps> & { api: PopoverApi }) {
  let closed = 0;
  await act(() => {
    render(
      <Popover
        entityIds={['i:city', 'i:person']}
        mentionText="Washington"
        sentence="The Wizards beat Boston as Washington scored late."
        pageUrl="https://nba.example/results"
        pageTitle="Results"
        trapFocus={false}
        onClose={() => closed++}
        {...props}
      />,
      container,
    );
  });
  await settle(10);
  return { closed: () => closed };
}

const click = async (selector: string, text?: string) => {
  const button = [...container.querySelectorAll<HTMLElement>(selector)].find(
    (b) => !text || b.textContent?.includes(text),
  );
  if (!button) throw new Error(`no ${selector} ${text ?? ''}: ${container.textContent}`);
  await act(() => button.click());
  await settle(10);
};

describe('the why line', () => {
  it('names what counted, in words, at most two reasons', () => {
    expect(
      explainLine([
        { kind: 'page', items: ['NATO', 'Stoltenberg', 'Brussels', 'Kyiv'] },
        { kind: 'word', items: ['summit'] },
        { kind: 'prior', items: [] },
      ]),
    ).toBe('On this page with NATO, Stoltenberg, Brussels; near the words “summit”');
    expect(explainLine([{ kind: 'page', items: [] }])).toBe('');
    expect(explainLine(undefined)).toBe('');
  });

  it('shows quietly on the card', async () => {
    const { api } = fakeApi();
    await show({
      api,
      chosen: 'i:city',
      decision: { kind: 'mark', reasons: [{ kind: 'block', items: ['White House'] }] },
    });
    expect(container.querySelector('.gloss-explain')?.textContent).toBe('Next to White House');
  });
});

/** Picks where a correction holds, by its radio button's label. */
async function choose(label: string) {
  const radio = [...container.querySelectorAll<HTMLInputElement>('.gloss-correct input[type=radio]')].find(
    (input) => input.labels?.[0]?.textContent === label,
  );
  expect(radio, label).toBeDefined();
  await act(() => radio?.click());
  expect(radio?.checked).toBe(true);
}

describe('Not this — it’s …', () => {
  it('another candidate: a correction for passages like this one, and the card shows the right one', async () => {
    const { api, made } = fakeApi();
    await show({ api, chosen: 'i:city' });
    expect(container.querySelector('h2')?.textContent).toBe('Washington, D.C.');
    await click('.gloss-not-this');
    expect(container.querySelector('.gloss-correct h3')?.textContent).toBe('Not Washington, D.C. — it’s …');
    expect(container.querySelector('.gloss-correct-scope')?.textContent).toContain(
      '“Washington” here and in passages like this one, on any site.',
    );
    await click('.gloss-correct .gloss-choice', 'George Washington');
    expect(made).toEqual([
      {
        alias: 'Washington',
        wrong: 'i:city',
        right: 'i:person',
        scope: 'context',
        cues: ['scored', 'boston', 'late', 'beat', 'wizards'],
      },
    ]);
    await settle(20);
    expect(container.querySelector('h2')?.textContent).toBe('George Washington');
  });

  it('"Always on this site" and nothing: a site correction, and the card closes', async () => {
    const { api, made } = fakeApi();
    const card = await show({ api, entityIds: ['i:city'] });
    await click('.gloss-not-this');
    await choose('Always on this site');
    expect(container.querySelector('.gloss-correct-scope')?.textContent).toContain(
      'Every “Washington” on nba.example.',
    );
    await click('.gloss-correct-nothing');
    expect(made).toEqual([{ alias: 'Washington', wrong: 'i:city', right: null, scope: 'site' }]);
    expect(card.closed()).toBe(1);
  });

  it('"Everywhere" and another candidate: a correction for every site, without the words around it', async () => {
    const { api, made } = fakeApi();
    await show({ api, chosen: 'i:city' });
    await click('.gloss-not-this');
    await choose('Everywhere');
    expect(container.querySelector('.gloss-correct-scope')?.textContent).toContain(
      'Every “Washington”, on every site.',
    );
    await click('.gloss-correct .gloss-choice', 'George Washington');
    expect(made).toEqual([{ alias: 'Washington', wrong: 'i:city', right: 'i:person', scope: 'everywhere' }]);
  });

  it('Esc closes the form, not the card', async () => {
    const { api } = fakeApi();
    const card = await show({ api, entityIds: ['i:city'] });
    await click('.gloss-not-this');
    const form = container.querySelector('.gloss-correct') as HTMLElement;
    await act(() => {
      form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(container.querySelector('.gloss-correct')).toBeNull();
    expect(card.closed()).toBe(0);
  });
});

describe('Which one?', () => {
  it('lists the candidates as ranked, says so, and "None of these" corrects to nothing', async () => {
    const { api, made } = fakeApi();
    const card = await show({
      api,
      entityIds: ['i:person', 'i:city'],
      decision: { kind: 'ambiguous', reasons: [] },
    });
    expect(container.querySelector('.gloss-chooser-hint')?.textContent).toBe('The likelier first.');
    expect([...container.querySelectorAll('.gloss-choice-name')].map((e) => e.textContent)).toEqual([
      'George Washington',
      'Washington, D.C.',
    ]);
    await click('.gloss-choice-none');
    expect(made).toEqual([{ alias: 'Washington', right: null, scope: 'site' }]);
    expect(card.closed()).toBe(1);
  });

  for (const remember of [true, false])
    it(`"Remember for this site" ${remember ? 'ticked keeps the answer as a correction for the site' : 'unticked keeps nothing'}`, async () => {
      const { api, made } = fakeApi();
      await show({ api, entityIds: ['i:person', 'i:city'], decision: { kind: 'ambiguous', reasons: [] } });
      const box = container.querySelector<HTMLInputElement>('.gloss-chooser input[type=checkbox]');
      expect(box?.checked).toBe(true);
      if (!remember) await act(() => box?.click());
      await click('.gloss-choice', 'Washington, D.C.');
      await settle(20);
      expect(container.querySelector('h2')?.textContent).toBe('Washington, D.C.');
      expect(made).toEqual(remember ? [{ alias: 'Washington', right: 'i:city', scope: 'site' }] : []);
    });
});
