/**
 * Importing a pack into a large knowledge graph, end to end in Debian's Chromium (issue 13):
 * `npx tsx bench/graph-import.bench.ts` (about 3 minutes; `--no-build` reuses .output-bench-kg,
 * `--runs N` imports the pack N times, default 3).
 *
 * Target: with 100,000 identities in the knowledge base, linking a 10,000-entity pack at import
 * takes ≤ 2 s. The packs are bench/lib/graph-packs.ts's; they go in as a user's file does
 * (`importPack` from an extension page: the message, validation, writes, linking, commit). The
 * baseline, in the same run and the same browser, is importing the same pack into the knowledge
 * base as installed (the bundled packs), before the 100,000 identities are added. Each run imports
 * the pack under a new id and removes it again, so every run links the same 10,000 entities against
 * the same identities. The steps are the background's User Timing entries (`measure` in
 * src/background/packs.ts): validate, limits (the alias caps), write, link (link index included),
 * transaction (limits + write + link + commit).
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { callBackground } from '../scripts/lib/calls';
import { buildExtension, markdown, median, ms, openBench, takeMeasures } from './lib/extension';
import { incomingPack, knowledgeBase } from './lib/graph-packs';

const args = process.argv.slice(2);
const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(flag('--runs')) || 3;
const STEPS = [
  'import:validate',
  'import:limits',
  'import:write',
  'import:link',
  'link:index',
  'import:transaction',
] as const;
/** Finer steps, printed per run (link: read, index, decide, write, refresh; refresh: read, facts, write). */
const DETAIL = [
  'link:read',
  'link:index',
  'link:decide',
  'link:write',
  'link:refresh',
  'refresh:read',
  'refresh:facts',
  'refresh:write',
];

interface Run {
  totalMs: number;
  steps: Map<string, number>;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const dir = buildExtension('.output-bench-kg', args.includes('--no-build'));
  // --kb-profile DIR: a browser profile holding the knowledge base, made by an earlier run (which
  // copies it there); a run with it skips the baseline and the 128 s of importing the knowledge base.
  const saved = flag('--kb-profile');
  const reuse = saved && existsSync(saved) ? mkdtempSync(join(tmpdir(), 'gloss-kg-')) : undefined;
  if (reuse && saved) cpSync(saved, reuse, { recursive: true });
  const { gloss, ext } = await openBench(dir, reuse);
  await callBackground(ext, 'listPacks', undefined); // Waits for the bundled packs.
  let serial = reuse ? 100 : 0;

  const importOnce = async (): Promise<Run> => {
    const id = `kg-incoming-${serial++}`;
    const json = JSON.stringify(incomingPack(id));
    await takeMeasures(gloss);
    const started = performance.now();
    const result = await callBackground(ext, 'importPack', { json });
    const totalMs = performance.now() - started;
    if (!result.ok) throw new Error(`import of ${id}: ${JSON.stringify(result.errors)}`);
    const steps = await takeMeasures(gloss);
    await callBackground(ext, 'removePack', { id });
    return { totalMs, steps };
  };
  const runs = async (label: string): Promise<Run[]> => {
    const out: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      out.push(await importOnce());
      const run = out[i] as Run;
      const detail = [...STEPS, ...DETAIL].map((s) => `${s} ${ms(run.steps.get(s))}`).join(', ');
      console.log(`${label} run ${i + 1}: ${ms(run.totalMs)} ms (${detail})`);
    }
    return out;
  };

  const baseline = await runs('baseline (bundled packs only)');
  const kbStarted = performance.now();
  for (const pack of knowledgeBase()) {
    const started = performance.now();
    const result = await callBackground(ext, 'importPack', { json: JSON.stringify(pack) });
    if (!result.ok) throw new Error(`import of ${pack.pack.id}: ${JSON.stringify(result.errors)}`);
    console.log(
      `knowledge base: ${pack.pack.id} (${pack.entities.length} entities) in ${ms(performance.now() - started)} ms`,
    );
  }
  const kbMs = performance.now() - kbStarted;
  await takeMeasures(gloss);
  const large = await runs('100,000 identities');
  const [identities] = await gloss.serviceWorker.evaluate(async () => {
    const open = indexedDB.open('gloss');
    const db: IDBDatabase = await new Promise((done) => {
      open.onsuccess = () => done(open.result);
    });
    const count: number = await new Promise((done) => {
      const req = db.transaction('identities').objectStore('identities').count();
      req.onsuccess = () => done(req.result);
    });
    db.close();
    return [count];
  });
  await gloss.close();

  const row = (label: string, list: Run[], base?: Run[]) => {
    const total = median(list.map((r) => r.totalMs));
    const cells = STEPS.map((s) => ms(median(list.map((r) => r.steps.get(s) ?? Number.NaN))));
    const ratio = base ? `×${(total / median(base.map((r) => r.totalMs))).toFixed(2)}` : '×1';
    return [label, ms(total), ...cells, ratio, list.map((r) => ms(r.totalMs)).join(', ')];
  };
  const link = median(large.map((r) => r.steps.get('link') ?? Number.NaN));
  const total = median(large.map((r) => r.totalMs));
  console.log(
    `\nChromium, ${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, Node ${process.version}; ${RUNS} runs each (median; all runs in the last column)`,
  );
  console.log(
    `knowledge base: ${identities.toLocaleString('en-US')} identities in the database (tombstones included), imported in ${ms(kbMs)} ms`,
  );
  console.log(
    markdown(
      ['knowledge base', 'import, ms (page → reply)', ...STEPS.map((s) => `${s} ms`), 'vs. baseline', 'runs'],
      baseline.length
        ? [row('bundled packs (baseline)', baseline), row('+ 100,000 identities', large, baseline)]
        : [row('+ 100,000 identities (saved profile, no baseline)', large)],
    ),
  );
  console.log(
    `linking at import ≤ 2,000 ms: ${ms(link)} ms — ${link <= 2000 ? 'PASS' : 'MISS'}; whole import ${ms(total)} ms`,
  );
  console.log(`whole run ${ms((performance.now() - t0) / 1000)} s`);
}

await main();
