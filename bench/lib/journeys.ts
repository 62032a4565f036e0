import type { Browser, Page } from 'playwright';
import { type NetworkEntry } from './browser.js';
import { driveFlow, newPerson, STEP } from './drive-flow.js';
import { createFlow, DEMO } from './sandbox.js';
import type { BenchContext } from './types.js';
import { openWidget, waitInteractive } from './widget-page.js';

/** One person's whole enrollment in a first visit, as the network and the page saw it. */
export interface Journey {
  steps: string[];
  status: string;
  /** Everything fetched until the first step was interactive. */
  firstStep: NetworkEntry[];
  /** Everything fetched by the end. */
  all: NetworkEntry[];
  /** Camera tracks still live one second after each camera step ended. */
  liveTracksAfter: Record<string, number>;
  /** Camera streams the page opened. */
  openedStreams: number;
}

const liveTracks = (page: Page) =>
  page.evaluate(() => (window as unknown as { bench: { liveTracks(): number } }).bench.liveTracks());

/** Presses Start on the liveness step; the step captures on its own when the face is right. */
async function takeSelfie(page: Page): Promise<void> {
  await page.locator(`${STEP} .actions button`).first().click();
}

/** Walks one flow on a new page; `attributes` configure the widget. */
async function journey(
  browser: Browser,
  context: BenchContext,
  attributes: Record<string, string>,
  phone: boolean,
  cameraSteps: { liveness?: (page: Page) => Promise<void> },
): Promise<Journey> {
  const widget = await openWidget(browser, context.pagesUrl, {
    'api-url': context.sandbox.url,
    lang: 'en',
    persist: 'none',
    ...attributes,
  });
  try {
    await waitInteractive(widget.page);
    // The phone field shows once the phone helpers (a chunk loaded on demand) arrive.
    if (phone) await widget.page.locator(`${STEP} #field-phone`).waitFor();
    const firstStep = await widget.network.entries();
    const liveTracksAfter: Record<string, number> = {};
    const steps = await driveFlow(widget.page, context.sandbox.url, newPerson(phone), {
      ...cameraSteps,
      async left(page, step) {
        if (step !== 'liveness' && step !== 'document') return;
        await page.waitForTimeout(1000);
        liveTracksAfter[step] = await liveTracks(page);
      },
    });
    const { status, opened } = await widget.page.evaluate(() => {
      const { bench } = window as unknown as {
        bench: { events: { type: string; detail: { status: string } }[]; openedStreams(): number };
      };
      return {
        status: bench.events.find((event) => event.type === 'verifik-complete')!.detail.status,
        opened: bench.openedStreams(),
      };
    });
    return { steps, status, firstStep, all: await widget.network.entries(), liveTracksAfter, openedStreams: opened };
  } finally {
    await widget.close();
  }
}

/** The seeded Basic flow (sign-up with phone, both codes; the optional camera steps skipped). */
export const basicJourney = (browser: Browser, context: BenchContext) =>
  journey(browser, context, { project: DEMO.project, flow: DEMO.basicFlow }, true, {});

/** A flow with a mandatory selfie only (sign-up without codes), on the fake camera's selfie. */
export async function selfieJourney(browser: Browser, context: BenchContext): Promise<Journey> {
  const { project, flow } = await createFlow(context.sandbox, {
    steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'skip', liveness: 'mandatory', form: 'skip' },
    signUpForm: { email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
    liveness: { livenessMinScore: 0.65, maxAttempts: 3, searchMinScore: 0.85, searchMode: 'FAST' },
  });
  return journey(browser, context, { project, flow }, false, { liveness: takeSelfie });
}
