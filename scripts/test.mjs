#!/usr/bin/env node
/**
 * `npm test`: every check and every test runner, then one summary line `N passed, N failed`.
 *   node scripts/test.mjs            all of it
 *   node scripts/test.mjs checks     build, then lint, format, type-check, manifest, API docs, phone
 *                                    metadata, the docs' bench figures
 *   node scripts/test.mjs server     build, then unit, sandbox and package tests (Node)
 *   node scripts/test.mjs consumers  build, then the packed tarball in real apps (test/consumers)
 *   node scripts/test.mjs browser    build, then element tests in Chromium against the sandbox
 *   node scripts/test.mjs firefox    build, then the same browser tests in Firefox ESR
 *   node scripts/test.mjs bench      build, then the benchmark's smoke run (tiny iteration counts)
 * Each check (and the build) counts as one test; each runner counts its own tests. The build
 * (dist/ and cdn/) comes before the tests that use it: the package tests and the CDN page.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { CHROMIUM_ONLY_GROUPS, firefoxGroup, groupFolder, TEST_GROUPS } from '../test/helpers/camera/camera-groups.mjs';
import { ensureSystemTools } from './system-tools.mjs';

const bin = (name) => join('node_modules', '.bin', name);
const testFiles = (folder) =>
  readdirSync(folder, { recursive: true })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => join(folder, name))
    .sort();

/** Runs a command, echoing its output, and resolves to its exit code and output. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('error', (error) => resolve({ code: 127, output: `${output}\n${error.message}` }));
    child.on('close', (code) => {
      const group = args.indexOf('--group');
      collectFailures(group === -1 ? currentStage : `${currentStage}, group ${args[group + 1]}`, output);
      resolve({ code: code ?? 1, output });
    });
  });
}

/** Failures named by the runners (test-runner `❌`, Node's `✖`), each with the line that says why. */
const failures = [];
let currentStage = '';
function collectFailures(stage, output) {
  const lines = stripVTControlCharacters(output).split('\n');
  lines.forEach((line, index) => {
    const text = line.trim();
    if (!/^(❌|✖)/.test(text) || text === '✖ failing tests:') return;
    const reason = lines.slice(index + 1).find((next) => next.trim() !== '');
    const entry = `  ${stage}: ${text}${reason ? `\n      ${reason.trim()}` : ''}`;
    if (!failures.includes(entry)) failures.push(entry);
  });
}

const lastCount = (output, pattern) => {
  const matches = [...output.matchAll(pattern)];
  return matches.length ? Number(matches.at(-1)[1]) : undefined;
};

/** A check passes or fails as one test. */
const check = (name, commands) => ({
  name,
  async run() {
    for (const [command, ...args] of commands) {
      const { code } = await run(command, args);
      if (code !== 0) return { passed: 0, failed: 1 };
    }
    return { passed: 1, failed: 0 };
  },
});

