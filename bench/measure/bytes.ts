import { launchChromium, type NetworkEntry } from '../lib/browser.js';
import { kb } from '../lib/gzip.js';
import { basicJourney, fullJourney } from '../lib/journeys.js';
import { DEMO } from '../lib/sandbox.js';
import type { Measurement, Row } from '../lib/types.js';
import { openWidget, waitInteractive } from '../lib/widget-page.js';

/**
 * What a fetched file is, by its URL: the CDN build is served at `/build/`: its classic loader
 * `verifik-enroll.js` and the core module it imports (`core-<hash>.js`) are the core; every other
 * module there is loaded on demand (steps, languages, phone numbering plans). The face assets come
 * from the package's one copy, the npm build's `face/` (`/dist/face/`).
 */
function assetKind(url: string): 'core' | 'chunk' | 'face' | 'other' {
  const { pathname } = new URL(url);
  if (pathname === '/build/verifik-enroll.js' || /^\/build\/core-[\w-]+\.js$/.test(pathname)) return 'core';
  if (pathname.startsWith('/build/')) return 'chunk';
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

const TARGET = { core: 25_000, firstScreen: 50_000, liveness: 400_000 };

/**
 * 1. Bytes (min+gzip) of what Chromium fetches, read from the network log of real runs of the
 * CDN build: the core loader (the one `<script src>` and the core module it imports), the first
 * screen of the Basic flow with everything it loads (the sign-up step, the phone numbering plan
 * of the flow's country), what another language adds, the liveness path (face-api, wasm,
 * models) and the whole download of a Basic and a Full flow.
 */
export const bytes: Measurement = {
  id: 'bytes',
  title: 'Bytes (min+gzip)',
  async run(context) {
    const full = await fullJourney(context);
    const browser = await launchChromium();
    try {
      const basic = await basicJourney(browser, context);
      // English is in the core; a page in another language fetches that language's module too.
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
          locales[lang] = total(
            assets(await widget.network.entries()).filter((entry) => /\/build\/[a-z]{2}-[\w-]+\.js$/.test(entry.url)),
          );
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
      if (core.files !== 2 || core.gzipBytes < 5_000) problems.push(`core loader not seen (${JSON.stringify(core)})`);
      if (firstStep.files <= core.files) problems.push(`the first step fetched no module beyond the core`);
      for (const [lang, figures] of Object.entries(locales)) {
        if (figures.files !== 1) problems.push(`a page in ${lang} fetched ${figures.files} language modules, not 1`);
      }
      if (liveness.files < 5 || liveness.gzipBytes < 300_000)
        problems.push(`liveness path incomplete (${liveness.files} files)`);
      const failedRequests = [...basic.all, ...full.all].filter(
        (entry) => entry.status >= 400 && !entry.url.startsWith(context.sandbox.url),
      );
      for (const entry of failedRequests) problems.push(`${entry.url} answered ${entry.status}`);

      const rows: Row[] = [
        {
          metric: 'core loader (verifik-enroll.js + the core module it imports)',
          value: `${kb(core.gzipBytes)} KB`,
          target: '≤ 25 KB',
          met: core.gzipBytes <= TARGET.core,
        },
        {
          metric: `first screen, Basic flow, everything included (${firstStep.files} files: core, sign-up, phone plan of the flow's country)`,
          value: `${kb(firstStep.gzipBytes)} KB`,
          target: '≤ 50 KB',
          met: firstStep.gzipBytes <= TARGET.firstScreen,
        },
        ...Object.entries(locales).map(([lang, figures]) => ({
          metric: `locale ${lang}: its module, fetched beside the first screen (English is in the core)`,
          value: `${figures.files} file, ${kb(figures.gzipBytes)} KB`,
        })),
        {
          metric: 'liveness path (face/: face-api, wasm, 2 models)',
          value: `${kb(liveness.gzipBytes)} KB`,
          target: '≤ 400 KB',
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
          firstStepBasic: { ...firstStep, files: describe(assets(basic.firstStep)) },
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
