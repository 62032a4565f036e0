import type { Browser, Page } from 'playwright';
import { fakeCamera, launchChromium, type NetworkEntry } from './browser.js';
import { driveFlow, newPerson, STEP, type StepHandlers } from './drive-flow.js';
import { createFlow, DEMO } from './sandbox.js';
import type { BenchContext } from './types.js';
import { openWidget, waitInteractive } from './widget-page.js';

/** One person's way through the widget mounted on a page. */
export interface Walk {
  steps: string[];
  /** The `verifik-complete` status. */
  status: string;
  /** Camera tracks still live one second after each camera step ended. */
  liveTracksAfter: Record<string, number>;
}

/** One person's whole enrollment in a first visit, as the network and the page saw it. */
export interface Journey extends Walk {
  /** Everything fetched until the first step was interactive. */
  firstStep: NetworkEntry[];
  /** Everything fetched by the end. */
  all: NetworkEntry[];
  /** Camera streams the page opened. */
  openedStreams: number;
}

type CameraSteps = Pick<StepHandlers, 'document' | 'liveness'>;

interface BenchWindow {
  bench: {
    events: { type: string; detail: { status: string } }[];
    liveTracks(): number;
    openedStreams(): number;
  };
}

/** Presses Start on the liveness step; the step captures on its own when the face is right. */
export async function takeSelfie(page: Page): Promise<void> {
  await page.locator(`${STEP} .actions button`).first().click();
}

/** Walks the widget mounted on `page` to completion as a new person (with a phone number when the flow asks). */
export async function walkWidget(
  page: Page,
  context: BenchContext,
  phone: boolean,
  cameraSteps: CameraSteps,
): Promise<Walk> {
  await waitInteractive(page);
  const liveTracksAfter: Record<string, number> = {};
  const steps = await driveFlow(page, context.sandbox.url, newPerson(phone), {
    ...cameraSteps,
    async left(left, step) {
      if (step !== 'liveness' && step !== 'document') return;
      await left.waitForTimeout(1000);
      liveTracksAfter[step] = await left.evaluate(() => (window as unknown as BenchWindow).bench.liveTracks());
    },
  });
  const status = await page.evaluate(
    () =>
      (window as unknown as BenchWindow).bench.events.find((event) => event.type === 'verifik-complete')!.detail.status,
  );
  return { steps, status, liveTracksAfter };
}

/** A first visit to the widget on `attributes`' flow, walked to completion, with its network log. */
async function journey(
  browser: Browser,
  context: BenchContext,
  attributes: Record<string, string>,
  phone: boolean,
  cameraSteps: CameraSteps,
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
    const walk = await walkWidget(widget.page, context, phone, cameraSteps);
    const openedStreams = await widget.page.evaluate(() => (window as unknown as BenchWindow).bench.openedStreams());
    return { ...walk, firstStep, all: await widget.network.entries(), openedStreams };
  } finally {
    await widget.close();
  }
}

/** The seeded Basic flow (sign-up with phone, both codes; the optional camera steps skipped). */
export const basicJourney = (browser: Browser, context: BenchContext) =>
  journey(browser, context, { project: DEMO.project, flow: DEMO.basicFlow }, true, {});

/**
 * A new project with a flow whose only step after the sign-up (email, no codes) is a mandatory
 * selfie: a new project each time, as the sandbox refuses a face already enrolled in a project.
 */
export const selfieFlow = (context: BenchContext) =>
  createFlow(context.sandbox, {
    steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'skip', liveness: 'mandatory', form: 'skip' },
    signUpForm: { email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
    liveness: { livenessMinScore: 0.65, maxAttempts: 3, searchMinScore: 0.85, searchMode: 'FAST' },
  });

const selfieJourneys = new WeakMap<BenchContext, Promise<Journey>>();

/**
 * The selfie flow walked once in Chromium on the fake camera's selfie (shared by the measurements
 * of one bench run: bytes, upload payloads and leaks read the same journey).
 */
export function selfieJourney(context: BenchContext): Promise<Journey> {
  let shared = selfieJourneys.get(context);
  if (!shared) {
    shared = (async () => {
      const browser = await launchChromium(fakeCamera(await context.video('selfie')));
      try {
        return await journey(browser, context, await selfieFlow(context), false, { liveness: takeSelfie });
      } finally {
        await browser.close();
      }
    })();
    selfieJourneys.set(context, shared);
  }
  return shared;
}
