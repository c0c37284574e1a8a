// @vitest-environment happy-dom
// Corrections on the page: the source follows the background's announcements and hears of the
// names the page has; the scorer's view of a mention (mentionContext) reaches the corrections that
// fit it: "nothing" leaves it out, another identity replaces its candidates.
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CorrectedMentionStore, SiteCorrections } from '@/src/content/corrections';
import type { Highlighter } from '@/src/content/highlighter';
import type { MentionRecord } from '@/src/content/mentions';
import type { Segment } from '@/src/content/walk';
import { correctionFor } from '@/src/core/context/corrections';
import { mentionContext } from '@/src/core/context/page';
import type { Correction } from '@/src/core/context/types';
import { changeItem } from '@/src/messaging/broadcast';

const SITE = 'nba.example';

/** Mentions of "Washington" (city or person) in one block of text. */
function block(text: string): MentionRecord[] {
  const p = document.createElement('p');
  const node = document.createTextNode(text);
  p.append(node);
  const segment: Segment = { container: p, nodes: [node], starts: [0], text };
  const records: MentionRecord[] = [];
  for (const found of text.matchAll(/Washington/g)) {
    const range = document.createRange();
    range.setStart(node, found.index);
    range.setEnd(node, found.index + 10);
    records.push({
      range,
      entityIds: ['i:city', 'i:person'],
      segment,
      start: found.index,
      end: found.index + 10,
      nodes: [node],
    });
  }
  return records;
}

const correction = (fields: Partial<Correction>): Correction => ({
  id: 'c:1',
  alias: 'washington',
  right: null,
  scope: 'site',
  site: SITE,
  createdAt: 1,
  updatedAt: 1,
  ...fields,
});

/** The mentions as the scorer leaves them after the corrections that fit each (in its block's passage). */
function applyCorrections(records: MentionRecord[], corrections: Correction[], site: string) {
  return records.flatMap((record) => {
    const where = { block: {}, page: {}, site, lang: 'en' };
    const mention = mentionContext(record.segment.text, record.start, record.end, record.entityIds, where);
    const fits = correctionFor(corrections, mention);
    if (!fits) return [record];
    return fits.right === null ? [] : [{ ...record, entityIds: [fits.right] }];
  });
}

describe('corrections as the scorer applies them on the page', () => {
  it('drops a mention corrected to "nothing" and narrows one corrected to another identity', () => {
    const records = block('Washington beat Boston. The Wizards of Washington won.');
    expect(applyCorrections(records, [correction({})], SITE)).toEqual([]);
    const narrowed = applyCorrections(records, [correction({ right: 'i:team' })], SITE);
    expect(narrowed.map((r) => r.entityIds)).toEqual([['i:team'], ['i:team']]);
    expect(narrowed[0]?.range).toBe(records[0]?.range);
  });

  it('leaves other sites, other names and unlike passages alone', () => {
    const records = block('Washington signed the treaty in Paris.');
    expect(applyCorrections(records, [correction({ site: 'news.example' })], SITE)).toEqual(records);
    expect(applyCorrections(records, [correction({ alias: 'paris' })], SITE)).toEqual(records);
    const context = correction({ scope: 'context', cues: ['wizards', 'beat', 'boston'] });
    expect(applyCorrections(records, [context], SITE)).toEqual(records);
    expect(applyCorrections(block('The Wizards beat Boston, Washington says.'), [context], SITE)).toEqual([]);
  });
});

describe('the page store', () => {
  it('tells the source the names it stores, so corrections about them are fetched', () => {
    const noticed: string[] = [];
    const store = new CorrectedMentionStore(
      { mentions: new Set(), sync() {} } as unknown as Highlighter,
      undefined,
      {
        current: () => [],
        onChange: () => () => {},
        notice: (records) => {
          for (const r of records) noticed.push(r.segment.text.slice(r.start, r.end));
        },
      },
    );
    store.add(block('Washington and Washington'));
    expect(noticed).toEqual(['Washington', 'Washington']);
    expect(store.size).toBe(2);
  });
});

