// @vitest-environment happy-dom
// An inflected form counts only in text of its language (src/content/matching.ts). The detector is
// part of the content script: judging a form loads no module, so the marks after the first form on
// a page do not wait for one (bench:page, bbc-1: 195 → 37 ms to all highlights).
import { describe, expect, it } from 'vitest';
import { inSegmentLanguage } from '@/src/content/matching';
import type { AliasMatch } from '@/src/core/matcher';

function segment(html: string) {
  document.body.innerHTML = html;
  const p = document.querySelector('p') as HTMLParagraphElement;
  const text = p.firstChild as Text;
  return { container: p, nodes: [text], starts: [0], text: text.data };
}

describe('inSegmentLanguage', () => {
  it('keeps a Polish form in Polish text and drops it in English text, with no module to load', async () => {
    const polish = segment(
      '<p>Sekretarz generalny NATO powiedział, że sojusz nie jest w stanie wojny z Rosją i że to nie zmieni się.</p>',
    );
    const at = polish.text.indexOf('Rosją');
    const form: AliasMatch = { start: at, end: at + 5, entityIds: ['russia'], langs: ['pl'] };
    expect(await inSegmentLanguage(polish, [form])).toEqual([strip(form)]);
    const english = segment('<p>The secretary general said that the alliance is not at war with Rosją.</p>');
    const there = english.text.indexOf('Rosją');
    expect(await inSegmentLanguage(english, [{ ...form, start: there, end: there + 5 }])).toEqual([]);
  });
});

function strip(match: AliasMatch): AliasMatch {
  const { langs: _langs, ...rest } = match;
  return rest;
}
