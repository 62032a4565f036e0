import type { Browser } from 'playwright-core';
import { adapterPath, guidePath } from '../lib/adapter.js';
import { fakeCamera, launchChromium } from '../lib/browser.js';
import { median, round, summarize, type Summary } from '../lib/stats.js';
import type { Measurement, Row } from '../lib/types.js';

interface GuideRun {
  verdicts: string[];
  longTasks: number[];
  /** How long each analysis took, as the page waited for it (ms). */
  waits: number[];
  backend: string;
  thread: string;
}

interface Window {
  benchFace: { guide(adapter: string, guide: string, frames: number, floorMs?: number): Promise<GuideRun> };
}

/** Frames not counted: the first detections warm up the engine. */
const WARMUP = 3;

const TARGET = { mainThreadP95Ms: 4, longTasks: 0 };

/**
 * The selfie step's frame loop for `frames` analysed frames in a fresh page, and the main
 * thread's task time of each frame after the warm-up (`floorMs`: the loop on an analyser that
 * reads nothing, see `benchFace.guide`).
 */
async function guideLoop(
  browser: Browser,
  pagesUrl: string,
  frames: number,
  floorMs?: number,
): Promise<{ run: GuideRun; perFrame: number[] }> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(5 * 60_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskMs: number[] = [];
    await page.exposeFunction('benchFrameAnalysed', async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      taskMs.push((metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? NaN) * 1000);
    });
    await page.goto(new URL('/bench/guidance.html', pagesUrl).href);
    await page.waitForFunction(() => 'benchFace' in window);
    const run = await page.evaluate(
      ([adapter, guide, count, floor]) => (window as unknown as Window).benchFace.guide(adapter, guide, count, floor),
      [adapterPath(), guidePath(), frames, floorMs] as const,
    );
    // Bindings answer asynchronously: wait until every frame's reading has arrived.
    while (taskMs.length < frames) await page.evaluate(() => new Promise(requestAnimationFrame));
    return { run, perFrame: taskMs.slice(WARMUP).map((ms, index) => ms - taskMs[WARMUP + index - 1]!) };
  } finally {
    await context.close();
  }
}

const p50p95 = (summary: Summary) => `${round(summary.p50, 2)} / ${round(summary.p95, 2)} ms`;

/**
 * 7. What face guidance costs the page's main thread: the selfie step's frame loop (the build's
 * FaceGuideController on the fake camera, frames analysed in the face Worker) for N analysed
 * frames after the model is ready. Chromium's own count of main-thread task time (DevTools
 * protocol `Performance.getMetrics`, `TaskDuration`) is read after every analysed frame; the
 * difference between two readings is the main thread's time for one frame. Long tasks (over 50
 * ms) come from the page's `PerformanceObserver`. Then the floor: the same loop, paced like the
 * first (each answer after the median analysis time), on an analyser that reads nothing: the
 * page's cost per frame with no analysis (the playing video, the loop, the reading itself).
 */
export const faceThread: Measurement = {
  id: 'face-thread',
  title: 'Face guidance on the main thread',
  async run({ smoke, pagesUrl, video, log }) {
    const frames = smoke ? 5 : 60;
    const browser = await launchChromium(fakeCamera(await video('selfie')));
    try {
      const { run, perFrame } = await guideLoop(browser, pagesUrl, frames);
      const analysisMs = median(run.waits.slice(WARMUP));
      const floor = await guideLoop(browser, pagesUrl, frames, analysisMs);
      const summary = summarize(perFrame);
      const floorSummary = summarize(floor.perFrame);
      const longTasks = run.longTasks.length;
      log(
        `  ${perFrame.length} frames; main thread p50 ${round(summary.p50, 2)} ms, p95 ${round(summary.p95, 2)} ms; ` +
          `with no analysis p50 ${round(floorSummary.p50, 2)} ms, p95 ${round(floorSummary.p95, 2)} ms`,
      );

      const problems: string[] = [];
      if (run.thread !== 'worker' || run.backend !== 'wasm') {
        problems.push(`guidance ran on the ${run.thread} thread on ${run.backend}, not in a Worker on wasm`);
      }
      if (run.verdicts.length !== frames) problems.push(`${run.verdicts.length} of ${frames} frames analysed`);
      for (const samples of [perFrame, floor.perFrame]) {
        if (samples.length !== frames - WARMUP || samples.some((ms) => !(ms >= 0)))
          problems.push('bad task-time samples');
      }
      const ok = run.verdicts.filter((verdict) => verdict === 'ok').length;
      if (ok < frames * 0.5)
        problems.push(`only ${ok} of ${frames} frames passed the guide (the fixture is a good selfie)`);

      const rows: Row[] = [
        {
          metric: 'main-thread time per analysed frame, guidance in a Worker, p50 / p95',
          value: p50p95(summary),
          target: `p95 ≤ ${TARGET.mainThreadP95Ms} ms`,
          met: summary.p95 <= TARGET.mainThreadP95Ms,
        },
        {
          metric: `the same loop with no analysis (the page's floor: video, loop, reading), p50 / p95`,
          value: p50p95(floorSummary),
        },
        {
          metric: `long tasks (> 50 ms) during ${frames} analysed frames after the model is ready`,
          value: `${longTasks}${longTasks ? ` (longest ${round(Math.max(...run.longTasks))} ms)` : ''}`,
          target: `${TARGET.longTasks}`,
          met: longTasks <= TARGET.longTasks,
        },
      ];
      return {
        rows,
        data: {
          frames,
          warmupFrames: WARMUP,
          thread: run.thread,
          backend: run.backend,
          mainThreadMsPerFrame: { ...summary, p50: round(summary.p50, 2), p95: round(summary.p95, 2) },
          noAnalysisMsPerFrame: { ...floorSummary, p50: round(floorSummary.p50, 2), p95: round(floorSummary.p95, 2) },
          analysisMsMedian: round(analysisMs, 1),
          longTasksMs: run.longTasks.map((ms) => round(ms)),
          verdicts: run.verdicts,
        },
        problems,
      };
    } finally {
      await browser.close();
    }
  },
};
