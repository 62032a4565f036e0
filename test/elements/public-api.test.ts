import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type {
  VerifikOnboardingCompleteDetail,
  VerifikEnroll,
  VerifikErrorDetail,
  VerifikStepChangeDetail,
} from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import '../../src/verifik-enroll.js';
import {
  fillSignUp,
  inStep,
  passCodes,
  person,
  press,
  type,
  whenLoaded,
  whenStep,
} from '../helpers/browser/basic-flow.js';
import { adminGet, DEMO, sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * What integrators call or set on the element beyond its attributes: start() and reset(),
 * prefill, reference, the modal. Driven by role, label and keyboard against the real sandbox.
 */

/** A fetch that counts the requests the element makes, then makes them. */
function countingFetch() {
  const counter = {
    requests: [] as string[],
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => {
      counter.requests.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    }) as typeof fetch,
  };
  return counter;
}

async function mountBasic(attributes: Record<string, string> = {}): Promise<VerifikEnroll> {
  const element = document.createElement('verifik-enroll');
  const all = { project: DEMO.project, flow: DEMO.basicFlow, 'api-url': sandbox.url, lang: 'en', ...attributes };
  for (const [name, value] of Object.entries(all)) element.setAttribute(name, value);
  (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
  return element;
}

describe('<verifik-enroll> start() and reset()', function () {
  // Whole registrations (two in one test) against the sandbox on a busy machine: a bound on a hang.
  this.timeout(180_000);

  afterEach(() => sessionStorage.clear());

  it('autostart="false" requests nothing until start(), then loads and shows the sign-up', async () => {
    const deferred = countingFetch();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const waiting = document.createElement('verifik-enroll');
    waiting.setAttribute('autostart', 'false');
    waiting.setAttribute('project', DEMO.project);
    waiting.setAttribute('api-url', sandbox.url);
    waiting.fetch = deferred.fetch;
    let readyEvents = 0;
    waiting.addEventListener('verifik-ready', () => readyEvents++);
    // A twin that starts by itself, mounted in the same update: once it is ready, the waiting one
    // would have sent its own request long before, had it started.
    const twin = document.createElement('verifik-enroll');
    twin.setAttribute('project', DEMO.project);
    twin.setAttribute('api-url', sandbox.url);
    const twinReady = oneEvent(twin, 'verifik-ready');
    container.append(waiting, twin);
    await twinReady;
    await waiting.updateComplete;
    expect(deferred.requests).to.deep.equal([]);
    expect(readyEvents).to.equal(0);
    expect(waiting.hasAttribute('step')).to.equal(false);
    expect(waiting.shadowRoot!.querySelector('[part="panel"]'), 'no card before start').to.equal(null);

    const ready = oneEvent(waiting, 'verifik-ready');
    waiting.start();
    await ready;
    expect(deferred.requests.some((url) => url.startsWith(`${sandbox.url}/v2/projects/kyc`))).to.equal(true);
    await whenLoaded(waiting);
    expect(waiting.getAttribute('step')).to.equal('signUp');
    await expect(waiting).shadowDom.to.be.accessible();
  });

  it('reset() starts over from the code step without verifik-cancel: empty sign-up, no saved session', async () => {
    const element = await mountBasic();
    await whenLoaded(element);
    let cancels = 0;
    element.addEventListener('verifik-cancel', () => cancels++);
    await fillSignUp(element, person());
    expect(Object.keys(sessionStorage).some((key) => key.startsWith('verifik-enroll:'))).to.equal(true);

    const change = oneEvent(element, 'verifik-step-change');
    element.reset();
    const { detail } = (await change) as CustomEvent<VerifikStepChangeDetail>;
    expect(detail).to.include({ from: 'emailCode', to: 'signUp', index: 1 });
    expect(cancels, 'reset is not a cancel').to.equal(0);
    expect(Object.keys(sessionStorage).filter((key) => key.startsWith('verifik-enroll:'))).to.deep.equal([]);
    await whenLoaded(element);
    expect(inStep<HTMLInputElement>(element, '#field-email')!.value).to.equal('');
    expect(inStep<HTMLInputElement>(element, '#field-firstName')!.value).to.equal('');
  });

  it('reset() on the sign-up forgets what was typed there too', async () => {
    const element = await mountBasic();
    await whenLoaded(element);
    const email = inStep<HTMLInputElement>(element, '#field-email')!;
    email.focus();
    email.value = 'half@typed';
    email.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    element.reset();
    await element.updateComplete;
    await whenLoaded(element);
    expect(inStep<HTMLInputElement>(element, '#field-email')!.value).to.equal('');
  });

  it('reset() after completion runs a new registration to its own completion', async () => {
    const element = await mountBasic({ 'token-endpoint': `${sandbox.url}/api/verifik/registration` });
    await whenLoaded(element);
    const finishOnce = async () => {
      const who = person();
      await fillSignUp(element, who);
      await passCodes(element, who);
      const complete = oneEvent(element, 'verifik-complete');
      for (let skip = 0; skip < 2; skip++) await press(element, '[part="skip"]', 'Enter', true);
      return ((await complete) as CustomEvent<{ appRegistrationId: string }>).detail.appRegistrationId;
    };
    const first = await finishOnce();
    await whenStep(element, 'done');
    element.reset();
    await whenLoaded(element);
    expect(element.getAttribute('step')).to.equal('signUp');
    const second = await finishOnce();
    expect(second).to.not.equal(first);
  });
});

describe('<verifik-enroll> prefill', () => {
  afterEach(() => sessionStorage.clear());

  it('shows the known values in the sign-up, editable; they are what the registration gets', async () => {
    const who = person();
    const element = document.createElement('verifik-enroll');
    element.prefill = { firstName: 'Ana', lastName: 'García', email: who.email, phone: who.phone, country: 'CO' };
    // Without a token endpoint: the widget signs up at the API directly, with the reference.
    const all = { project: DEMO.project, flow: DEMO.basicFlow, 'api-url': sandbox.url, lang: 'en', reference: 'crm-7' };
    for (const [name, value] of Object.entries(all)) element.setAttribute(name, value);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
    await whenLoaded(element);
    expect(inStep<HTMLInputElement>(element, '#field-firstName')!.value).to.equal('Ana');
    expect(inStep<HTMLInputElement>(element, '#field-email')!.value).to.equal(who.email);
    expect(inStep<HTMLInputElement>(element, '#field-phone')!.value).to.equal(who.phone);
    expect(inStep<HTMLSelectElement>(element, '#field-country')!.value).to.equal('CO');
    expect(inStep(element, '[aria-invalid="true"]'), 'good values show no error').to.equal(null);
    await expect(element).shadowDom.to.be.accessible();

    // The person corrects a name with the keyboard.
    inStep<HTMLInputElement>(element, '#field-firstName')!.select();
    await type(element, '#field-firstName', 'Beatriz');
    await press(element, '#field-acceptTerms', 'Space');
    await press(element, '#field-acceptPrivacy', 'Space');
    const complete = oneEvent(element, 'verifik-step-change');
    await press(element, 'button[type="submit"]');
    await complete;
    await whenStep(element, 'emailCode');
    const registrations = await adminGet<{ firstName?: string; email?: string; phone?: string; reference?: string }[]>(
      `/v2/app-registrations?where_email=${encodeURIComponent(who.email)}`,
    );
    expect(registrations[0]).to.include({
      firstName: 'Beatriz',
      email: who.email,
      phone: who.phone,
      reference: 'crm-7',
    });
  });

  it('a bad prefilled email shows the field error at once and is never sent', async () => {
    const requests = countingFetch();
    const element = document.createElement('verifik-enroll');
    element.prefill = { firstName: 'Ana', email: 'ana@@example', phone: '12' };
    element.fetch = requests.fetch;
    const all = { project: DEMO.project, flow: DEMO.basicFlow, 'api-url': sandbox.url, lang: 'en' };
    for (const [name, value] of Object.entries(all)) element.setAttribute(name, value);
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
    await whenLoaded(element);
    await waitUntil(() => inStep(element, '#field-phone[aria-invalid="true"]'), 'the phone error');
    const email = inStep<HTMLInputElement>(element, '#field-email')!;
    expect(email.getAttribute('aria-invalid')).to.equal('true');
    const describedBy = inStep(element, `#${email.getAttribute('aria-describedby')}`)!;
    expect(describedBy.textContent).to.match(/email/i);
    await expect(element).shadowDom.to.be.accessible();

    await press(element, '#field-acceptTerms', 'Space');
    await press(element, '#field-acceptPrivacy', 'Space');
    await press(element, 'button[type="submit"]');
    await waitUntil(() => inStep(element, ':focus'), 'focus on the first problem');
    expect(requests.requests.filter((url) => url.includes('/app-registrations'))).to.deep.equal([]);
    expect(element.getAttribute('step')).to.equal('signUp');
  });
});

describe('<verifik-enroll> reference', () => {
  afterEach(() => sessionStorage.clear());

  it('goes through the token endpoint to the registration, the final token and the backend’s verify', async () => {
    const element = await mountBasic({
      'token-endpoint': `${sandbox.url}/api/verifik/registration`,
      reference: 'user-42',
    });
    await whenLoaded(element);
    const who = person();
    await fillSignUp(element, who);
    await passCodes(element, who);
    const complete = oneEvent(element, 'verifik-complete');
    for (let skip = 0; skip < 2; skip++) await press(element, '[part="skip"]', 'Enter', true);
    const { detail } = (await complete) as CustomEvent<VerifikOnboardingCompleteDetail>;
    const claims = JSON.parse(atob(detail.token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')));
    expect(claims.reference).to.equal('user-42');
    const verified = await fetch(`${sandbox.url}/api/verifik/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: detail.token }),
    });
    expect((await verified.json()).data).to.include({
      appRegistrationId: detail.appRegistrationId,
      reference: 'user-42',
    });
  });

  it('a reference over 128 characters stops the setup with invalid_reference, before any request', async () => {
    const requests = countingFetch();
    const element = document.createElement('verifik-enroll');
    element.fetch = requests.fetch;
    element.setAttribute('project', DEMO.project);
    element.setAttribute('api-url', sandbox.url);
    element.setAttribute('reference', 'x'.repeat(129));
    const error = oneEvent(element, 'verifik-error');
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(element);
    const { detail } = (await error) as CustomEvent<VerifikErrorDetail>;
    expect(detail).to.include({ code: 'invalid_reference', step: 'setup', recoverable: false });
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('reference');
    expect(requests.requests).to.deep.equal([]);
    await expect(element).shadowDom.to.be.accessible();
  });
});

describe('<verifik-enroll modal>', () => {
  afterEach(() => sessionStorage.clear());

  /** A page with a button that opens a modal widget held back by autostart="false". */
  async function page() {
    const container = await fixture<HTMLDivElement>(
      html`<div>
        <button id="opener" type="button">Verify my identity</button>
        <verifik-enroll
          modal
          autostart="false"
          project=${DEMO.project}
          flow=${DEMO.basicFlow}
          api-url=${sandbox.url}
          lang="en"
        ></verifik-enroll>
      </div>`,
    );
    const opener = container.querySelector<HTMLButtonElement>('#opener')!;
    const element = container.querySelector('verifik-enroll')!;
    opener.addEventListener('click', () => element.show());
    return { opener, element };
  }

  const dialogOf = (element: VerifikEnroll) => element.shadowRoot!.querySelector('dialog');

  it('opens from a button in a modal dialog with a named close button; Escape cancels and focus returns', async () => {
    const { opener, element } = await page();
    expect(dialogOf(element), 'nothing before show()').to.equal(null);
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await whenLoaded(element);
    const dialog = dialogOf(element)!;
    expect(dialog.matches(':modal'), 'opened with showModal: the page behind is inert').to.equal(true);
    expect(element.hasAttribute('open')).to.equal(true);
    expect(dialog.getAttribute('aria-label')).to.equal('Identity verification');
    const close = element.shadowRoot!.querySelector<HTMLButtonElement>('[part="close"]')!;
    expect(close.getAttribute('aria-label')).to.equal('Close');
    expect(dialog.contains(element.shadowRoot!.activeElement), 'focus is inside the dialog').to.equal(true);
    await expect(element).shadowDom.to.be.accessible();

    const cancelled = oneEvent(element, 'verifik-cancel');
    await sendKeys({ press: 'Escape' });
    const { detail } = (await cancelled) as CustomEvent<{ step: string }>;
    expect(detail.step).to.equal('signUp');
    await waitUntil(() => !dialog.open, 'the dialog closes');
    expect(element.hasAttribute('open')).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('past the sign-up, the close button and Escape ask first: No keeps the flow, Yes cancels and closes', async () => {
    const { opener, element } = await page();
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await whenLoaded(element);
    await fillSignUp(element, person());
    element.close();
    await waitUntil(() => !dialogOf(element)!.open && document.activeElement === opener, 'close() closes');
    element.show();
    await element.updateComplete;
    expect(element.getAttribute('step'), 'close() is not a cancel').to.equal('emailCode');

    let cancels = 0;
    element.addEventListener('verifik-cancel', () => cancels++);
    const confirm = element.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part="confirm"]')!;
    const answer = (name: string) =>
      [...confirm.querySelectorAll('button')].find((button) => button.textContent?.trim() === name)!;

    // The close button asks; No from the keyboard returns to it, nothing lost.
    await press(element, '[part="close"]', 'Enter', true);
    await waitUntil(() => confirm.open, 'the close button asks first');
    expect(confirm.contains(element.shadowRoot!.activeElement), 'focus is in the question').to.equal(true);
    await expect(element).shadowDom.to.be.accessible();
    answer(en.cancelConfirm.keep).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !confirm.open, 'the question closes');
    expect(dialogOf(element)!.open, 'the modal stays open').to.equal(true);
    expect(element.shadowRoot!.activeElement?.getAttribute('part'), 'focus back on the close button').to.equal('close');
    expect([cancels, element.getAttribute('step')]).to.deep.equal([0, 'emailCode']);

    // Escape asks too; Escape on the question answers No.
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => confirm.open, 'Escape asks first');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !confirm.open, 'Escape on the question keeps going');
    expect([cancels, element.getAttribute('step'), dialogOf(element)!.open]).to.deep.equal([0, 'emailCode', true]);

    // Escape, then Yes: cancelled, started over, the modal closed and focus back on the opener.
    // Chromium keeps a dialog open on Escape once per user activation: the person moves on first.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => confirm.open, 'Escape asks again');
    answer(en.cancelConfirm.confirm).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialogOf(element)!.open, 'Yes closes the modal');
    expect(cancels).to.equal(1);
    expect(element.getAttribute('step')).to.equal('signUp');
    expect(document.activeElement?.id, 'focus back on the opener').to.equal(opener.id);
  });
});
