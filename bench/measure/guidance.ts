import type { Browser } from 'playwright';
import { adapterPath } from '../lib/adapter.js';
import { fakeCamera, launchChromium, recordNetwork } from '../lib/browser.js';
import { kb } from '../lib/gzip.js';
import { median, round, summarize } from '../lib/stats.js';
import type { Measurement, Row } from '../lib/types.js';

const CONFIGS = ['ours', 'hosted', 'hostedFull'] as const;
type Config = (typeof CONFIGS)[number];

const LABEL: Record<Config, string> = {
  ours: "ours: the selfie step's frame analysis (Worker: frame transfer, tiny detector 224 + tiny landmarks, light and sharpness)",
  hosted: 'hosted: SSD MobileNet 0.2 + 68 landmarks',
  hostedFull: 'hosted + expressions + age/gender',
};

interface ReadyTimes {
  importMs: number;
  backendMs: number;
  weightsMs: number;
  totalMs: number;
  backend: string;
}

interface Window {
  benchFace: {
    modelReady(config: Config): Promise<ReadyTimes>;
    adapterReady(path: string): Promise<{ totalMs: number; backend: string; thread: string }>;
    compare(
      path: string,
      frames: number,
      warmup: number,
    ): Promise<{ backend: string; thread: string; samples: Record<Config, number[]>; faces: Record<Config, number[]> }>;
  };
}

/** A fresh page (new context: empty cache) of the guidance bench, with its network recorded. */
async function guidancePage(browser: Browser, pagesUrl: string) {
  const context = await browser.newContext();
  const network = recordNetwork(context);
  const page = await context.newPage();
  await page.goto(new URL('/bench/guidance.html', pagesUrl).href);
  await page.waitForFunction(() => 'benchFace' in window);
  return { context, page, network };
}

/** Model-ready time and weight bytes of one configuration, on a fresh page. */
async function modelReady(browser: Browser, pagesUrl: string, config: Config) {
  const { context, page, network } = await guidancePage(browser, pagesUrl);
  try {
    const times = await page.evaluate((name) => (window as unknown as Window).benchFace.modelReady(name), config);
    const weights = (await network.entries()).filter((entry) => /\.bin$|weights_manifest\.json$/.test(entry.url));
    return {
      ...times,
      weightBytes: weights.reduce((sum, entry) => sum + entry.bytes, 0),
      weightGzipBytes: weights.reduce((sum, entry) => sum + entry.gzipBytes, 0),
    };
  } finally {
    await context.close();
  }
}

/**
 * 3. Face guidance per frame in headless Chromium on the fake camera: our configuration (through
 * the widget's adapter) against Verifik's hosted page's, on the same frames and tfjs wasm backend,
 * interleaved frame by frame. Also model-ready time (fresh page each) and weight bytes of each.
 */
