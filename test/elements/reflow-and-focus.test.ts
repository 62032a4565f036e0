import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';
import { en } from '../../src/i18n/en.js';
import type { VerifikEnroll } from '../../src/index.js';
import '../../src/verifik-enroll.js';
import {
  enterCode,
  fillSignUp,
  inStep,
  latestCode,
  person,
  press,
  whenLoaded,
  whenStep,
} from '../helpers/browser/basic-flow.js';
import { button, heading, pickFile, testImage } from '../helpers/browser/document.js';
import { createFlow, DEMO, registrantApi, sandbox } from '../helpers/browser/sandbox.js';
import { stepFixture } from '../helpers/browser/step-fixture.js';
import { waitUntil } from '../helpers/browser/wait.js';
import { obscuredWhileTabbing, reflowProblems } from '../helpers/browser/reflow.js';
import { chromiumOnly } from '../helpers/browser/engine.js';

/**
 * WCAG 1.4.10 Reflow and 2.4.11 Focus Not Obscured, measured: every screen of the Full flow up to
 * the selfie primer (and the cancel question), then the screens the walk does not reach rendered
 * alone, at 320 CSS px and at 640 CSS px (a 1280 px window zoomed to 200 %): no sideways scroll, no
 * control outside the viewport or clipped by its container; and at 320 px, Tab through the screen:
 * the control that has the focus is the one under its own centre, nothing drawn over it.
 */

const WIDTHS = [320, 640];

/**
 * Puts the focus just before the first control of `host`'s screen: on its heading, else on a
 * button put before it; answers that button, to remove afterwards.
 */
function focusScreenStart(host: Element): HTMLButtonElement | undefined {
  const root = host.shadowRoot!.querySelector('[data-step]')?.shadowRoot ?? host.shadowRoot!;
  const title = root.querySelector<HTMLElement>('h2[tabindex]');
  if (title) {
    title.focus();
    return undefined;
  }
  const before = document.createElement('button');
  before.textContent = 'before';
  host.before(before);
  before.focus();
  return before;
}

/**
 * Reflow at each width, and focus not obscured at 320 px, for the screen `host` shows now (with
 * `controls`, the number of controls Tab reaches on it).
 */
async function checkScreen(host: Element, what: string, controls?: number) {
  for (const width of WIDTHS) {
    await setViewport({ width, height: 640 });
    expect(reflowProblems(host), `${what} at ${width} px`).to.deep.equal([]);
  }
  await setViewport({ width: 320, height: 640 });
  const before = focusScreenStart(host);
  const { problems, reached } = await obscuredWhileTabbing(host);
  before?.remove();
  expect(problems, `${what}: focus hidden at 320 px`).to.deep.equal([]);
  if (controls !== undefined) expect(reached, `${what}: controls Tab reaches`).to.equal(controls);
  else expect(reached, `${what}: Tab reaches its controls`).to.be.greaterThan(0);
}

