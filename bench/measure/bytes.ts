import { launchChromium, type NetworkEntry } from '../lib/browser.js';
import { kb } from '../lib/gzip.js';
import { basicJourney, fullJourney } from '../lib/journeys.js';
import { DEMO } from '../lib/sandbox.js';
import type { Measurement, Row } from '../lib/types.js';
import { openWidget, waitInteractive } from '../lib/widget-page.js';

/**
 * What a fetched file is, by its URL: the CDN build is served at `/build/`, and the face assets
 * it loads from the package's one copy, the npm build's `face/` (`/dist/face/`).
 */
function assetKind(url: string): 'core' | 'face' | 'other' {
  const { pathname } = new URL(url);
  if (pathname === '/build/verifik-enroll.js') return 'core';
  if (pathname.startsWith('/dist/face/')) return 'face';
  return 'other';
}

/** The widget's own files (not the host page, not API calls). */
const assets = (entries: NetworkEntry[]) =>
  entries.filter((entry) => {
    const { pathname } = new URL(entry.url);
    return pathname.startsWith('/build/') || pathname.startsWith('/dist/face/');
  });

const total = (entries: NetworkEntry[]) => ({
  files: entries.length,
  bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0),
  gzipBytes: entries.reduce((sum, entry) => sum + entry.gzipBytes, 0),
});

const describe = (entries: NetworkEntry[]) =>
  entries.map((entry) => ({
    path: new URL(entry.url).pathname,
    bytes: entry.bytes,
    gzipBytes: entry.gzipBytes,
  }));

const TARGET = { core: 30_000, liveness: 700_000 };

/**
 * 1. Bytes (min+gzip) of what Chromium fetches, read from the network log of real runs of the
 * CDN build: the core loader (one classic script), what another language adds, the liveness
 * path (face-api, wasm, models) and the whole download of a Basic and a Full flow.
 */
export const bytes: Measurement = {
  id: 'bytes',
  title: 'Bytes (min+gzip)',
  async run(context) {
    const full = await fullJourney(context);
    const browser = await launchChromium();
    try {
      const basic = await basicJourney(browser, context);
      // The CDN script carries every language: a page in another one should fetch nothing more.
      const locales: Record<string, ReturnType<typeof total>> = {};
      for (const lang of ['es', 'pt']) {
        const widget = await openWidget(browser, context.pagesUrl, {
          project: DEMO.project,
          flow: DEMO.basicFlow,
          'api-url': context.sandbox.url,
          lang,
          persist: 'none',
        });
        try {
          await waitInteractive(widget.page);
          locales[lang] = total(assets(await widget.network.entries()).filter((e) => assetKind(e.url) !== 'core'));
        } finally {
          await widget.close();
        }
      }

      const core = total(basic.firstStep.filter((entry) => assetKind(entry.url) === 'core'));
      const firstStep = total(assets(basic.firstStep));
      const basicTotal = total(assets(basic.all));
      const liveness = total(assets(full.all).filter((entry) => assetKind(entry.url) === 'face'));
      const fullTotal = total(assets(full.all));
      const basicFace = total(assets(basic.all).filter((entry) => assetKind(entry.url) === 'face'));
      const api = total(basic.all.filter((entry) => entry.url.startsWith(context.sandbox.url)));

      const problems: string[] = [];
      if (basic.status !== 'COMPLETED_WITHOUT_KYC') problems.push(`the Basic flow ended ${basic.status}`);
      if (full.status !== 'COMPLETED') problems.push(`the Full flow ended ${full.status}`);
      if (core.files !== 1 || core.gzipBytes < 5_000) problems.push(`core loader not seen (${JSON.stringify(core)})`);
      if (firstStep.files !== 1) problems.push(`the first step fetched ${firstStep.files} files, not only the core`);
      if (liveness.files < 5 || liveness.gzipBytes < 300_000)
        problems.push(`liveness path incomplete (${liveness.files} files)`);
      const failedRequests = [...basic.all, ...full.all].filter(
        (entry) => entry.status >= 400 && !entry.url.startsWith(context.sandbox.url),
      );
      for (const entry of failedRequests) problems.push(`${entry.url} answered ${entry.status}`);

      const rows: Row[] = [
        {
          metric: 'core loader (verifik-enroll.js)',
          value: `${kb(core.gzipBytes)} KB`,
          target: '≤ 30 KB',
          met: core.gzipBytes <= TARGET.core,
        },
        ...Object.entries(locales).map(([lang, figures]) => ({
          metric: `locale ${lang}: fetched beyond the core (every language is in the CDN script)`,
          value: `${figures.files} files, ${kb(figures.gzipBytes)} KB`,
        })),
        {
          metric: 'first step, Basic flow (core only: phone helpers are in it)',
          value: `${kb(firstStep.gzipBytes)} KB`,
        },
        {
          metric: 'liveness path (face/: face-api, wasm, 2 models)',
          value: `${kb(liveness.gzipBytes)} KB`,
          target: '≤ 700 KB',
          met: liveness.gzipBytes <= TARGET.liveness,
        },
        { metric: 'Basic flow, whole download (selfie and document skipped)', value: `${kb(basicTotal.gzipBytes)} KB` },
        { metric: 'of which face assets, though the selfie was skipped', value: `${kb(basicFace.gzipBytes)} KB` },
        {
          metric: 'Full flow (codes, ID card both sides, selfie, face match), whole download',
          value: `${kb(fullTotal.gzipBytes)} KB`,
        },
      ];
      return {
        rows,
        data: {
          core,
          locales,
          firstStepBasic: firstStep,
          liveness: { ...liveness, files: describe(assets(full.all).filter((e) => assetKind(e.url) === 'face')) },
          basicFlow: { ...basicTotal, steps: basic.steps, files: describe(assets(basic.all)) },
          fullFlow: { ...fullTotal, steps: full.steps, files: describe(assets(full.all)) },
          basicFlowApiResponses: api,
        },
        problems,
      };
    } finally {
      await browser.close();
    }
  },
};
