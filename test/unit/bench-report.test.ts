import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runLoad } from '../../bench/lib/load.js';
import { README_END, README_START, replaceSection } from '../../bench/lib/report.js';
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