describe('reflow at 320 px and 200 % zoom, focus never hidden', function () {
  // Layout measured in Chromium; in Firefox the keyboard walk stalls before the email code (to look into).
  before(chromiumOnly);
  // Sign-up, two codes and two document photos checked by the sandbox, on 2 busy cores.
  this.timeout(180_000);

  after(() => setViewport({ width: 800, height: 600 }));

  it('every screen of the Full flow up to the selfie primer, and the cancel question', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await fixture<VerifikEnroll>(
      // No camera in this browser: with cross-device "auto" the selfie would go to the phone as soon
      // as the devices are listed, replacing the primer this walk checks while it is checked.
      html`<verifik-enroll
        lang="en"
        persist="none"
        cross-device="off"
        project=${DEMO.project}
        flow=${DEMO.fullFlow}
        api-url=${sandbox.url}
        token-endpoint=${`${sandbox.url}/api/verifik/registration`}
      ></verifik-enroll>`,
    );
    await whenLoaded(element);
    await checkScreen(element, 'sign-up');
    const who = person();
    await fillSignUp(element, who);
    const codeBoxes = () => inStep(element, 'verifik-otp-input')?.shadowRoot?.querySelectorAll('input').length;
    await waitUntil(() => codeBoxes() === 6, 'the code boxes');
    await checkScreen(element, 'email code');

    // The cancel question, a modal dialog: nothing covers its buttons.
    const confirm = element.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part="confirm"]')!;
    await press(element, '[part="cancel"]', 'Enter', true);
    await waitUntil(() => confirm.open, 'the cancel question');
    expect(reflowProblems(element), 'the cancel question at 320 px').to.deep.equal([]);
    const question = await obscuredWhileTabbing(element);
    expect(question.problems, 'the cancel question').to.deep.equal([]);
    expect(question.reached, 'the cancel question: its answers').to.be.greaterThan(0);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !confirm.open, 'the question closes');

    await enterCode(element, await latestCode(who.email));
    await whenStep(element, 'phoneCode');
    await waitUntil(() => inStep(element, '.actions button'), 'the channel choice');
    await checkScreen(element, 'phone code, channel choice');
    await press(element, '.actions button');
    await waitUntil(() => codeBoxes() === 6, 'the phone code boxes');
    await checkScreen(element, 'phone code');
    await enterCode(element, await latestCode(`+57${who.phone}`));

    await whenStep(element, 'document');
    const step = () => element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
    await waitUntil(() => step().querySelector('input[type="radio"]'), 'the document types');
    await checkScreen(element, 'document type');
    await press(element, 'input[type="radio"]', 'Space');
    button(step(), en.actions.continue)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => step().querySelector('.drop'), 'the upload choice');
    await checkScreen(element, 'document front, method');
    pickFile(step(), await testImage('id-card-front', 'cris'));
    await waitUntil(() => heading(step()) === en.document.reviewTitle, 'the front review');
    await checkScreen(element, 'document front, review');
    button(step(), en.document.usePhoto)!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(step()) === en.document.sideTitle.back, 'the back', { timeout: 120_000 });
    await checkScreen(element, 'document back, method');
    pickFile(step(), await testImage('id-card-back'));
    await waitUntil(() => heading(step()) === en.document.reviewTitle, 'the back review');
    await checkScreen(element, 'document back, review');
    button(step(), en.document.usePhoto)!.focus();
    await sendKeys({ press: 'Enter' });

    await whenStep(element, 'liveness', 120_000);
    await waitUntil(() => button(step(), en.liveness.start), 'the selfie primer');
    await checkScreen(element, 'selfie primer');
  });

  it('the screens the walk does not reach: basic information, signature, done and failed', async () => {
    const raw = await createFlow({
      steps: { signUpForm: 'mandatory', basicInformation: 'mandatory', form: 'mandatory' },
      signUpForm: { fullName: true, email: true, phone: false },
      basicInformation: { fullName: true, dateOfBirth: true, age: true, gender: true, address: true, postalCode: true },
    });
    const api = registrantApi(String(raw['project']), raw._id);
    await api.signUp({ fullName: 'Ana García', email: `reflow.${Date.now()}@example.com`, language: 'en' });
    const failure = { code: 'face_match_failed', attemptsUsed: true } as const;
    // The final screens have nothing to operate: only reflow counts there.
    const screens = [
      ['basic information', html`<verifik-basic-info-step></verifik-basic-info-step>`, undefined],
      ['signature', html`<verifik-signature-step></verifik-signature-step>`, undefined],
      ['done', html`<verifik-done-step status="COMPLETED"></verifik-done-step>`, 0],
      [
        'failed',
        html`<verifik-done-step .failure=${failure} reference=${api.appRegistrationId ?? ''}></verifik-done-step>`,
        0,
      ],
    ] as const;
    for (const [what, screen, controls] of screens) {
      const step = await stepFixture<LitElement>(screen, { api, flow: normalizeFlow(raw) });
      await step.updateComplete;
      await checkScreen(step, what, controls);
    }
  });

  it('inside the modal at 320 px: Tab stays in the dialog and nothing covers the focused control', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll
        modal
        lang="en"
        persist="none"
        project=${DEMO.project}
        flow=${DEMO.fullFlow}
        api-url=${sandbox.url}
      ></verifik-enroll>`,
    );
    element.show();
    await whenLoaded(element);
    for (const width of WIDTHS) {
      await setViewport({ width, height: 640 });
      expect(reflowProblems(element), `the modal at ${width} px`).to.deep.equal([]);
    }
    await setViewport({ width: 320, height: 640 });
    focusScreenStart(element);
    const { problems, reached } = await obscuredWhileTabbing(element);
    expect(problems, 'the modal sign-up').to.deep.equal([]);
    expect(reached, 'the modal sign-up: its controls').to.be.greaterThan(5);
  });
});
