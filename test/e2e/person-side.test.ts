import { expect } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { VerifikEnroll } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import '../../src/verifik-enroll.js';
import {
  deepActiveElement,
  enterCode,
  fillSignUp,
  inStep,
  latestCode,
  mountFlow,
  passCodes,
  person,
  press,
  skip,
  type,
  whenLoaded,
  whenStep,
} from '../helpers/browser/basic-flow.js';
import { adminGet, sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * What a person goes through around the flow's edges, driven by keyboard, role and label against
 * the sandbox's Basic Enrollment flow: Back from a code step, the final screen.
 */

async function mount(): Promise<VerifikEnroll> {
  const element = await mountFlow();
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

describe('Back from a code step', function () {
  // A sign-up, two codes and a second sign-up against the sandbox, on 2 busy cores.
  this.timeout(90_000);

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

  it('keeps the registration when only the phone changed: a code to the new number, the email still verified', async () => {
    const who = person();
    const element = await mount();
    await fillSignUp(element, who);
    await enterCode(element, await latestCode(who.email));
    await whenStep(element, 'phoneCode');
    await press(element, '[part="back"]', 'Enter', true);
    await whenStep(element, 'signUp');
    await waitUntil(() => inStep(element, '#field-phone'), 'the phone field');
    const newPhone = who.phone.replace(/^300/, '301');
    inStep<HTMLInputElement>(element, '#field-phone')!.select();
    await type(element, '#field-phone', `+57 ${newPhone}`);
    await press(element, 'button[type="submit"]');
    await waitUntil(() => element.getAttribute('step') !== 'signUp', 'the sign-up is sent');
    expect(element.getAttribute('step'), 'the email stays verified').to.equal('phoneCode');

    await press(element, '.actions button');
    await enterCode(element, await latestCode(`+57${newPhone}`));
    await whenStep(element, 'document');
    // One registration for this person, now with the new number; one email code in all.
    const registrations = await adminGet<{ phone: string }[]>(
      `/v2/app-registrations?where_email=${encodeURIComponent(who.email)}`,
    );
    expect(registrations.map(({ phone }) => phone)).to.deep.equal([newPhone]);
    expect(await codesSentTo(who.email)).to.equal(1);
  });
});

describe('The final screen', function () {
  this.timeout(90_000);

  it('completed without the identity checks: focus on its heading, and it does not claim a complete verification', async () => {
    const who = person();
    const element = await mount();
    await fillSignUp(element, who);
    await passCodes(element, who);
    for (const step of ['document', 'liveness']) await skip(element, step);
    await whenStep(element, 'done');
    await waitUntil(() => heading(element) === en.done.title, 'the done screen');
    await waitUntil(() => deepActiveElement()?.tagName === 'H2', 'focus on the heading');
    expect(deepActiveElement()!.textContent).to.equal(en.done.title);
    const text = inStep(element, 'p')!.textContent;
    expect(text).to.equal(en.done.textWithoutKyc);
    expect(text).to.not.include('verification is complete');
    expect(inStep(element, 'svg.success[aria-hidden="true"]'), 'a success mark').to.not.equal(null);
    await expect(element).shadowDom.to.be.accessible();
  });
});

describe('Cancel', function () {
  this.timeout(90_000);

  const dialog = (element: VerifikEnroll) =>
    element.shadowRoot!.querySelector<HTMLDialogElement>('[role="dialog"], dialog')!;
  const dialogButton = (element: VerifikEnroll, text: string) =>
    [...dialog(element).querySelectorAll('button')].find((button) => button.textContent?.trim() === text)!;

  it('asks first in a dialog that takes the focus; Escape and No return to the step with the focus on Cancel', async () => {
    const who = person();
    const element = await mount();
    let cancels = 0;
    element.addEventListener('verifik-cancel', () => cancels++);
    await fillSignUp(element, who);

    await press(element, '[part="cancel"]', 'Enter', true);
    await waitUntil(() => dialog(element).open, 'the dialog opens');
    expect(deepActiveElement()).to.equal(dialogButton(element, en.cancelConfirm.keep));
    expect(dialog(element).querySelector('h2')!.textContent).to.equal(en.cancelConfirm.title);
    await expect(element).shadowDom.to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(element).open, 'Escape closes it');
    expect(deepActiveElement()).to.equal(element.shadowRoot!.querySelector('[part="cancel"]'));

    await press(element, '[part="cancel"]', 'Enter', true);
    await waitUntil(() => dialog(element).open, 'the dialog opens again');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialog(element).open, 'No closes it');
    expect(deepActiveElement()).to.equal(element.shadowRoot!.querySelector('[part="cancel"]'));
    expect(element.getAttribute('step')).to.equal('emailCode');
    expect(cancels).to.equal(0);

    await press(element, '[part="cancel"]', 'Enter', true);
    await waitUntil(() => dialog(element).open, 'the dialog opens a third time');
    dialogButton(element, en.cancelConfirm.confirm).focus();
    await sendKeys({ press: 'Enter' });
    await whenStep(element, 'signUp');
    expect(cancels).to.equal(1);
  });
});

describe('Layout', function () {
  this.timeout(90_000);
  afterEach(() => setViewport({ width: 800, height: 600 }));

  /** Every control of the widget's current screen, through the step's shadow root. */
  const controls = (element: VerifikEnroll) => {
    const step = element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
    const selector = 'button, input, select, a[href]';
    return [
      ...element.shadowRoot!.querySelectorAll<HTMLElement>(selector),
      ...step.querySelectorAll<HTMLElement>(selector),
    ].filter((control) => control.getClientRects().length > 0);
  };

  for (const width of [320, 420, 1280]) {
    for (const lang of ['en', 'es']) {
      it(`${width} px, ${lang}: the country is not cut off, nothing scrolls sideways, every target is at least 24 px`, async () => {
        await setViewport({ width, height: 900 });
        const element = await mount();
        element.lang = lang;
        const select = inStep<HTMLSelectElement>(element, '#field-country')!;
        select.value = 'US';
        select.dispatchEvent(new Event('change'));
        await waitUntil(() => select.selectedOptions[0]?.textContent?.includes('+1'), 'the United States');
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d')!;
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const text = context.measureText(select.selectedOptions[0]!.textContent!.trim()).width;
        const room =
          select.clientWidth - parseFloat(style.paddingInlineStart) - parseFloat(style.paddingInlineEnd) - 20;
        expect(text, 'the country name fits its select').to.be.at.most(room);
        expect(document.documentElement.scrollWidth, 'no horizontal scroll').to.be.at.most(width);
        for (const control of controls(element)) {
          const { width: w, height: h } = control.getBoundingClientRect();
          expect(Math.min(w, h), `${control.tagName} ${control.id || control.textContent?.trim()}`).to.be.at.least(24);
        }
      });
    }
  }
});
