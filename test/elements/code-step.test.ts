import { expect, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';
import type { VerifikCodeStep } from '../../src/steps/code/code-step.js';
import type { VerifikOtpInput } from '../../src/ui/otp-input.js';
import '../helpers/browser/all-steps.js';
import { DEMO, registrantApi, sandbox } from '../helpers/browser/sandbox.js';
import { stepFixture } from '../helpers/browser/step-fixture.js';

/** The demo Basic flow: email by mailgun, phone by SMS or WhatsApp. */
const flow = normalizeFlow({
  _id: DEMO.basicFlow,
  project: DEMO.project,
  type: 'onboarding',
  status: 'active',
  onboardingSettings: {
    signUpForm: { firstName: true, lastName: true, email: true, phone: true, phoneGateway: 'both' },
  },
});

let count = 0;

/** A real registration at the sandbox and the fields the sign-up step would have kept. */
async function registered() {
  count++;
  const api = registrantApi();
  const fields = {
    email: `code.${Date.now()}.${count}@example.com`,
    phone: `301${String(Date.now() % 10_000_000).padStart(7, '0')}`,
    country: 'CO',
  };
  await api.signUp({
    firstName: 'Ana',
    lastName: 'Gómez',
    email: fields.email,
    phone: fields.phone,
    countryCode: '+57',
    language: 'en',
  });
  return { api, fields };
}

async function outbox(to: string) {
  const response = await fetch(`${sandbox.url}/dev/outbox?to=${encodeURIComponent(to)}`);
  return (await response.json()).data as { code: string; channel: string }[];
}

const root = (element: VerifikCodeStep) => element.shadowRoot!;

/** The step for `channel` of a fresh registration, and the fields the sign-up kept. */
async function mount(channel: 'email' | 'phone') {
  const { api, fields } = await registered();
  const element = await stepFixture<VerifikCodeStep>(html`<verifik-code-step channel=${channel}></verifik-code-step>`, {
    flow,
    api,
    fields,
  });
  return { element, fields };
}

describe('<verifik-code-step>', () => {
  it('email: sends a code at once, names where, and offers a new one only after the countdown', async () => {
    const { element, fields } = await mount('email');
    await waitUntil(() => root(element).querySelector('verifik-otp-input'), 'the code input');
    expect(root(element).textContent).to.contain(`We sent a 6-digit code to ${fields.email}.`);
    const resend = [...root(element).querySelectorAll('button')].find((button) =>
      button.textContent!.includes('Send a new code'),
    )!;
    expect(resend.disabled).to.equal(true);
    expect(root(element).textContent).to.match(/You can ask for a new code in (29|30) s\./);
    expect((await outbox(fields.email)).length).to.equal(1);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('phone with both gateways: asks SMS or WhatsApp first, then sends by the choice', async () => {
    const { element, fields } = await mount('phone');
    expect(root(element).querySelector('legend')!.textContent).to.equal('How should we send your code?');
    await expect(element).shadowDom.to.be.accessible();
    // As a person does it: focus the first choice, move to SMS with the arrow key, then Tab to Send.
    const [whatsapp, sms] = [...root(element).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    whatsapp!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    expect(sms!.checked, 'SMS is chosen').to.equal(true);
    expect(root(element).querySelector('fieldset'), 'the choice stays on screen').to.not.equal(null);
    await sendKeys({ press: 'Tab' });
    const send = root(element).activeElement as HTMLButtonElement;
    expect(send?.textContent?.trim(), 'Send is next in the tab order').to.equal('Send code');
    await sendKeys({ press: 'Enter' });
    // The phone-number helpers load on demand: the first load may take a moment.
    await waitUntil(() => root(element).querySelector('verifik-otp-input'), 'the code input');
    // The number is kept in one piece: no-break spaces.
    expect(root(element).textContent).to.contain('+57\u00a0301');
    expect((await outbox(`+57${fields.phone}`))[0]!.channel).to.equal('sms');
  });

  it('phone with both gateways: a click on SMS keeps the choice and the Send button', async () => {
    const { element, fields } = await mount('phone');
    const sms = [...root(element).querySelectorAll('label')].find((label) => label.textContent!.includes('SMS'))!;
    sms.click();
    await element.updateComplete;
    const send = [...root(element).querySelectorAll('button')].find(
      (button) => button.textContent!.trim() === 'Send code',
    );
    expect(send, 'Send stays after choosing SMS').to.not.equal(undefined);
    send!.click();
    await waitUntil(() => root(element).querySelector('verifik-otp-input'), 'the code input');
    expect((await outbox(`+57${fields.phone}`))[0]!.channel).to.equal('sms');
  });

  it('five wrong codes lock the code: the input empties and says to ask for a new one', async () => {
    const { element, fields } = await mount('email');
    await waitUntil(() => root(element).querySelector('verifik-otp-input'), 'the code input');
    const { code } = (await outbox(fields.email))[0]!;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const input = root(element).querySelector<VerifikOtpInput>('verifik-otp-input')!;
    for (let attempt = 0; attempt < 5; attempt++) {
      const failed = oneEvent(element, 'step-error');
      input.value = wrong;
      root(element).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
      await failed;
    }
    await element.updateComplete;
    await input.updateComplete;
    expect(input.shadowRoot!.querySelector('[part="error"]')!.textContent).to.equal(
      'Too many wrong codes. Ask for a new code.',
    );
    expect(input.value).to.equal('');
  });
});
