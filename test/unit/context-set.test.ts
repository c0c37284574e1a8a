// The ambiguity set (issue 15): every labelled mention of test/fixtures/context scored by the page's
// pipeline. Prints the table of right, abstained and wrong, before (every candidate marked) and after.
import { describe, expect, it } from 'vitest';
import { before, loadKnowledge, loadPages, runPage, type Verdict, verdict } from './context-fixture';

const knowledge = loadKnowledge();
const pages = loadPages();
const outcomes = (await Promise.all(pages.map((page) => runPage(page, knowledge)))).flat();

function table(verdicts: Verdict[]) {
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
  return {
    mentions: verdicts.length,
    right: count('right'),
    abstained: count('abstained'),
    wrong: count('wrong'),
  };
}

describe('the ambiguity set', () => {
  it('labels every mention the matcher finds, and has at least 200', () => {
    const unlabelled = outcomes.filter((o) => o.label === '?').map((o) => `${o.page}: ${o.text}`);
    expect(unlabelled).toEqual([]);
    const labelled = pages.flatMap((p) => p.blocks.flatMap((b) => b.labels)).length;
    expect(labelled).toBe(outcomes.length);
    expect(outcomes.length).toBeGreaterThanOrEqual(200);
  });

  it('picks the right identity or "none" for ≥ 90 %, and marks wrong ≤ 3 %', () => {
    const after = table(outcomes.map((o) => verdict(o.label, o.decision)));
    const was = table(outcomes.map((o) => verdict(o.label, before(o.candidates))));
    const held = outcomes.filter((o) => o.need !== 'mark');
    const scored = outcomes.filter((o) => o.need === 'context');
    const rows = {
      'before (every candidate)': was,
      after,
      'after, not marked at once': table(held.map((o) => verdict(o.label, o.decision))),
      'after, decided by the scorer': table(scored.map((o) => verdict(o.label, o.decision))),
    };
    console.table(rows);
    for (const o of outcomes) {
      const v = verdict(o.label, o.decision);
      if (v !== 'right')
        console.log(
          `${v}: ${o.page} "${o.text}" label ${o.label} → ${o.decision.kind} ${o.decision.ranked.map((r) => `${r.id}:${r.score.toFixed(2)}`).join(' ')}`,
        );
    }
    expect(after.right / after.mentions).toBeGreaterThanOrEqual(0.9);
    expect(after.wrong / after.mentions).toBeLessThanOrEqual(0.03);
  });
});
