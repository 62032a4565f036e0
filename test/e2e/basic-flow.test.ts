import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { VerifikEnroll, VerifikOnboardingCompleteDetail } from '../../src/index.js';
import '../../src/verifik-enroll.js';
import {
  enterCode,
  fillSignUp,
  inStep,
  latestCode,
  passCodes,
  person,
  press,
  whenLoaded,
} from '../helpers/browser/basic-flow.js';
import { DEMO, restartSandbox, sandbox, stopSandbox } from '../helpers/browser/sandbox.js';

/**
 * The whole Basic Enrollment flow, in Chromium, against the real sandbox and its reference token
 * endpoint: typed with the keyboard, codes read from the dev outbox.
 */

async function mount(persist = 'session'): Promise<VerifikEnroll> {
  const element = await fixture<VerifikEnroll>(
    html`<verifik-enroll
      persist=${persist}
      project=${DEMO.project}
      flow=${DEMO.basicFlow}
      api-url=${sandbox.url}
      token-endpoint=${`${sandbox.url}/api/verifik/registration`}
      cross-device="off"
      lang="en"
    ></verifik-enroll>`,
  );
  await whenLoaded(element);
  return element;
}

describe('Basic Enrollment end to end', function () {
  // A whole flow against the sandbox, on 2 busy cores: its waits end on steps, events and requests.
  this.timeout(120_000);

  afterEach(() => sessionStorage.clear());

  it('sign-up, both codes, optional steps skipped, completion whose token the backend accepts', async () => {
    const who = person();
    const element = await mount();
    const steps: string[] = [];
    element.addEventListener('verifik-step-change', (event) => steps.push(event.detail.to));
    await fillSignUp(element, who);
    await passCodes(element, who);
    const complete = oneEvent(element, 'verifik-complete');
    // The face match needs both captures: skipping them skips it too.
    for (let skip = 0; skip < 2; skip++) await press(element, '[part="skip"]', 'Enter', true);
    const { detail } = (await complete) as CustomEvent<VerifikOnboardingCompleteDetail>;
    expect(detail.status).to.equal('COMPLETED_WITHOUT_KYC');
    expect(steps).to.deep.equal(['emailCode', 'phoneCode', 'document', 'liveness', 'done']);

    const verified = await fetch(`${sandbox.url}/api/verifik/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: detail.token }),
    });
    expect(verified.status).to.equal(200);
    expect((await verified.json()).data.appRegistrationId).to.equal(detail.appRegistrationId);
    await waitUntil(() => inStep(element, 'h2')?.textContent === 'You’re all set', 'the done screen');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('a wrong code says so and the right one passes', async () => {
    const who = person();
    const element = await mount();
    await fillSignUp(element, who);
    const code = await latestCode(who.email);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const error = oneEvent(element, 'verifik-error');
    await enterCode(element, wrong);
    expect((await error).detail.code).to.equal('otp_does_not_match');
    const otp = inStep<HTMLElement>(element, 'verifik-otp-input')!;
    await waitUntil(
      () => otp.shadowRoot!.querySelector('[part="error"]')?.textContent?.includes('4 tries left'),
      'the tries left',
    );
    await expect(element.shadowRoot!.querySelector('verifik-code-step')!).shadowDom.to.be.accessible();
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Backspace' });
    await enterCode(element, code);
    await waitUntil(() => element.getAttribute('step') === 'phoneCode', 'the phone code step');
  });

  it('a reload in the middle resumes at the same step with what was typed', async () => {
    const who = person();
    const first = await mount();
    await fillSignUp(first, who);
    await latestCode(who.email);
    first.remove();

    const again = await mount();
    expect(again.getAttribute('step')).to.equal('emailCode');
    await press(again, '[part="back"]', 'Enter', true);
    await waitUntil(
      () => inStep<HTMLInputElement>(again, '#field-email')?.value === who.email,
      'the typed email is kept',
    );
  });

  it('persist="none" keeps nothing: a remount starts over', async () => {
    const who = person();
    const first = await mount('none');
    await fillSignUp(first, who);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('verifik-enroll:'))).to.deep.equal([]);
    first.remove();
    const again = await mount('none');
    expect(again.getAttribute('step')).to.equal('signUp');
  });

  it('Cancel, once confirmed, fires verifik-cancel, forgets the session and starts over', async () => {
    const who = person();
    const element = await mount();
    await fillSignUp(element, who);
    const cancelled = oneEvent(element, 'verifik-cancel');
    await press(element, '[part="cancel"]', 'Enter', true);
    // Cancel asks first: the person confirms.
    await press(element, 'dialog button[value="yes"]', 'Enter', true);
    expect((await cancelled).detail.step).to.equal('emailCode');
    await waitUntil(() => element.getAttribute('step') === 'signUp', 'back at the sign-up');
    await waitUntil(() => inStep<HTMLInputElement>(element, '#field-email')?.value === '', 'nothing typed is kept');
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('verifik-enroll:'))).to.deep.equal([]);
  });

  it('the sandbox going away mid-flow: the person retries and finishes', async () => {
    const who = person();
    const element = await mount();
    await fillSignUp(element, who);
    const code = await latestCode(who.email);
    await stopSandbox();
    const error = oneEvent(element, 'verifik-error');
    await enterCode(element, code);
    expect((await error).detail.code).to.equal('network_error');
    await restartSandbox();
    await press(element, 'button[type="submit"]');
    await waitUntil(() => element.getAttribute('step') === 'phoneCode', 'the phone code step after the retry');
  });
});

describe('Basic Enrollment with the keyboard alone', function () {
  // A whole flow against the sandbox, on 2 busy cores: its waits end on steps, events and requests.
  this.timeout(120_000);

  afterEach(() => sessionStorage.clear());

  /** Presses Tab `count` times. */
  const tab = async (count = 1) => {
    for (let i = 0; i < count; i++) await sendKeys({ press: 'Tab' });
  };

  it('Tab, type, Space and Enter from the top of the page to the done screen', async () => {
    const who = person();
    const before = await fixture<HTMLButtonElement>(html`<button>before the widget</button>`);
    const element = await mount();
    before.focus();
    const complete = oneEvent(element, 'verifik-complete');

    await tab();
    await sendKeys({ type: 'Ana' });
    await tab();
    await sendKeys({ type: 'García' });
    await tab();
    await sendKeys({ type: who.email });
    await tab(2); // past the country, to the number
    await sendKeys({ type: `+57 ${who.phone}` });
    await tab();
    await sendKeys({ press: 'Space' }); // terms
    await tab(2); // past the terms link
    await sendKeys({ press: 'Space' }); // privacy
    await tab(2); // past the privacy link, to Continue
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => element.getAttribute('step') === 'emailCode', 'the email code step');

    const emailCode = await latestCode(who.email);
    await tab(); // from the heading to the first box
    await sendKeys({ type: emailCode });
    await waitUntil(() => element.getAttribute('step') === 'phoneCode', 'the phone code step');

    await tab(2); // the WhatsApp choice, then Send code
    await sendKeys({ press: 'Enter' });
    const phoneCode = await latestCode(`+57${who.phone}`);
    await sendKeys({ type: phoneCode }); // the cursor is already in the boxes
    await waitUntil(() => element.getAttribute('step') === 'document', 'the document step');

    // From each heading, past the step's own controls, to Skip; the face match is skipped with them.
    for (const [step, controls] of [
      ['document', 2], // the document type (one stop for the radio group), Continue
      ['liveness', 1],
    ] as const) {
      await waitUntil(() => element.getAttribute('step') === step, `the ${step} step`);
      await tab(controls + 1);
      await sendKeys({ press: 'Enter' });
    }
    expect((await complete).detail.status).to.equal('COMPLETED_WITHOUT_KYC');
  });
});
