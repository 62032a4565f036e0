import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runLoad } from '../../bench/lib/load.js';
import { fillFigures, regenerateDoc } from '../../bench/lib/bench-docs.js';
import {
  markdownSection,
  missedTargets,
  README_END,
  README_START,
  type Report,
  replaceSection,
  textTable,
} from '../../bench/lib/report.js';
import { median, percentile, summarize } from '../../bench/lib/stats.js';

describe('bench statistics', () => {
  test('percentiles interpolate between the closest ranks, whatever the input order', () => {
    const samples = [40, 10, 30, 20, 50];
    assert.equal(median(samples), 30);
    assert.equal(percentile(samples, 0), 10);
    assert.equal(percentile(samples, 100), 50);
    assert.equal(percentile(samples, 95), 48);
    assert.equal(percentile([7], 99), 7);
    assert.deepEqual(samples, [40, 10, 30, 20, 50], 'the input is not sorted in place');
  });

  test('no samples give NaN, not a number that looks measured', () => {
    assert.ok(Number.isNaN(median([])));
    const summary = summarize([]);
    assert.equal(summary.n, 0);
    assert.ok(Number.isNaN(summary.p99) && Number.isNaN(summary.max));
  });
});

describe('bench load loop', () => {
  test('sends exactly count requests with at most concurrency in flight, counting statuses', async () => {
    let inFlight = 0;
    let most = 0;
    const result = await runLoad(25, 4, 10_000, async (index) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 2));
      inFlight--;
      return index % 5 === 0 ? 403 : 200;
    });
    assert.equal(result.latencies.length, 25);
    assert.equal(most, 4);
    assert.deepEqual(result.statuses, { 200: 20, 403: 5 });
    assert.ok(result.requestsPerSecond > 0);
  });

  test('stops at the time bound; a request that throws counts as status 0', async () => {
    const result = await runLoad(1_000_000, 2, 50, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error('refused');
    });
    assert.ok(result.latencies.length < 100);
    assert.deepEqual(Object.keys(result.statuses), ['0']);
  });
});

describe('README benchmark section', () => {
  test('replaces only the text between the markers', () => {
    const readme = `# x\n\n${README_START}\nold figures\n${README_END}\n\n## Next\n`;
    assert.equal(
      replaceSection(readme, 'new figures'),
      `# x\n\n${README_START}\n\nnew figures\n\n${README_END}\n\n## Next\n`,
    );
  });

  test('refuses a README without the markers', () => {
    assert.throws(() => replaceSection('# x\n', 'figures'), /markers/);
  });
});

/** A report of one full run with a met and a missed target. */
const report = (): Report => ({
  date: '2026-12-01T23:00:00.000Z',
  mode: 'full',
  seconds: 300,
  machine: { cpu: 'Test CPU', cores: 2, memoryGB: 8, os: 'Linux 6', node: '20.20.2', chromium: 'Chromium 156' },
  measurements: {
    bytes: {
      title: 'Bytes (min+gzip)',
      seconds: 10,
      rows: [
        { metric: 'core loader', value: '24.6 KB', target: '≤ 25 KB', met: true },
        { metric: 'first screen', value: '52.1 KB', target: '≤ 50 KB', met: false },
      ],
      data: { core: { gzipBytes: 24_612 }, firstStepBasic: { gzipBytes: 52_080 }, liveness: { gzipBytes: 398_000 } },
      problems: [],
    },
    guidance: {
      title: 'Guidance',
      seconds: 10,
      rows: [],
      data: { perFrameMs: { ours: { p50: 23.4 } } },
      problems: [],
    },
    firstStep: {
      title: 'Time to first step',
      seconds: 10,
      rows: [],
      data: { medianMs: { navigationToInteractive: 212.6 } },
      problems: [],
    },
  },
});

describe('bench report', () => {
  test('states the machine and flags each missed target, in the terminal and in the README', () => {
    assert.deepEqual(missedTargets(report()), [
      { measurement: 'Bytes (min+gzip)', metric: 'first screen', value: '52.1 KB', target: '≤ 50 KB' },
    ]);
    const text = textTable(report());
    assert.match(text, /^Machine: Test CPU, 2 cores, 8 GB, Linux 6, Node 20.20.2, Chromium 156 headless$/m);
    assert.match(text, /MISSED first screen: 52.1 KB, target ≤ 50 KB/);
    const markdown = markdownSection(report());
    assert.match(markdown, /Test CPU, 2 cores/);
    assert.match(markdown, /^- \*\*missed:\*\* first screen: 52.1 KB \(target ≤ 50 KB\)$/m);
    assert.match(markdown, /\| first screen \| 52.1 KB \| ≤ 50 KB — \*\*missed\*\* \|/);
    assert.match(markdown, /\| core loader \| 24.6 KB \| ≤ 25 KB — met \|/);
  });

  test('a run that met every target says so', () => {
    const met = report();
    met.measurements['bytes']!.rows[1]!.met = true;
    assert.match(markdownSection(met), /^Every target was met\.$/m);
  });
});

describe('figures in the docs', () => {
  test('each marked figure is rewritten from the report, the text around it kept', () => {
    const doc =
      'Core <!-- figure:core-loader -->75.7 KB<!-- /figure -->, face path <!-- figure:face-path -->698 KB<!-- /figure -->,\n' +
      'guidance <!-- figure:detection-p50 -->41 ms<!-- /figure -->, first step <!-- figure:first-step -->297 ms<!-- /figure -->.';
    assert.equal(
      fillFigures(doc, report()),
      'Core <!-- figure:core-loader -->24.6 KB<!-- /figure -->, face path <!-- figure:face-path -->398 KB<!-- /figure -->,\n' +
        'guidance <!-- figure:detection-p50 -->23 ms<!-- /figure -->, first step <!-- figure:first-step -->213 ms<!-- /figure -->.',
    );
  });

  test('an unknown figure, or one the report lacks, is an error naming it', () => {
    assert.throws(() => fillFigures('<!-- figure:speed -->1<!-- /figure -->', report()), /unknown figure "speed"/);
    const partial = report();
    delete partial.measurements['guidance'];
    assert.throws(
      () => fillFigures('<!-- figure:detection-p50 -->1 ms<!-- /figure -->', partial),
      /guidance\.data\.perFrameMs\.ours\.p50/,
    );
  });

  test('the README also gets its Benchmark section; other docs only their figures', () => {
    const readme = `<!-- figure:first-screen -->1 KB<!-- /figure -->\n${README_START}\nold\n${README_END}\n`;
    const regenerated = regenerateDoc('README.md', readme, report());
    assert.match(regenerated, /^<!-- figure:first-screen -->52\.1 KB<!-- \/figure -->$/m);
    assert.match(regenerated, /Test CPU/);
    assert.doesNotMatch(regenerated, /\nold\n/);
    assert.equal(regenerateDoc('docs/integration.md', readme, report()).includes('old'), true);
  });
});
