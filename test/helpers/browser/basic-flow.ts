import { expect, fixture, html } from '@open-wc/testing';
import { nothing } from 'lit';
import { waitUntil } from './wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { VerifikEnroll } from '../../../src/index.js';
import { DEMO, sandbox } from './sandbox.js';

/**
 * Drives the seeded Basic Enrollment flow the way a person does — focus, type, Space, Enter —
 * with the codes read from the sandbox's dev outbox. Works on an element in a same-origin iframe
 * too (the CDN test's blank page).
 */

export interface Person {
  email: string;
  phone: string;
}

let people = 0;
/** A person nobody has registered yet. */
export const person = (): Person => {
  people++;
  return {
    email: `e2e.${Date.now()}.${people}@example.com`,
    phone: `300${String(Date.now() % 10_000_000).padStart(7, '0')}`,
  };
};

/** The first match of `selector` inside the current step's shadow root. */
/**
 * A `<verifik-enroll>` on a seeded flow (the Basic one unless told) against the sandbox, in
 * English, keeping nothing between pages; `crossDevice` and `modal` when the test sets them.
 */
export const mountFlow = ({
  project = DEMO.project,
  flow = DEMO.basicFlow,
  crossDevice,
  modal = false,
}: { project?: string; flow?: string; crossDevice?: 'auto' | 'off'; modal?: boolean } = {}) =>
  fixture<VerifikEnroll>(
    html`<verifik-enroll
      persist="none"
      project=${project}
      flow=${flow}
      api-url=${sandbox.url}
      token-endpoint=${`${sandbox.url}/api/verifik/registration`}
      lang="en"
      cross-device=${crossDevice ?? nothing}
      ?modal=${modal}
    ></verifik-enroll>`,
  );

export const inStep = <T extends Element>(element: VerifikEnroll, selector: string): T | null => {
  const step = element.shadowRoot!.querySelector('[data-step]');
  return (step?.shadowRoot?.querySelector<T>(selector) ?? null) as T | null;
};

/** The focused element, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Waits for the flow to load, and for the phone field when it starts at the sign-up. */
export async function whenLoaded(element: VerifikEnroll): Promise<void> {
  await waitUntil(() => element.getAttribute('step') !== null, 'the flow loads');
  // The phone field shows once the phone-number helpers (loaded on demand) arrive.
  await waitUntil(
    () => element.getAttribute('step') !== 'signUp' || inStep(element, '#field-phone'),
    'the phone field',
  );
}

/** Waits until the widget shows `step`, its element rendered (each step's code loads on demand). */
export const whenStep = (element: VerifikEnroll, step: string, timeout?: number) =>
  waitUntil(
    () => element.getAttribute('step') === step && element.shadowRoot!.querySelector('[data-step]'),
    `the ${step} step`,
    { timeout },
  );

/** Focuses a field of the current step and types into it with the keyboard. */
export async function type(element: VerifikEnroll, selector: string, text: string) {
  await waitUntil(() => inStep(element, selector), `${selector} is shown`);
  inStep<HTMLElement>(element, selector)!.focus();
  await sendKeys({ type: text });
}

/** Presses a key on a control of the current step (or of the root, with `root`). */
export async function press(element: VerifikEnroll, selector: string, key = 'Enter', root = false) {
  const control = root
    ? element.shadowRoot!.querySelector<HTMLElement>(selector)
    : inStep<HTMLElement>(element, selector);
  expect(control, selector).to.not.equal(null);
  control!.focus();
  await sendKeys({ press: key });
}

/** The newest code the sandbox "sent" to `to` (other than `after`). */
export async function latestCode(to: string, after = ''): Promise<string> {
  let code = '';
  await waitUntil(async () => {
    const response = await fetch(`${sandbox.url}/dev/outbox?to=${encodeURIComponent(to)}`);
    code = (await response.json()).data[0]?.code ?? '';
    return code !== '' && code !== after;
  }, `a code reached ${to}`);
  return code;
}

/** Fills and sends the sign-up form; resolves once it is sent. */
export async function sendSignUp(
  element: VerifikEnroll,
  who: Person,
  names: { firstName: string; lastName: string } = { firstName: 'Ana', lastName: 'García' },
) {
  await type(element, '#field-firstName', names.firstName);
  await type(element, '#field-lastName', names.lastName);
  await type(element, '#field-email', who.email);
  await type(element, '#field-phone', `+57 ${who.phone}`);
  await press(element, '#field-acceptTerms', 'Space');
  await press(element, '#field-acceptPrivacy', 'Space');
  await press(element, 'button[type="submit"]');
}

/** Fills and sends the sign-up form; resolves on the email code step. */
export async function fillSignUp(element: VerifikEnroll, who: Person, names?: Parameters<typeof sendSignUp>[2]) {
  await sendSignUp(element, who, names);
  await whenStep(element, 'emailCode');
}

/** Types a code into the six boxes of the current step. */
export async function enterCode(element: VerifikEnroll, code: string) {
  await waitUntil(() => inStep(element, 'verifik-otp-input'), 'the code input');
  const input = inStep<HTMLElement>(element, 'verifik-otp-input')!;
  input.focus();
  await sendKeys({ type: code });
}

/** Enters the email and the phone code; resolves once the phone code is typed. */
export async function enterCodes(element: VerifikEnroll, who: Person) {
  await enterCode(element, await latestCode(who.email));
  await whenStep(element, 'phoneCode');
  await press(element, '.actions button');
  await enterCode(element, await latestCode(`+57${who.phone}`));
}

/** Passes the email and the phone code; resolves on the document step. */
export async function passCodes(element: VerifikEnroll, who: Person) {
  await enterCodes(element, who);
  await whenStep(element, 'document');
}

/** Presses the root's Skip button on `step` (an optional step); resolves once another step shows. */
export async function skip(element: VerifikEnroll, step: string) {
  await whenStep(element, step);
  await press(element, '[part="skip"]', 'Enter', true);
  await waitUntil(() => element.getAttribute('step') !== step, `${step} is skipped`);
}
