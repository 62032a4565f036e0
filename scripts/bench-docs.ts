/**
 * Regenerates the benchmark figures of the docs (README's Benchmark section, the inline
 * `<!-- figure:NAME -->` figures of README.md and docs/integration.md) from `bench/results.json`.
 *   node --import tsx scripts/bench-docs.ts          rewrites them
 *   node --import tsx scripts/bench-docs.ts --check  fails when one is stale (part of npm test)
 * `npm run bench` runs the same regeneration after a full run.
 */
import { readFileSync } from 'node:fs';
import { BENCH_DOCS, writeBenchDocs } from '../bench/lib/bench-docs.js';
import type { Report } from '../bench/lib/report.js';

const check = process.argv.includes('--check');
const report = JSON.parse(readFileSync('bench/results.json', 'utf8')) as Report;
const stale = await writeBenchDocs(report, { check });
if (check && stale.length) {
  console.error(
    `${stale.join(', ')}: figures differ from bench/results.json: run node --import tsx scripts/bench-docs.ts`,
  );
  process.exit(1);
}
console.log(
  check
    ? `${BENCH_DOCS.join(', ')}: figures match bench/results.json`
    : stale.length
      ? `rewrote the figures of ${stale.join(', ')}`
      : 'the figures were up to date',
);