const manifestCheck = {
  name: 'custom-elements.json is up to date',
  async run() {
    // The analyzer resolves --outdir against the working directory.
    const outdir = join('.tmp', 'manifest-check');
    try {
      const { code } = await run('npm', ['run', '--silent', 'analyze', '--', '--outdir', outdir]);
      const fresh = code === 0 && readFileSync(join(outdir, 'custom-elements.json'), 'utf8');
      const committed = readFileSync('custom-elements.json', 'utf8');
      if (fresh && JSON.stringify(JSON.parse(fresh)) === JSON.stringify(JSON.parse(committed))) {
        return { passed: 1, failed: 0 };
      }
      console.error('custom-elements.json does not match the source: run `npm run analyze` and commit it.');
      return { passed: 0, failed: 1 };
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  },
};

/** A run of Node's test runner over `files()`: each of its tests counts. */
const nodeTestRun = (name, files) => ({
  name,
  async run() {
    const { code, output } = await run(process.execPath, [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      ...files(),
    ]);
    const passed = lastCount(output, /^ℹ pass (\d+)$/gm);
    const failed = lastCount(output, /^ℹ fail (\d+)$/gm);
    if (passed === undefined || failed === undefined) return { passed: 0, failed: 1 };
    return { passed, failed: code !== 0 && failed === 0 ? 1 : failed };
  },
});

const nodeTests = nodeTestRun('node tests (unit, sandbox, package)', () => [
  ...testFiles('test/unit'),
  ...testFiles('test/server'),
  ...testFiles('test/package'),
]);

/**
 * The package as integrators install it: `npm pack`, then real apps (Vite + React, Vite + Vue,
 * webpack, a CDN page, Node SSR) install the tarball, build and run in Chromium (test/consumers/).
 */
const consumerTests = nodeTestRun('consumer apps (packed tarball)', () => {
  ensureSystemTools();
  return testFiles('test/consumers');
});

/** Test-runner groups with test files: each runs in its own browser (one fake camera each). */
function browserGroups() {
  return TEST_GROUPS.filter((group) => {
    if (group === 'default') return true;
    const folder = groupFolder(group);
    return existsSync(folder) && testFiles(folder).length > 0;
  });
}

/** Runs test-runner `groups` one after another; each group's own counts add up. */
async function runGroups(groups) {
  let passed = 0;
  let failed = 0;
  for (const group of groups) {
    console.log(`\n— browser tests, group ${group}`);
    const { code, output } = await run(bin('wtr'), ['--group', group]);
    const groupPassed = lastCount(output, /(\d+) passed, \d+ failed/g);
    const groupFailed = lastCount(output, /\d+ passed, (\d+) failed/g);
    if (groupPassed === undefined || groupFailed === undefined) {
      failed++;
      continue;
    }
    passed += groupPassed;
    failed += code !== 0 && groupFailed === 0 ? 1 : groupFailed;
  }
  return { passed, failed };
}

const browserTests = {
  name: 'browser tests (Chromium)',
  async run() {
    ensureSystemTools(['chromium', 'ffmpeg']);
    return runGroups(browserGroups());
  },
};

/** The second browser: the same groups in Firefox ESR (see web-test-runner.config.mjs). */
const firefoxTests = {
  name: 'browser tests (Firefox ESR)',
  async run() {
    // Chromium too: the test-runner configuration is shared, and the camera fixtures need ffmpeg.
    ensureSystemTools(['chromium', 'firefox-esr', 'ffmpeg']);
    return runGroups(
      browserGroups()
        .filter((group) => !CHROMIUM_ONLY_GROUPS.includes(group))
        .map(firefoxGroup),
    );
  },
};

/** The widget's build and its editor data, without regenerating the manifest (the check above compares it). */
const build = check('build (dist, cdn)', [
  [bin('rollup'), '-c'],
  [bin('tsc'), '-p', 'tsconfig.build.json'],
  [process.execPath, 'scripts/editor-data.mjs'],
]);

/** `npm run bench -- --smoke`: each measurement that runs and gives sane figures counts as a test. */
const benchSmoke = {
  name: 'bench smoke (tiny iteration counts)',
  async run() {
    ensureSystemTools();
    const { code, output } = await run(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--smoke']);
    const passed = lastCount(output, /^bench: (\d+) passed, \d+ failed/gm);
    const failed = lastCount(output, /^bench: \d+ passed, (\d+) failed/gm);
    if (passed === undefined || failed === undefined) return { passed: 0, failed: 1 };
    return { passed, failed: code !== 0 && failed === 0 ? 1 : failed };
  },
};

const checks = [
  check('lint (eslint)', [[bin('eslint'), '.']]),
  check('format (prettier)', [[bin('prettier'), '--check', '.']]),
  check('type-check (tsc)', [
    [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'],
    [bin('tsc'), '--noEmit', '-p', 'tsconfig.node.json'],
  ]),
  manifestCheck,
  check('docs/api.md is up to date', [[process.execPath, 'scripts/docs-api.mjs', '--check']]),
  check('phone metadata zones match libphonenumber-js', [[process.execPath, 'scripts/phone-metadata.mjs', '--check']]),
  check('docs figures match bench/results.json', [
    [process.execPath, '--import', 'tsx', 'scripts/bench-docs.ts', '--check'],
  ]),
];

const SELECTIONS = {
  // The build comes first: the package test type-checks against dist/; the bench measures cdn/.
  all: [build, ...checks, nodeTests, consumerTests, browserTests, firefoxTests, benchSmoke],
  checks: [build, ...checks],
  consumers: [build, consumerTests],
  server: [build, nodeTests],
  browser: [build, browserTests],
  firefox: [build, firefoxTests],
  bench: [build, benchSmoke],
};

const selection = SELECTIONS[process.argv[2] ?? 'all'];
if (!selection) {
  console.error(`unknown selection ${process.argv[2]}: use one of ${Object.keys(SELECTIONS).join(', ')}`);
  process.exit(2);
}

const results = [];
for (const stage of selection) {
  console.log(`\n── ${stage.name}`);
  currentStage = stage.name;
  let result;
  try {
    result = await stage.run();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    result = { passed: 0, failed: 1 };
  }
  results.push({ name: stage.name, ...result });
}

if (failures.length) console.log(`\n── failures\n${failures.join('\n')}`);
console.log('\n── summary');
for (const { name, passed, failed } of results) console.log(`  ${name.padEnd(36)} ${passed} passed, ${failed} failed`);
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
