/**
 * Peer implementations run in a worker thread so that a peer which cannot
 * finish (a 100,000-way RegExp alternation) is stopped at a deadline instead
 * of stalling the benchmark. The worker reports progress after every text, so
 * a stopped peer still yields a throughput over the texts it finished.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type PeerKind = 'regexp' | 'modern-ahocorasick';

export interface PeerResult {
  /** Build (compile) time in ms, or undefined if the deadline hit first. */
  buildMs?: number;
  /** UTF-16 units scanned and time spent, over completed texts only. */
  units: number;
  scanMs: number;
  mentions: number;
  timedOut: boolean;
}

// Plain JS: evaluated as a CommonJS worker, so no TypeScript loader is needed.
const WORKER = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { kind, aliases, texts, macPath, minMs } = workerData;
const now = () => performance.now();
let t0 = now();
let scan;
if (kind === 'regexp') {
  const esc = (s) => s.replace(/[.*+?^\${}()|[\]\\]/g, '\\$&');
  // Longest first: the closest a RegExp alternation gets to leftmost-longest.
  const sorted = [...aliases].sort((a, b) => b.length - a.length).map(esc);
  const re = new RegExp('(?<![\\p{L}\\p{M}\\p{N}])(?:' + sorted.join('|') + ')(?![\\p{L}\\p{M}\\p{N}])', 'giu');
  re.test('warm up the compiler');
  scan = (text) => { re.lastIndex = 0; let n = 0; while (re.exec(text) !== null) n++; return n; };
} else {
  const TextMatcher = require(macPath);
  const m = new TextMatcher(aliases, { caseFold: true, normalization: 'NFD' });
  const opts = { strategy: 'leftmost-longest', wholeWord: true, locale: 'en' };
  scan = (text) => m.search(text, opts).length;
}
parentPort.postMessage({ type: 'built', ms: now() - t0 });
scan(texts[texts.length - 1]);
let units = 0, mentions = 0;
t0 = now();
do {
  for (const text of texts) {
    mentions += scan(text);
    units += text.length;
    parentPort.postMessage({ type: 'progress', units, mentions, ms: now() - t0 });
  }
} while (now() - t0 < minMs);
parentPort.postMessage({ type: 'done' });
`;

export function runPeer(
  kind: PeerKind,
  aliases: string[],
  texts: string[],
  deadlineMs: number,
  minMs = 400,
): Promise<PeerResult> {
  const macPath = createRequire(import.meta.url).resolve('modern-ahocorasick/text');
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { kind, aliases, texts, macPath, minMs },
    resourceLimits: { maxOldGenerationSizeMb: 4096 },
  });
  const result: PeerResult = { units: 0, scanMs: 0, mentions: 0, timedOut: false };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      result.timedOut = true;
      void worker.terminate().then(() => resolve(result));
    }, deadlineMs);
    worker.on('message', (m: { type: string; ms: number; units: number; mentions: number }) => {
      if (m.type === 'built') result.buildMs = m.ms;
      else if (m.type === 'progress') {
        result.units = m.units;
        result.scanMs = m.ms;
        result.mentions = m.mentions;
      } else if (m.type === 'done') {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve(result));
      }
    });
    worker.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
