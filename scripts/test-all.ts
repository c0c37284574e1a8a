// `npm test`: every check, one after another — types, lint, unit tests, end-to-end tests in
// Debian's Chromium, Mozilla's linter on the Firefox build, end-to-end tests in Debian's Firefox ESR —
// then one plain line that sums them all: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './lib/static-server';

interface Outcome {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
}

const reports = resolve(ROOT, '.output/test-reports');
mkdirSync(reports, { recursive: true });

function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): { ok: boolean; seconds: number } {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: '1', ...env },
  });
  return { ok: result.status === 0, seconds: (performance.now() - started) / 1000 };
}

function check(name: string, command: string, args: string[]): Outcome {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const { ok, seconds } = run(command, args);
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, seconds };
}

function vitest(project: string, env: Record<string, string> = {}): Outcome {
  const file = resolve(reports, `${project}.json`);
  rmSync(file, { force: true });
  console.log(`\n▶ ${project} tests: vitest run --project ${project}`);
  const { ok, seconds } = run(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
    ],
    env,
  );
  if (!existsSync(file)) return { name: `${project} tests`, passed: 0, failed: 1, skipped: 0, seconds };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A suite that fails outside any test (an import error, a crashed setup) still counts as a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (f: { status: string; assertionResults: unknown[] }) =>
      f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  const failed =
    report.numFailedTests + brokenFiles + (ok || report.numFailedTests + brokenFiles > 0 ? 0 : 1);
  return {
    name: `${project} tests`,
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
    seconds,
  };
}

const outcomes = [
  check('types', 'npx', ['tsc', '--noEmit']),
  check('lint', 'npx', ['biome', 'check', '.']),
  vitest('unit'),
  vitest('e2e'),
  // Builds the Firefox add-on (after the Chromium build above), then web-ext lint on it.
  check('firefox lint', 'npx', ['tsx', 'scripts/lint-firefox.ts']),
  // The add-on the lint step just built.
  vitest('firefox', { GLOSS_E2E_SKIP_BUILD: '1' }),
];

console.log('\nSummary');
for (const o of outcomes) {
  console.log(
    `  ${o.failed ? '✗' : '✓'} ${o.name.padEnd(12)} ${o.passed} passed, ${o.failed} failed${o.skipped ? `, ${o.skipped} skipped` : ''}  (${o.seconds.toFixed(1)} s)`,
  );
}
const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
