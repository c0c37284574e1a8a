// `npm run lint:firefox`: builds the Firefox add-on and runs Mozilla's linter (`web-ext lint`, the
// checks addons.mozilla.org runs on upload) on it. Fails on any error and on any warning except the
// ones README's "Firefox" section explains: Preact's renderer assigns innerHTML for
// `dangerouslySetInnerHTML`, which Gloss never uses; Mozilla's Readability (in capture.js,
// injected only when you add an article) moves markup between nodes of a detached copy of the page;
// and the content script imports its popover module by the fixed path of a packaged file.
// Each is recognised by the exact code it points at, so an innerHTML assignment anywhere else fails.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIREFOX_EXTENSION_DIR } from './lib/firefox';
import { ROOT } from './lib/static-server';

interface Message {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

const PREACT_INNER_HTML = /^[\w$]+\.innerHTML=[\w$]+\.__html\b/;

/** Readability's two assignments, both between elements of the copy it works on. */
const READABILITY_INNER_HTML = [
  /^[\w$]+\.innerHTML=[\w$]+,this\._attempts\.push/,
  /^[\w$]+\.innerHTML=[\w$]+\.innerHTML;var [\w$]+=[\w$]+\.previousElementSibling/,
];

/** The content script importing its own popover or scorer module, by the fixed path of a packaged file. */
const POPOVER_IMPORT = /^import\([\w$]+\.runtime\.getURL\("\/content-scripts\/(popover|scorer)\.js"\)\)/;

/** Which README-explained warning this is, or null for one that must fail the lint. */
function explain(warning: Message): string | null {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !warning.line || !warning.column) {
    return null;
  }
  const line = readFileSync(join(FIREFOX_EXTENSION_DIR, warning.file), 'utf8').split('\n')[warning.line - 1];
  const code = line?.slice(warning.column - 1) ?? '';
  if (warning.file === 'capture.js') {
    return READABILITY_INNER_HTML.some((pattern) => pattern.test(code)) ? 'Readability' : null;
  }
  if (warning.file === 'content-scripts/content.js') {
    return POPOVER_IMPORT.test(code) ? 'the popover or scorer module import' : null;
  }
  return PREACT_INNER_HTML.test(code) ? "Preact's renderer" : null;
}

if (!process.env.GLOSS_LINT_SKIP_BUILD) {
  const build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, stdio: 'ignore' });
  if (build.status !== 0) {
    console.error('wxt build -b firefox failed');
    process.exit(1);
  }
}

const lint = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', FIREFOX_EXTENSION_DIR, '--output', 'json'],
  {
    cwd: ROOT,
    encoding: 'utf8',
  },
);
let report: { errors: Message[]; warnings: Message[]; notices: Message[] };
try {
  report = JSON.parse(lint.stdout);
} catch {
  console.error('web-ext lint gave no report:', lint.stderr || lint.stdout);
  process.exit(1);
}

const explained = report.warnings.filter((w) => explain(w) !== null);
const problems = [...report.errors, ...report.warnings.filter((w) => explain(w) === null)];
const where = (m: Message) => (m.file ? ` (${m.file}${m.line ? `:${m.line}:${m.column}` : ''})` : '');
for (const m of problems) console.error(`✗ ${m.code}: ${m.message}${where(m)}`);
for (const m of explained) {
  console.log(`  known: ${m.code} in ${explain(m)}${where(m)}`);
}
console.log(
  `web-ext lint ${FIREFOX_EXTENSION_DIR}: ${report.errors.length} errors, ${report.warnings.length} warnings ` +
    `(${explained.length} explained in README), ${report.notices.length} notices`,
);
process.exit(problems.length ? 1 : 0);
