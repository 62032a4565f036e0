import { adapterPath } from '../lib/adapter.js';
import { cameraBrowser, FULL_FLOW_CAMERA, fullFlow, fullJourney, walkWidget } from '../lib/journeys.js';
import type { Measurement, Row } from '../lib/types.js';
import { openWidget } from '../lib/widget-page.js';

interface TensorGrowth {
  before: number;
  after: number;
  frames: number;
  facesFound: number;
}

/**
 * 5. Leaks: tfjs tensors before and after many frames of our detection (the widget's adapter on
 * the playing fake camera); camera tracks left live after each capture step; the JS heap (after
 * a forced garbage collection, via the DevTools protocol) across several whole flows in one page.
 */
export const leaks: Measurement = {
  id: 'leaks',
  title: 'Leaks',
  async run(context) {
    const { smoke, pagesUrl, log } = context;
    const frames = smoke ? 20 : 500;
    const flows = smoke ? 1 : 5;
    const problems: string[] = [];
    const journey = await fullJourney(context);

    const browser = await cameraBrowser(context);
    let tensors: TensorGrowth;
    const heap: { flow: number; status: string; usedBytes: number }[] = [];
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(new URL('/bench/guidance.html', pagesUrl).href);
      await page.waitForFunction(() => 'benchFace' in window);
      page.setDefaultTimeout(5 * 60_000);
      tensors = await page.evaluate(
        ([path, count]) =>
          (
            window as unknown as { benchFace: { tensorGrowth(path: string, frames: number): Promise<TensorGrowth> } }
          ).benchFace.tensorGrowth(path, count),
        [adapterPath(), frames] as const,
      );
      log(`  tensors ${tensors.before} → ${tensors.after} over ${tensors.frames} frames`);
      await page.context().close();

      const widget = await openWidget(browser, pagesUrl, {
        ...(await fullFlow(context)),
        'document-image': await context.documentPicture(),
        'api-url': context.sandbox.url,
        lang: 'en',
        persist: 'none',
      });
      try {
        const cdp = await widget.context.newCDPSession(widget.page);
        const usedHeap = async () => {
          await cdp.send('HeapProfiler.collectGarbage');
          return (await cdp.send('Runtime.getHeapUsage')).usedSize;
        };
        for (let flow = 1; flow <= flows; flow++) {
          const walk = await walkWidget(widget.page, context, true, FULL_FLOW_CAMERA);
          const next = await fullFlow(context);
          await widget.page.evaluate(
            (attributes) =>
              (window as unknown as { bench: { remount(attributes: object): void } }).bench.remount(attributes),
            next,
          );
          heap.push({ flow, status: walk.status, usedBytes: await usedHeap() });
          log(`  flow ${flow}: ${walk.status}, heap ${(heap.at(-1)!.usedBytes / 1e6).toFixed(2)} MB`);
        }
      } finally {
        await widget.close();
      }
    } finally {
      await browser.close();
    }

    const tensorGrowth = tensors.after - tensors.before;
    if (!(tensors.before > 0) || tensors.frames !== frames) problems.push(`tensor counts ${JSON.stringify(tensors)}`);
    if (tensors.facesFound < frames * 0.8) problems.push(`faces found in ${tensors.facesFound} of ${frames} frames`);
    for (const step of ['document', 'liveness']) {
      if (!(step in journey.liveTracksAfter)) problems.push(`live tracks not counted after the ${step} step`);
    }
    for (const { flow, status, usedBytes } of heap) {
      if (status !== 'COMPLETED') problems.push(`flow ${flow} ended ${status}`);
      if (!(usedBytes > 100_000)) problems.push(`flow ${flow}: heap ${usedBytes} bytes`);
    }
    const firstHeap = heap[0]!.usedBytes;
    const lastHeap = heap.at(-1)!.usedBytes;
    const perFlow = heap.length > 1 ? (lastHeap - firstHeap) / (heap.length - 1) : 0;

    const rows: Row[] = [
      {
        metric: `tfjs tensors, before → after ${frames} frames of our detection`,
        value: `${tensors.before} → ${tensors.after}`,
        target: 'no growth',
        met: tensorGrowth === 0,
      },
      {
        metric: 'camera tracks live 1 s after the selfie step',
        value: String(journey.liveTracksAfter['liveness']),
        target: '0',
        met: journey.liveTracksAfter['liveness'] === 0,
      },
      {
        metric: 'camera tracks live 1 s after the document step',
        value: String(journey.liveTracksAfter['document']),
        target: '0',
        met: journey.liveTracksAfter['document'] === 0,
      },
      {
        metric: `JS heap after Full flow 1 → after flow ${heap.length} (one page, after GC)`,
        value: `${(firstHeap / 1e6).toFixed(2)} → ${(lastHeap / 1e6).toFixed(2)} MB`,
      },
      ...(heap.length > 1
        ? [{ metric: 'JS heap growth per further flow', value: `${(perFlow / 1e3).toFixed(0)} KB` }]
        : []),
    ];
    return {
      rows,
      data: {
        tensors: { ...tensors, growth: tensorGrowth },
        liveTracksAfter: journey.liveTracksAfter,
        heap: { flows: heap, growthPerFlowBytes: Math.round(perFlow), flow: 'copies of the seeded Full flow' },
      },
      problems,
    };
  },
};
