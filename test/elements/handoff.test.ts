import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { VerifikEnroll, VerifikOnboardingCompleteDetail } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import '../../src/verifik-enroll.js';
import { fillSignUp, passCodes, person, press, whenLoaded, whenStep } from '../helpers/browser/basic-flow.js';
import {
  pageUrl,
  phoneOpen,
  phoneDo,
  onPhone,
  phoneStep,
  phoneScreen,
  screen,
  screenText,
  decodeQr,
} from '../helpers/browser/handoff.js';
import { adminGet, createFlow, DEMO, faceImage, sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * Continue on your phone, with two devices: this page is the computer (no camera in the default
 * group), and a phone in its own Chromium (mobile viewport, touch, fake camera showing cris's
 * face) is driven from Node (test/helpers/wtr-handoff-phone-plugin.mjs). The phone opens the link
 * decoded from the QR code the computer shows, as a phone camera would.
 */

describe('continue on your phone (two devices)', function () {
  // Two browsers, face models on the phone and the sandbox's face engine share 2 busy cores.
  this.timeout(240_000);

  it('the computer shows a QR code; the phone opens its link and takes document and selfie; the computer completes', async () => {
    const seeded = await adminGet<{ onboardingSettings: Record<string, unknown> }>(
      `/v2/project-flows/${DEMO.fullFlow}`,
    );
    const flow = await createFlow(seeded.onboardingSettings);
    const project = String(flow['project']);
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll
        persist="none"
        project=${project}
        flow=${flow._id}
        api-url=${sandbox.url}
        token-endpoint=${`${sandbox.url}/api/verifik/registration`}
        handoff-url=${pageUrl(project, flow._id)}
        lang="en"
      ></verifik-enroll>`,
    );
    const changes: string[] = [];
    const outcomes: string[] = [];
    element.addEventListener('verifik-step-change', ({ detail }) => changes.push(`${detail.from}>${detail.to}`));
    element.addEventListener('verifik-step-complete', ({ detail }) =>
      outcomes.push(`${detail.step}:${detail.outcome}:${detail.handoff ?? 'here'}`),
    );
    const complete = oneEvent(element, 'verifik-complete');
    const who = person();
    await whenLoaded(element);
    await fillSignUp(element, who);
    await passCodes(element, who);

    // The document could be uploaded here; the person chooses the phone, from the keyboard.
    await waitUntil(() => element.shadowRoot!.querySelector('[part="handoff"]'), 'the offer');
    await press(element, '[part="handoff"]', 'Enter', true);
    await waitUntil(() => screen(element)?.shadowRoot?.querySelector('svg.qr'), 'the QR code');
    await expect(element).shadowDom.to.be.accessible();

    // The link, copied from the keyboard and pasted as a person would.
    const link = screen(element)!.shadowRoot!.querySelector('input')!.value;
    expect(new URL(link).searchParams.get('verifik-handoff')).to.match(/^[0-9a-f]{24}\.[\w-]{43}$/);
    screen(element)!.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => screenText(element).includes(en.handoff.copied), 'the copy is announced');
    const pasted = document.createElement('textarea');
    pasted.setAttribute('aria-label', 'pasted link');
    document.body.append(pasted);
    pasted.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'v' });
    await sendKeys({ up: 'Control' });
    expect(pasted.value).to.equal(link);
    pasted.remove();

    // The phone scans the code.
    const decoded = await decodeQr(element);
    expect(decoded).to.equal(link);
    const phone = await phoneOpen(decoded);
    await phoneStep(phone, 'document');
    await waitUntil(() => screenText(element).includes(en.handoff.opened), 'the computer sees the phone connected');
    await expect(element).shadowDom.to.be.accessible();

    // On the phone: the ID card (cris), both sides, uploaded; then the selfie from its camera (cris).
    await onPhone(phone, 'click', { name: en.actions.continue });
    await onPhone(phone, 'upload', { base64: await faceImage('card', 'cris'), name: 'front.jpg' });
    await onPhone(phone, 'click', { name: en.document.usePhoto });
    await waitUntil(
      async () => (await phoneDo(phone, 'text', { selector: 'h2' })) === en.document.sideTitle.back,
      'the phone asks for the back',
      { interval: 250 },
    );
    await onPhone(phone, 'upload', { base64: await faceImage('card', 'none'), name: 'back.jpg' });
    await onPhone(phone, 'click', { name: en.document.usePhoto });
    await whenStep(element, 'liveness', 120_000);
    expect(screenText(element)).to.include(en.handoff.documentReceived);
    await phoneStep(phone, 'liveness');
    await onPhone(phone, 'click', { name: en.liveness.start });
    const phoneEnd = await phoneScreen(phone, en.handoff.phoneDoneTitle);
    expect(phoneEnd).to.include(en.handoff.phoneDoneText);

    // The computer finishes: the face match here, then completion.
    const { detail } = (await complete) as CustomEvent<VerifikOnboardingCompleteDetail>;
    expect(detail.status).to.equal('COMPLETED');
    expect(outcomes).to.deep.equal([
      'signUp:passed:here',
      'emailCode:passed:here',
      'phoneCode:passed:here',
      'document:passed:phone',
      'liveness:passed:phone',
      'faceMatch:passed:here',
    ]);
    expect(changes).to.include.members(['document>liveness', 'liveness>faceMatch', 'faceMatch>done']);
  });
});