describe('SiteCorrections', () => {
  it('fetches its site once started, again on an announced change, and tells its listeners', async () => {
    fakeBrowser.reset();
    const answers: Correction[][] = [[correction({})], [correction({}), correction({ id: 'c:2' })]];
    const asked: string[] = [];
    const source = new SiteCorrections(SITE, async (site) => {
      asked.push(site);
      return answers.shift() ?? [];
    });
    let heard = 0;
    source.onChange(() => heard++);
    const stop = source.start();
    await vi.waitFor(() => expect(source.current()).toHaveLength(1));
    expect(heard).toBe(1);
    await changeItem.setValue({ kind: 'notes', at: 1 });
    await changeItem.setValue({ kind: 'corrections', at: 2 });
    await vi.waitFor(() => expect(source.current()).toHaveLength(2));
    expect(asked).toEqual([SITE, SITE]);
    expect(heard).toBe(2);
    stop();
    await changeItem.setValue({ kind: 'corrections', at: 3 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toHaveLength(2);
  });

  it('asks nothing at start when no correction can apply on its site, but follows a change', async () => {
    fakeBrowser.reset();
    const asked: string[] = [];
    const source = new SiteCorrections(
      SITE,
      async (site) => {
        asked.push(site);
        return [correction({})];
      },
      async () => ({ sites: ['news.example'], aliases: [] }),
    );
    const stop = source.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toEqual([]);
    await changeItem.setValue({ kind: 'corrections', at: 1 });
    await vi.waitFor(() => expect(source.current()).toHaveLength(1));
    stop();
    // Listed, or nothing published yet: it asks at start.
    for (const where of [{ sites: [SITE], aliases: [] }, null]) {
      const listed = new SiteCorrections(
        SITE,
        async () => [correction({})],
        async () => where,
      );
      const stopListed = listed.start();
      await vi.waitFor(() => expect(listed.current()).toHaveLength(1));
      stopListed();
    }
  });

  it('asks once the page has a name that a correction for passages or everywhere is about', async () => {
    fakeBrowser.reset();
    let asked = 0;
    const source = new SiteCorrections(
      SITE,
      async () => {
        asked++;
        return [correction({ scope: 'everywhere' })];
      },
      async () => ({ sites: [], aliases: ['washington'] }),
    );
    const stop = source.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    source.notice(block('Paris and Boston'));
    source.notice([]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toBe(0);
    source.notice(block('Paris and Washington'));
    source.notice(block('Washington again'));
    await vi.waitFor(() => expect(source.current()).toHaveLength(1));
    expect(asked).toBe(1);
    stop();
  });

  it('holds the names corrections may be about until they come, and asks for them at the first', async () => {
    fakeBrowser.reset();
    let answer: (list: Correction[]) => void = () => {};
    let asked = 0;
    const source = new SiteCorrections(
      SITE,
      () => {
        asked++;
        return new Promise((resolve) => (answer = resolve));
      },
      async () => ({ sites: [], aliases: ['washington'] }),
    );
    const stop = source.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.awaits('Paris')).toBe(false);
    expect(asked).toBe(0);
    expect(source.awaits('WASHINGTON')).toBe(true);
    expect(asked).toBe(1);
    let ready = false;
    void source.ready().then(() => (ready = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);
    answer([correction({ scope: 'everywhere' })]);
    await vi.waitFor(() => expect(ready).toBe(true));
    // Here now: nothing waits any more, and nothing is asked again.
    expect(source.awaits('Washington')).toBe(false);
    expect(source.current()).toHaveLength(1);
    expect(asked).toBe(1);
    stop();
  });

  it('on a site some corrections are for, holds every name until they come; a failed answer holds nothing', async () => {
    fakeBrowser.reset();
    let fail: ((error: Error) => void) | undefined;
    const source = new SiteCorrections(
      SITE,
      () => new Promise((_, reject) => (fail = reject)),
      async () => ({ sites: [SITE], aliases: [] }),
    );
    // Before the index is read, every name waits.
    expect(source.awaits('Paris')).toBe(true);
    const stop = source.start();
    await vi.waitFor(() => expect(fail).toBeDefined());
    expect(source.awaits('Paris')).toBe(true);
    fail?.(new Error('The background was updated'));
    await source.ready();
    expect(source.awaits('Paris')).toBe(false);
    expect(source.current()).toEqual([]);
    stop();
  });

  it('waits for the newest answer when a change comes during the first fetch', async () => {
    fakeBrowser.reset();
    const answers: Array<(list: Correction[]) => void> = [];
    const source = new SiteCorrections(
      SITE,
      () => new Promise((resolve) => answers.push(resolve)),
      async () => ({ sites: [SITE], aliases: [] }),
    );
    const stop = source.start();
    await vi.waitFor(() => expect(answers).toHaveLength(1));
    await changeItem.setValue({ kind: 'corrections', at: 1 });
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    let ready = false;
    void source.ready().then(() => (ready = true));
    answers[0]?.([correction({})]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ready).toBe(false);
    answers[1]?.([correction({}), correction({ id: 'c:2' })]);
    await vi.waitFor(() => expect(ready).toBe(true));
    expect(source.current()).toHaveLength(2);
    stop();
  });

  it('lets go of the names it held before the index was read, asking only when one of them is corrected', async () => {
    for (const [held, asks] of [
      ['Paris', false],
      ['Washington', true],
    ] as const) {
      fakeBrowser.reset();
      let asked = 0;
      let index: (where: { sites: string[]; aliases: string[] }) => void = () => {};
      const source = new SiteCorrections(
        SITE,
        async () => {
          asked++;
          return [correction({ scope: 'everywhere' })];
        },
        () => new Promise((resolve) => (index = resolve)),
      );
      const stop = source.start();
      expect(source.awaits(held)).toBe(true);
      let ready = false;
      void source.ready().then(() => (ready = true));
      index({ sites: [], aliases: ['washington'] });
      await vi.waitFor(() => expect(ready).toBe(true));
      expect(asked).toBe(asks ? 1 : 0);
      expect(source.awaits('Paris')).toBe(false);
      stop();
    }
  });

  it('asks when a name the page marked before the index was read turns out to be one of them', async () => {
    fakeBrowser.reset();
    let asked = 0;
    let index: (where: { sites: string[]; aliases: string[] }) => void = () => {};
    const source = new SiteCorrections(
      SITE,
      async () => {
        asked++;
        return [correction({ scope: 'everywhere' })];
      },
      () => new Promise((resolve) => (index = resolve)),
    );
    const stop = source.start();
    // The first marks come before the index of where corrections apply has been read.
    source.notice(block('Washington'));
    index({ sites: [], aliases: ['washington'] });
    await vi.waitFor(() => expect(source.current()).toHaveLength(1));
    expect(asked).toBe(1);
    stop();
  });
});