export const guidance: Measurement = {
  id: 'guidance',
  title: 'Face guidance per frame',
  async run({ smoke, pagesUrl, video, log }) {
    const frames = smoke ? 3 : 40;
    const warmup = smoke ? 1 : 3;
    const readyRuns = smoke ? 1 : 5;
    const adapter = adapterPath();
    const browser = await launchChromium(fakeCamera(await video('selfie')));
    try {
      const ready: Record<Config, Awaited<ReturnType<typeof modelReady>>[]> = { ours: [], hosted: [], hostedFull: [] };
      const adapterReady: { totalMs: number; backend: string; thread: string }[] = [];
      for (let run = 0; run < readyRuns; run++) {
        for (const config of CONFIGS) ready[config].push(await modelReady(browser, pagesUrl, config));
        const { context, page } = await guidancePage(browser, pagesUrl);
        try {
          const times = await page.evaluate(
            (path) => (window as unknown as Window).benchFace.adapterReady(path),
            adapter,
          );
          adapterReady.push(times);
        } finally {
          await context.close();
        }
      }

      const { context, page } = await guidancePage(browser, pagesUrl);
      let comparison;
      try {
        page.setDefaultTimeout(5 * 60_000);
        comparison = await page.evaluate(
          ([path, count, skip]) => (window as unknown as Window).benchFace.compare(path, count, skip),
          [adapter, frames, warmup] as const,
        );
      } finally {
        await context.close();
      }

      const perFrame = Object.fromEntries(
        CONFIGS.map((config) => [config, summarize(comparison.samples[config])]),
      ) as Record<Config, ReturnType<typeof summarize>>;
      const ratio = (config: Config) => perFrame[config].p50 / perFrame.ours.p50;
      const readyMedian = (config: Config, key: 'importMs' | 'backendMs' | 'weightsMs' | 'totalMs') =>
        median(ready[config].map((times) => times[key]));
      log(
        `  ${frames} frames each; ours p50 ${round(perFrame.ours.p50)} ms, hosted p50 ${round(perFrame.hosted.p50)} ms`,
      );

      const problems: string[] = [];
      if (comparison.backend !== 'wasm') problems.push(`the adapter ran on ${comparison.backend}, not wasm`);
      if (comparison.thread !== 'worker')
        problems.push(`the adapter ran on the ${comparison.thread} thread, not in a Worker`);
      if (adapterReady.some((times) => times.backend !== 'wasm' || times.thread !== 'worker')) {
        problems.push('a model-ready run of the adapter was not a Worker on wasm');
      }
      for (const config of CONFIGS) {
        const { samples, faces } = { samples: comparison.samples[config], faces: comparison.faces[config] };
        if (samples.length !== frames || samples.some((ms) => !(ms > 0))) problems.push(`${config}: bad samples`);
        const oneFace = faces.filter((count) => count === 1).length;
        if (oneFace < frames * 0.8) problems.push(`${config} found one face in only ${oneFace} of ${frames} frames`);
        if (ready[config].some((times) => times.backend !== 'wasm' || !(times.totalMs > 0))) {
          problems.push(`${config}: model-ready run not on wasm`);
        }
        if (!(ready[config][0]!.weightBytes > 100_000)) problems.push(`${config}: weights not seen in the network log`);
      }

      const rows: Row[] = [
        ...CONFIGS.map((config) => ({
          metric: `${LABEL[config]}, p50 / p95`,
          value: `${round(perFrame[config].p50)} / ${round(perFrame[config].p95)} ms`,
          ...(config === 'ours' ? { target: 'p50 ≤ 25 ms', met: perFrame.ours.p50 <= 25 } : {}),
        })),
        {
          metric: 'hosted ÷ ours (p50)',
          value: `${round(ratio('hosted'))}×`,
          target: '≥ 12×',
          met: ratio('hosted') >= 12,
        },
        { metric: 'hosted + expressions + age/gender ÷ ours (p50)', value: `${round(ratio('hostedFull'))}×` },
        ...CONFIGS.map((config) => ({
          metric: `model ready, ${config} (import + wasm + weights, median)`,
          value: `${round(readyMedian(config, 'totalMs'))} ms`,
        })),
        {
          metric: 'model ready, ours through the adapter, cold (fresh page: Worker, engine, wasm, weights; median)',
          value: `${round(median(adapterReady.map((times) => times.totalMs)))} ms`,
          target: '≤ 1000 ms',
          met: median(adapterReady.map((times) => times.totalMs)) <= 1000,
        },
        ...CONFIGS.map((config) => ({
          metric: `weights, ${config} (raw / gzip)`,
          value: `${kb(ready[config][0]!.weightBytes)} / ${kb(ready[config][0]!.weightGzipBytes)} KB`,
        })),
      ];
      return {
        rows,
        data: {
          backend: comparison.backend,
          frames,
          warmupFrames: warmup,
          frameSize: '640×480 (fake camera, selfie fixture)',
          perFrameMs: Object.fromEntries(
            CONFIGS.map((config) => [
              config,
              { ...perFrame[config], p50: round(perFrame[config].p50), p95: round(perFrame[config].p95) },
            ]),
          ),
          ratioP50: { hosted: round(ratio('hosted'), 2), hostedFull: round(ratio('hostedFull'), 2) },
          modelReadyMs: Object.fromEntries(
            CONFIGS.map((config) => [
              config,
              {
                runs: ready[config].length,
                import: round(readyMedian(config, 'importMs')),
                backend: round(readyMedian(config, 'backendMs')),
                weights: round(readyMedian(config, 'weightsMs')),
                total: round(readyMedian(config, 'totalMs')),
              },
            ]),
          ),
          adapterReadyMs: round(median(adapterReady.map((times) => times.totalMs))),
          adapterThread: comparison.thread,
          weights: Object.fromEntries(
            CONFIGS.map((config) => [
              config,
              { bytes: ready[config][0]!.weightBytes, gzipBytes: ready[config][0]!.weightGzipBytes },
            ]),
          ),
          facesFound: comparison.faces,
          samplesMs: Object.fromEntries(
            CONFIGS.map((config) => [config, comparison.samples[config].map((ms) => round(ms))]),
          ),
        },
        problems,
      };
    } finally {
      await browser.close();
    }
  },
};
