import { expect, fixture, html } from '@open-wc/testing';
import type { VerifikEnroll } from '../../src/index.js';
import '../../src/verifik-enroll.js';
import {
  enterCode,
  fillSignUp,
  inStep,
  latestCode,
  person,
  press,
  type,
  whenLoaded,
  whenStep,
} from '../helpers/browser/basic-flow.js';
import { DEMO, sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * What a person goes through around the flow's edges, driven by keyboard, role and label against
 * the sandbox's Basic Enrollment flow: Back from a code step.
 */

async function mount(): Promise<VerifikEnroll> {
  const element = await fixture<VerifikEnroll>(
    html`<verifik-enroll
      persist="none"
      project=${DEMO.project}
      flow=${DEMO.basicFlow}
      api-url=${sandbox.url}
      token-endpoint=${`${sandbox.url}/api/verifik/registration`}
      lang="en"
    ></verifik-enroll>`,
  );
  await whenLoaded(element);
  return element;
}

/** How many codes the sandbox "sent" to `to`. */
async function codesSentTo(to: string): Promise<number> {
  const response = await fetch(`${sandbox.url}/dev/outbox?to=${encodeURIComponent(to)}`);
  return (await response.json()).data.length;
}

const checkbox = (element: VerifikEnroll, label: string) =>
  [...element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!.querySelectorAll('label')]
    .find((candidate) => candidate.textContent?.includes(label))
    ?.querySelector('input') ?? null;

const heading = (element: VerifikEnroll) => inStep(element, 'h2')?.textContent?.trim();

describe('Back from a code step', () => {
  it('keeps the consent and the typed values, and does not ask again for an email already verified', async () => {
    const who = person();
    const element = await mount();
    await fillSignUp(element, who);
    await enterCode(element, await latestCode(who.email));
    await whenStep(element, 'phoneCode');
    await press(element, '[part="back"]', 'Enter', true);
    await whenStep(element, 'signUp');
    await waitUntil(() => inStep(element, '#field-phone'), 'the phone field');

    expect(checkbox(element, 'I accept the terms and conditions')!.checked).to.equal(true);
    expect(checkbox(element, 'I have read the privacy notice')!.checked).to.equal(true);
    expect(inStep<HTMLInputElement>(element, '#field-email')!.value).to.equal(who.email);
    expect(inStep<HTMLInputElement>(element, '#field-firstName')!.value).to.equal('Ana');

    await press(element, 'button[type="submit"]');
    await whenStep(element, 'phoneCode');
    await waitUntil(() => heading(element) === 'Check your phone', 'the phone code screen');
    expect(await codesSentTo(who.email)).to.equal(1);
  });

  it('asks for a new email code when the person changed the email', async () => {
    const who = person();
    const element = await mount();
    await fillSignUp(element, who);
    await enterCode(element, await latestCode(who.email));
    await whenStep(element, 'phoneCode');
    await press(element, '[part="back"]', 'Enter', true);
    await whenStep(element, 'signUp');
    const changed = `changed.${who.email}`;
    inStep<HTMLInputElement>(element, '#field-email')!.select();
    await type(element, '#field-email', changed);
    await press(element, 'button[type="submit"]');
    await whenStep(element, 'emailCode');
    await waitUntil(() => heading(element) === 'Check your email', 'the email code screen');
    expect(await latestCode(changed)).to.match(/^\d{6}$/);
  });
});
