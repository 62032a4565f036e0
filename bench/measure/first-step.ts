import { launchChromium } from '../lib/browser.js';
import { DEMO } from '../lib/sandbox.js';
import { median, round } from '../lib/stats.js';
import type { Measurement } from '../lib/types.js';
import { openWidget, waitInteractive } from '../lib/widget-page.js';

/** Median time from navigation to a usable first step (issue #17). */
const TARGET_MS = 250;

/**
 * 2. Time to first step: a first visit (empty cache) to a page with the widget on the Basic flow,
 * until the sign-up's first input is rendered and enabled and `verifik-ready` has fired. Median
 * of several loads, after one load that warms the browser up.
 */
export const firstStep: Measurement = {
  id: 'firstStep',
  title: 'Time to first step',
  async run({ smoke, pagesUrl, sandbox, log }) {
    const loads = smoke ? 2 : 15;
    const browser = await launchChromium();
    const samples: { readyAt: number; interactiveAt: number; scriptLoadedAt: number }[] = [];
    try {
      for (let load = 0; load <= loads; load++) {
        const widget = await openWidget(browser, pagesUrl, {
          project: DEMO.project,
          flow: DEMO.basicFlow,
          'api-url': sandbox.url,
          lang: 'en',
          persist: 'none',
        });
        try {
          const timings = await waitInteractive(widget.page);
          if (load > 0) samples.push(timings);
        } finally {
          await widget.close();
        }
      }
    } finally {
      await browser.close();
    }
    const fromNavigation = median(samples.map((sample) => sample.interactiveAt));
    const fromScript = median(samples.map((sample) => sample.interactiveAt - sample.scriptLoadedAt));
    const ready = median(samples.map((sample) => sample.readyAt));
    log(`  ${samples.length} loads, median ${round(fromNavigation)} ms from navigation to the first input`);
    const problems = samples.flatMap((sample, index) =>
      [sample.readyAt, sample.interactiveAt, sample.scriptLoadedAt].every((value) => value > 0 && value < 20_000)
        ? []
        : [`load ${index + 1} has impossible timings ${JSON.stringify(sample)}`],
    );
    if (samples.length !== loads) problems.push(`${samples.length} of ${loads} loads measured`);
    return {
      rows: [
        {
          metric: 'navigation → sign-up interactive (median)',
          value: `${round(fromNavigation)} ms`,
          target: `≤ ${TARGET_MS} ms`,
          met: fromNavigation <= TARGET_MS,
        },
        { metric: 'widget script loaded → sign-up interactive (median)', value: `${round(fromScript)} ms` },
        { metric: 'navigation → verifik-ready (median)', value: `${round(ready)} ms` },
      ],
      data: {
        loads: samples.length,
        medianMs: {
          navigationToInteractive: round(fromNavigation),
          scriptToInteractive: round(fromScript),
          navigationToReady: round(ready),
        },
        samples: samples.map((sample) => ({
          readyAt: round(sample.readyAt),
          interactiveAt: round(sample.interactiveAt),
          scriptLoadedAt: round(sample.scriptLoadedAt),
        })),
      },
      problems,
    };
  },
};
