import type { Page } from 'playwright';
import { latestCode } from './sandbox.js';

export interface Person {
  email: string;
  /** A Colombian mobile number, for flows that ask for a phone. */
  phone?: string;
}

let people = 0;

/** Someone new to sign up: a distinct email (and mobile number, with `phone`) per call. */
export function newPerson(phone: boolean): Person {
  people++;
  const email = `bench.${Date.now()}.${people}@example.com`;
  return phone ? { email, phone: `300${String((Date.now() + people) % 10_000_000).padStart(7, '0')}` } : { email };
}

/** What to do on a step the flow shows. */
export interface StepHandlers {
  /** The camera steps: called with the page on that step; default: press Skip. */
  document?: (page: Page) => Promise<void>;
  liveness?: (page: Page) => Promise<void>;
  /** Called once the flow has moved past `step` (e.g. to count camera tracks left live). */
  left?: (page: Page, step: string) => Promise<void>;
}

const ROOT = 'verifik-enroll';
/** The current step's element (CSS selectors pierce open shadow roots in Playwright). */
export const STEP = `${ROOT} [data-step]`;

const currentStep = (page: Page) => page.getAttribute(ROOT, 'step');

async function waitForStepOtherThan(page: Page, step: string | null, timeout: number): Promise<string> {
  const stuck = async (error: unknown): Promise<never> => {
    const screen = await page
      .locator(`${ROOT} [data-step], ${ROOT} [part="error"], ${ROOT} [part="status"]`)
      .first()
      .textContent()
      .catch(() => '');
    throw new Error(`the flow stayed on ${step} (${screen?.replace(/\s+/g, ' ').trim().slice(0, 200)})`, {
      cause: error,
    });
  };
  await page
    .waitForFunction(
      ([root, previous]) => {
        const now = document.querySelector(root!)?.getAttribute('step') ?? null;
        return now !== null && now !== previous;
      },
      [ROOT, step] as const,
      { timeout },
    )
    .catch(stuck);
  return (await currentStep(page))!;
}

async function signUp(page: Page, who: Person): Promise<void> {
  const values: Record<string, string> = {
    firstName: 'Ana',
    lastName: 'García',
    fullName: 'Ana García',
    email: who.email,
  };
  await page.locator(`${STEP} input`).first().waitFor();
  for (const [name, value] of Object.entries(values)) {
    const field = page.locator(`${STEP} #field-${name}`);
    if ((await field.count()) > 0) await field.fill(value);
  }
  if (who.phone) {
    // The phone field shows once the phone helpers (a chunk loaded on demand) arrive.
    const phone = page.locator(`${STEP} #field-phone`);
    await phone.waitFor();
    await phone.fill(`+57 ${who.phone}`);
  }
  for (const name of ['acceptTerms', 'acceptPrivacy']) {
    const box = page.locator(`${STEP} #field-${name}`);
    if ((await box.count()) > 0) await box.check();
  }
  await page.locator(`${STEP} button[type="submit"]`).click();
}

async function enterCode(page: Page, sandboxUrl: string, to: string): Promise<void> {
  const otp = page.locator(`${STEP} verifik-otp-input`);
  const channel = page.locator(`${STEP} input[name="gateway"]`).first();
  // Phone codes wait for the person to choose a channel (WhatsApp is preselected) and press Send.
  await Promise.race([otp.waitFor(), channel.waitFor()]);
  if ((await otp.count()) === 0) await page.locator(`${STEP} .actions button`).click();
  const code = await latestCode(sandboxUrl, to);
  await otp.locator('input').first().focus();
  await page.keyboard.type(code);
}

/**
 * Walks the widget on `page` through its flow as a person would (typing, clicking, codes read from
 * the sandbox's dev outbox) until the registration completes; answers the steps shown in order.
 * Camera steps run `handlers` (default: Skip, which only an optional step offers).
 */
export async function driveFlow(
  page: Page,
  sandboxUrl: string,
  who: Person,
  handlers: StepHandlers = {},
  // A bound for a step that never ends, not a wait: on a busy 2-core machine the sandbox's
  // document analysis alone has taken more than 30 s.
  timeout = 120_000,
): Promise<string[]> {
  const seen: string[] = [];
  let step = await waitForStepOtherThan(page, null, timeout);
  for (;;) {
    seen.push(step);
    if (step === 'done') break;
    switch (step) {
      case 'signUp':
        await signUp(page, who);
        break;
      case 'emailCode':
        await enterCode(page, sandboxUrl, who.email);
        break;
      case 'phoneCode':
        await enterCode(page, sandboxUrl, `+57${who.phone ?? ''}`);
        break;
      case 'document':
      case 'liveness': {
        const handler = handlers[step];
        if (handler) await handler(page);
        else await page.locator(`${ROOT} [part="skip"]`).click();
        break;
      }
      case 'faceMatch':
        // Runs on its own.
        break;
      default:
        throw new Error(`the bench cannot walk the ${step} step`);
    }
    const previous = step;
    step = await waitForStepOtherThan(page, step, timeout);
    await handlers.left?.(page, previous);
  }
  await page.waitForFunction(() =>
    (window as unknown as { bench: { events: { type: string }[] } }).bench.events.some(
      (event) => event.type === 'verifik-complete',
    ),
  );
  return seen;
}
