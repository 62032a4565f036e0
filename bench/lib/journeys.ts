import type { Browser, Page } from 'playwright';
import { en } from '../../src/i18n/en.js';
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

/**
 * The document step with the camera: the first document type (a national ID card, two sides),
 * each side photographed on its own by the guide, then sent.
 */
export async function photographDocument(page: Page): Promise<void> {
  const choice = page.locator(`${STEP} input[name="category"]`).first();
  const camera = page.getByRole('button', { name: en.document.useCamera });
  await Promise.race([choice.waitFor(), camera.waitFor()]);
  if ((await choice.count()) > 0) await page.locator(`${STEP} button[type="submit"]`).click();
  await camera.click();
  const usePhoto = page.getByRole('button', { name: en.document.usePhoto });
  // Front, then (a two-sided document) the back: the camera restarts for it on its own.
  for (let side = 0; side < 2; side++) {
    const left = page.waitForFunction(
      () => document.querySelector('verifik-enroll')?.getAttribute('step') !== 'document',
    );
    const review = usePhoto.waitFor({ timeout: 30_000 }).then(() => 'review');
    if ((await Promise.race([review, left.then(() => 'left')])) === 'left') return;
    await usePhoto.click();
  }
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

/**
 * A copy of the seeded Full Verification flow (codes, ID document, selfie, face match, all
 * mandatory) in a new project: the sandbox refuses a face already enrolled in a project, and every
 * journey shows the same face. The document is the card of the selfie fixture's person.
 */
export async function fullFlow(context: BenchContext) {
  const seeded = await context.sandbox.admin<{ onboardingSettings: Record<string, unknown> }>(
    'GET',
    `/v2/project-flows/${DEMO.fullFlow}`,
  );
  return createFlow(context.sandbox, seeded.onboardingSettings);
}

/** What a person does on the Full flow's camera steps. */
export const FULL_FLOW_CAMERA: CameraSteps = { document: photographDocument, liveness: takeSelfie };

/** The seeded Basic flow (sign-up with phone, both codes; the optional camera steps skipped). */
export const basicJourney = (browser: Browser, context: BenchContext) =>
  journey(browser, context, { project: DEMO.project, flow: DEMO.basicFlow }, true, {});

/** Chromium whose front camera films the selfie fixture (the rear one is the page's: see enroll-page.js). */
export const cameraBrowser = async (context: BenchContext) => launchChromium(fakeCamera(await context.video('selfie')));

const fullJourneys = new WeakMap<BenchContext, Promise<Journey>>();

/**
 * The Full flow walked once in Chromium: the selfie on the fake camera, the ID card filmed by the
 * page's rear camera (shared by the measurements of one bench run: bytes, upload payloads and
 * leaks read the same journey).
 */
export function fullJourney(context: BenchContext): Promise<Journey> {
  let shared = fullJourneys.get(context);
  if (!shared) {
    shared = (async () => {
      const browser = await cameraBrowser(context);
      try {
        const flow = await fullFlow(context);
        const attributes = { ...flow, 'document-image': await context.documentPicture() };
        return await journey(browser, context, attributes, true, FULL_FLOW_CAMERA);
      } finally {
        await browser.close();
      }
    })();
    fullJourneys.set(context, shared);
  }
  return shared;
}
