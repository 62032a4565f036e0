import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { VerifikEnroll, VerifikLoginCompleteDetail } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import '../../src/verifik-enroll.js';
import {
  deepActiveElement,
  enterCode,
  inStep,
  latestCode,
  press,
  type,
  whenStep,
} from '../helpers/browser/basic-flow.js';
import { claims, loginProject, registered } from '../helpers/browser/login.js';
import { sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

let emails = 0;
const newEmail = () => `login.${Date.now()}.${++emails}@example.com`;

/** The widget on `project` against the sandbox, in `mode`. */
const mount = (project: string, mode: 'enroll' | 'login' = 'login') =>
  fixture<VerifikEnroll>(
    html`<verifik-enroll
      persist="none"
      project=${project}
      mode=${mode}
      api-url=${sandbox.url}
      lang="en"
    ></verifik-enroll>`,
  );

/** The current step's element. */
const step = (element: VerifikEnroll) => element.shadowRoot!.querySelector<HTMLElement>('[data-step]')!;

/** axe on the root and on the current step. */
async function accessible(element: VerifikEnroll) {
  await expect(element).shadowDom.to.be.accessible();
  await expect(step(element)).shadowDom.to.be.accessible();
}

/** The code step's screen once the code went out, its text with the address taken out. */
async function codeScreen(element: VerifikEnroll, email: string) {
  await whenStep(element, 'loginCode');
  await waitUntil(() => inStep(element, 'verifik-otp-input'), 'the code boxes');
  return step(element).shadowRoot!.textContent!.replace(email, 'EMAIL').replace(/\s+/g, ' ');
}

/** Types `email` on the identify step and sends it with Enter. */
async function identify(element: VerifikEnroll, email: string) {
  await whenStep(element, 'identify');
  await type(element, '#field-email', email);
  await press(element, '#field-email');
}

describe('login flows (Smart Access) against the sandbox', function () {
  // Sandbox round trips, step modules loaded on demand and two axe audits per test on a busy
  // machine: a bound on a hang, not a wait.
  this.timeout(180_000);

  it('email-code login by keyboard: identify, code, done; verifik-complete names the AppLogin and a token for that registration', async () => {
    const ids = await loginProject({ email: true, emailGateway: 'mailgun', faceLiveness: false });
    const email = newEmail();
    const registration = await registered(ids.project, ids.onboarding, email);
    const element = await mount(ids.project);
    const changes: string[] = [];
    element.addEventListener('verifik-step-change', ({ detail }) => changes.push(detail.to));

    await whenStep(element, 'identify');
    expect(element.shadowRoot!.querySelector('[part="progress"]')!.textContent).to.contain('Step 1 of 2: Log in');
    expect(inStep(element, 'h2')!.textContent).to.equal(en.login.title);
    expect(element.shadowRoot!.querySelector('[part="switch"]'), 'mode="login" offers no switch').to.equal(null);
    await accessible(element);
    await identify(element, email);
    await codeScreen(element, email);
    await accessible(element);
    expect(element.shadowRoot!.querySelector('[part="back"]'), 'Back to fix the email').to.not.equal(null);

    const complete = oneEvent(element, 'verifik-complete');
    await enterCode(element, await latestCode(email));
    const { detail } = (await complete) as CustomEvent<VerifikLoginCompleteDetail>;
    expect(detail.type).to.equal('login');
    expect(detail.appLoginId).to.match(/^[0-9a-f]{24}$/);
    expect(claims(detail.token)).to.include({ type: 'login', appRegistration: registration, sub: detail.appLoginId });
    const verified = await fetch(`${sandbox.url}/api/verifik/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: detail.token }),
    });
    expect((await verified.json()).data).to.include({ kind: 'login', appRegistrationId: registration, email });

    await waitUntil(() => inStep(element, 'h2')?.textContent === en.login.doneTitle, 'the logged-in screen');
    await waitUntil(() => deepActiveElement()?.textContent === en.login.doneTitle, 'focus on its heading');
    expect(changes).to.deep.equal(['identify', 'loginCode', 'done']);
    await accessible(element);
  });

  it('email or phone: the person chooses phone by keyboard and logs in with the code sent to it', async () => {
    const ids = await loginProject({ email: true, phone: true, phoneGateway: 'whatsapp', faceLiveness: false });
    const phone = `301${String(Date.now() % 10_000_000).padStart(7, '0')}`;
    const registration = await registered(ids.project, ids.onboarding, newEmail(), phone);
    const element = await mount(ids.project);
    await whenStep(element, 'identify');
    expect(inStep(element, 'legend')!.textContent).to.equal(en.login.channel);
    await accessible(element);
    await press(element, 'input[name="channel"]', 'ArrowDown');
    await type(element, '#field-phone', `+57 ${phone}`);
    await press(element, '#field-phone');
    await whenStep(element, 'loginCode');
    await waitUntil(() => inStep(element, 'verifik-otp-input'), 'the code boxes');
    expect(inStep(element, 'h2')!.textContent).to.equal(en.code.phoneTitle);
    await accessible(element);
    const complete = oneEvent(element, 'verifik-complete');
    await enterCode(element, await latestCode(`+57${phone}`));
    const { detail } = (await complete) as CustomEvent<VerifikLoginCompleteDetail>;
    expect(claims(detail.token)).to.include({ loginType: 'phone', appRegistration: registration });
  });

  it('an unknown email gets the same screens as a registered one until the code fails, and is told nothing more', async () => {
    const ids = await loginProject({ email: true, faceLiveness: false });
    const known = newEmail();
    await registered(ids.project, ids.onboarding, known);
    const unknown = newEmail();

    const first = await mount(ids.project);
    await identify(first, known);
    const knownScreen = await codeScreen(first, known);
    const second = await mount(ids.project);
    await identify(second, unknown);
    expect(await codeScreen(second, unknown)).to.equal(knownScreen);

    const error = oneEvent(second, 'verifik-error');
    await enterCode(second, '123456');
    expect((await error).detail.code).to.equal('otp_does_not_match');
    await waitUntil(() => step(second).shadowRoot!.querySelector('verifik-otp-input')?.error, 'the code error');
    expect(second.getAttribute('step')).to.equal('loginCode');
    await accessible(second);
  });

  it('a blacklisted contact is refused with a message that names no account', async () => {
    const email = newEmail();
    const ids = await loginProject(
      { email: true, faceLiveness: false },
      { security: { strategy: 'blacklist', source: 'CSV', whiteList: [{ name: 'Blocked', email }] } },
    );
    await registered(ids.project, ids.onboarding, email);
    const element = await mount(ids.project);
    const error = oneEvent(element, 'verifik-error');
    await identify(element, email);
    expect((await error).detail).to.include({ code: 'login_blacklisted', step: 'loginCode' });
    await waitUntil(
      () => step(element).shadowRoot!.querySelector('[role="alert"]')?.textContent === en.errors.login_blacklisted,
      'the refusal',
    );
    expect(en.errors.login_blacklisted).to.not.contain(email);
    await accessible(element);
  });

  it('hiddenLoginOption: false offers "Already registered? Log in", which switches flows and back without carrying what was typed', async () => {
    const ids = await loginProject({ email: true, faceLiveness: false });
    const element = await mount(ids.project, 'enroll');
    const ready: string[] = [];
    element.addEventListener('verifik-ready', ({ detail }) => ready.push(detail.flow.id));
    await whenStep(element, 'signUp');
    await waitUntil(() => element.shadowRoot!.querySelector('[part="switch"]'), 'the switch');
    const switchButton = () => element.shadowRoot!.querySelector<HTMLButtonElement>('[part="switch"]')!;
    expect(switchButton().textContent!.trim()).to.equal(en.login.switchToLogin);
    expect(ready).to.deep.equal([ids.onboarding]);
    await accessible(element);

    const signUpEmail = newEmail();
    await type(element, '#field-email', signUpEmail);
    await press(element, '[part="switch"]', 'Enter', true);
    await whenStep(element, 'identify');
    await waitUntil(() => deepActiveElement()?.textContent === en.login.title, 'focus on the login heading');
    expect(ready).to.deep.equal([ids.onboarding, ids.login]);
    expect(inStep<HTMLInputElement>(element, '#field-email')!.value, 'the sign-up email stays behind').to.equal('');
    expect(switchButton().textContent!.trim()).to.equal(en.login.switchToEnroll);
    await accessible(element);

    await type(element, '#field-email', newEmail());
    await press(element, '[part="switch"]', 'Enter', true);
    await whenStep(element, 'signUp');
    expect(ready).to.deep.equal([ids.onboarding, ids.login, ids.onboarding]);
    expect(inStep<HTMLInputElement>(element, '#field-email')!.value, 'the login email stays behind').to.equal('');
    expect(switchButton().textContent!.trim()).to.equal(en.login.switchToLogin);
  });

  it('hiddenLoginOption left as it is: no switch on the first screen', async () => {
    const ids = await loginProject({ email: true, faceLiveness: false }, { hiddenLoginOption: true });
    const element = await mount(ids.project, 'enroll');
    await whenStep(element, 'signUp');
    await waitUntil(() => inStep(element, '#field-email'), 'the sign-up form');
    expect(element.shadowRoot!.querySelector('[part="switch"]')).to.equal(null);
  });

  it('`flow` may name a login flow directly, without `mode`', async () => {
    const ids = await loginProject({ email: true, faceLiveness: false });
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll
        persist="none"
        project=${ids.project}
        flow=${ids.login}
        api-url=${sandbox.url}
      ></verifik-enroll>`,
    );
    await whenStep(element, 'identify');
  });
});
