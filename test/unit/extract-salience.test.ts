// Capture that reads like a person (issue 13): fragments, generic words, job titles, datelines,
// time zones and stop-word names are not offered; the rest come most salient first.
import { describe, expect, it } from 'vitest';
import { extractPack } from '../../src/core/extract';
import { isDateline, isFragment } from '../../src/core/extract/salience';
import { candidatesOf, DEFAULT_KEPT } from '../../src/core/review';

const NOW = new Date('2024-06-15T12:00:00.000Z');
const names = (title: string, text: string) =>
  extractPack({ title, url: 'https://news.example/a', text }, { now: NOW }).entities.map((e) => e.name);

describe('rejected candidates', () => {
  it('drops names cut short at an ellipsis or at the end of the text', () => {
    const text =
      'Leaders met in Geneva on Monday. Vladimir Putin spoke with Benjamin Netanyahu by phone. Related: Putin and Vladi… ' +
      'More: Netanyahu says Netan...\nSee also Netan';
    const found = names('Talks', text);
    expect(found).toEqual(expect.arrayContaining(['Vladimir Putin', 'Benjamin Netanyahu', 'Geneva']));
    expect(found).not.toContain('Vladi');
    expect(found).not.toContain('Netan');
  });

  it('drops single generic words, datelines, time zones and job titles, keeping the names in them', () => {
    const text =
      'LONDON — Sales of cars rose in Britain, officials said on Monday. The launch was at 8:51 p.m. (1451 GMT) from Baikonur. ' +
      'Local people saw a flash over Tuva. Wall Street fell. The Department said nothing. Interior officials in Kazakhstan agreed. ' +
      'South of the city, the TV crews waited near Baikonur. Asia Digital Editor for NBC News Jane Doe said so. ' +
      'Aerospace Writer Marcia Dunn in Cape Canaveral contributed to this report.';
    const found = names('Launch fails over Tuva', text);
    for (const junk of [
      'LONDON',
      'London',
      'Sales',
      'GMT',
      'Local',
      'Wall',
      'Department',
      'Interior',
      'South',
      'TV',
    ])
      expect(found, junk).not.toContain(junk);
    expect(found.some((n) => /Editor/.test(n))).toBe(false);
    expect(found).toEqual(
      expect.arrayContaining(['Britain', 'Baikonur', 'Tuva', 'Kazakhstan', 'Marcia Dunn']),
    );
  });

  it('drops a demonym before a name the article also names alone ("Russian Tuva" beside "Tuva")', () => {
    const text =
      'The craft broke up over the remote Russian Tuva region. The Tuva government said so. Tuva borders Mongolia.';
    const found = names('Craft lost', text);
    expect(found).toContain('Tuva');
    expect(found).not.toContain('Russian Tuva');
  });

  it('tells a dateline from a name at a sentence start, and a fragment from a whole word', () => {
    const text = 'MOSCOW (AP) — A rocket fell. NASA said so. CAIRO, Egypt — Gunmen fired. Vladi…';
    expect(isDateline(text, 0, 'MOSCOW')).toBe(true);
    expect(isDateline(text, text.indexOf('CAIRO'), 'CAIRO')).toBe(true);
    expect(isDateline(text, text.indexOf('NASA'), 'NASA')).toBe(false);
    expect(isFragment(text, text.indexOf('Vladi'), 'Vladi')).toBe(true);
    expect(isFragment(text, text.indexOf('NASA'), 'NASA')).toBe(false);
    expect(isFragment('Vladimir Putin spoke.', 0, 'Vladi')).toBe(true);
  });
});

describe('salience', () => {
  it('puts the names of the title and lede, mentioned throughout, before passing mentions', () => {
    const text = [
      'Analysts in Paris and Berlin were surprised on Monday.',
      'Sudan will trade with the United States again, officials in Khartoum said.',
      'Sudan has been under sanctions for twenty years.',
      'A professor in Oslo called it a mistake.',
      'Sudan must still improve access for aid groups, the United States said.',
    ].join(' ');
    const found = names('United States to lift Sudan sanctions', text);
    expect(found.slice(0, 2)).toEqual(['Sudan', 'United States']);
    expect(found.indexOf('Paris')).toBeGreaterThan(1);
  });

  it(`keeps the first ${DEFAULT_KEPT} by default and offers the rest as "More candidates"`, () => {
    const cities = Array.from({ length: 30 }, (_, i) => `Town${String.fromCharCode(65 + (i % 26))}${i}`);
    const text = cities
      .map((c, i) => `${'Officials visited '.repeat(1)}${c}${i < 5 ? ` and ${c} again` : ''}.`)
      .join(' ');
    const pack = extractPack({ title: 'Tour', url: 'https://news.example/t', text }, { now: NOW });
    const candidates = candidatesOf(pack);
    expect(candidates.length).toBeGreaterThan(DEFAULT_KEPT);
    expect(candidates.filter((c) => c.keep).length).toBe(DEFAULT_KEPT);
    expect(candidates.filter((c) => c.more).every((c) => !c.keep)).toBe(true);
    expect(candidates.slice(0, DEFAULT_KEPT).every((c) => c.keep && !c.more)).toBe(true);
  });
});
