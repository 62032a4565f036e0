/**
 * `npm run bench`: size, speed and memory of the widget, measured side by side (issue #8).
 *   npm run bench                  every measurement; writes bench/results.json and the docs' figures (bench/lib/bench-docs.ts)
 *   npm run bench -- --smoke       tiny iteration counts (part of `npm test`); writes .tmp/bench/results.smoke.json
 *   npm run bench -- --only a,b    only these measurements (ids as printed); writes .tmp/bench/results.only.json
 * Ends with one line `bench: N passed, N failed`: a measurement passes when it ran and its
 * figures are sane (a missed target is information, not a failure: the table flags it).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as prettier from 'prettier';
import { findChrome } from '../scripts/system-tools.mjs';
import type { CameraFixture } from '../test/helpers/camera/camera-groups.mjs';
import { makeCameraFixture } from '../test/helpers/node/camera-fixtures.js';
import { cardOnTable } from '../test/helpers/node/document-scenes.js';
import { BUILD_DIR, ensureBuild, NPM_DIR } from './lib/build.js';
import { BENCH_DOCS, writeBenchDocs } from './lib/bench-docs.js';
import { type Report, textTable } from './lib/report.js';
import { startBenchSandbox } from './lib/sandbox.js';
import { startStaticServer } from './lib/static-server.js';
import type { BenchContext, Measurement } from './lib/types.js';
import { bytes } from './measure/bytes.js';
import { faceSearch } from './measure/face-search.js';
import { faceThread } from './measure/face-thread.js';
import { firstStep } from './measure/first-step.js';
import { guidance } from './measure/guidance.js';
import { leaks } from './measure/leaks.js';
import { login } from './measure/login.js';
import { ocr } from './measure/ocr.js';
import { payloads } from './measure/payloads.js';
import { sandboxAnalysis } from './measure/sandbox-analysis.js';
import { sandboxApi } from './measure/sandbox-api.js';

const MEASUREMENTS: Measurement[] = [
  bytes,
  firstStep,
  guidance,
  payloads,
  leaks,
  sandboxApi,
  sandboxAnalysis,
  faceSearch,
  login,
  ocr,
  faceThread,
];

const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = values.only?.split(',');
const unknown = only?.filter((id) => !MEASUREMENTS.some((measurement) => measurement.id === id)) ?? [];
if (unknown.length) {
  console.error(`unknown measurement ${unknown.join(', ')}: use ${MEASUREMENTS.map((m) => m.id).join(', ')}`);
  process.exit(2);
}
const selected = MEASUREMENTS.filter((measurement) => !only || only.includes(measurement.id));
const smoke = values.smoke;
const started = performance.now();
const log = (line: string) => console.log(line);

mkdirSync(join('.tmp', 'bench'), { recursive: true });
await ensureBuild(log);

const videos = mkdtempSync(join(tmpdir(), 'verifik-bench-camera-'));
const pages = await startStaticServer({
  '/bench/': resolve('bench/pages'),
  '/build/': resolve(BUILD_DIR),
  '/dist/': resolve(NPM_DIR),
  '/models/': resolve('node_modules/@vladmandic/face-api/model'),
  // face-api's full bundle, for the hosted configurations the guidance bench compares with.
  '/face-api/': resolve('node_modules/@vladmandic/face-api/dist'),
  '/media/': videos,
});
const sandbox = await startBenchSandbox();
const context: BenchContext = {
  smoke,
  pagesUrl: pages.url,
  sandbox,
  video: (name: CameraFixture) => makeCameraFixture(name, videos),
  async documentPicture() {
    // The selfie fixture shows cris: her card, so the face match compares the same person.
    writeFileSync(join(videos, 'card.png'), await cardOnTable({ person: 'cris' }));
    return '/media/card.png';
  },
  log,
};

const chrome = findChrome();
const report: Report = {
  date: new Date().toISOString(),
  mode: smoke ? 'smoke' : 'full',
  seconds: 0,
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1e9),
    os: `${type()} ${release()}`,
    node: process.versions.node,
    chromium: chrome
      ? execFileSync(chrome, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
      : 'none',
  },
  measurements: {},
};

try {
  for (const measurement of selected) {
    log(`\n── ${measurement.title} (${measurement.id})`);
    const begin = performance.now();
    try {
      const result = await measurement.run(context);
      report.measurements[measurement.id] = {
        title: measurement.title,
        seconds: Math.round((performance.now() - begin) / 100) / 10,
        ...result,
      };
    } catch (error) {
      console.error(error);
      report.measurements[measurement.id] = {
        title: measurement.title,
        seconds: Math.round((performance.now() - begin) / 100) / 10,
        rows: [],
        data: {},
        problems: [],
        error: error instanceof Error ? error.message.split('\n')[0] : String(error),
      };
    }
  }
} finally {
  await sandbox.close();
  await pages.close();
  rmSync(videos, { recursive: true, force: true });
}
report.seconds = Math.round((performance.now() - started) / 1000);

console.log(textTable(report));
const outcomes = Object.values(report.measurements).filter((measurement) => !measurement.skipped);
const failed = outcomes.filter((measurement) => measurement.error || measurement.problems.length > 0).length;

// Only a full run of every measurement is the record (the docs quote it, measured side by side).
const resultsFile =
  smoke || only
    ? join('.tmp', 'bench', smoke ? 'results.smoke.json' : 'results.only.json')
    : join('bench', 'results.json');
/** Writes `text` to `file` formatted as the repository's Prettier settings want it. */
const writeFormatted = async (file: string, text: string) =>
  writeFileSync(file, await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file }));
await writeFormatted(resultsFile, JSON.stringify(report));
if (!smoke && !only) {
  await writeBenchDocs(report);
  console.log(`\nwrote ${resultsFile} and the figures of ${BENCH_DOCS.join(', ')}`);
} else {
  console.log(`\nwrote ${resultsFile}`);
}
console.log(`bench: ${outcomes.length - failed} passed, ${failed} failed (${report.seconds} s)`);
process.exit(failed === 0 ? 0 : 1);
