import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { RegistrantApi } from '../../src/api/registrant-api.js';
import type { VerifikCompleteDetail, VerifikEnroll } from '../../src/index.js';
import { normalizeFlow } from '../../src/flow/normalize-flow.js';
import { planSteps } from '../../src/flow/steps.js';
import { en } from '../../src/i18n/en.js';
import '../../src/verifik-enroll.js';
import { fillSignUp, passCodes, person, whenLoaded, whenStep } from '../helpers/browser/basic-flow.js';
import { documentFlow, signedUp } from '../helpers/browser/document.js';
import { adminGet, createFlow, DEMO, faceImage, sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * Continue on your phone, with two devices: this page is the computer (no camera in the default
 * group), and a phone in its own Chromium (mobile viewport, touch, fake camera showing cris's
 * face) is driven from Node (test/helpers/wtr-handoff-phone-plugin.mjs). The phone opens the link
 * decoded from the QR code the computer shows, as a phone camera would.
 */

/** The integrator's page the phone opens, configured like the computer's element. */
const pageUrl = (project: string, flow: string) =>
  `${location.origin}/test/helpers/browser/handoff-page.html?${new URLSearchParams({
    project,
    flow,
    api: sandbox.url,
    tokenEndpoint: `${sandbox.url}/api/verifik/registration`,
  })}`;

const phoneOpen = (url: string) => executeServerCommand('phone-open', { url }) as Promise<number>;
const phoneDo = (phone: number, action: string, payload: Record<string, unknown> = {}) =>
  executeServerCommand('phone-do', { phone, action, ...payload }) as Promise<string | boolean>;

/** Waits until the phone can do `action` (a button or the file picker is there), and does it. */
const onPhone = (phone: number, action: 'click' | 'upload', payload: Record<string, unknown>) =>
  waitUntil(() => phoneDo(phone, action, payload), `the phone can ${action} ${String(payload['name'])}`, {
    interval: 250,
  });

/** Waits until the phone shows `step`. */
const phoneStep = (phone: number, step: string) =>
  waitUntil(async () => (await phoneDo(phone, 'step')) === step, `the phone shows ${step}`, { interval: 250 });

/** Waits for the phone's screen titled `title`; answers its whole text. */
async function phoneScreen(phone: number, title: string): Promise<string> {
  await waitUntil(
    async () => (await phoneDo(phone, 'text', { selector: 'h2' })) === title,
    `the phone shows "${title}"`,
    {
      interval: 250,
    },
  );
  return (await phoneDo(phone, 'text', { selector: '[data-step], [part="error"]' })) as string;
}

const screen = (element: VerifikEnroll) => element.shadowRoot!.querySelector('verifik-handoff-screen');
const screenText = (element: VerifikEnroll) => screen(element)?.shadowRoot?.textContent ?? '';

/** The QR code on the computer's screen, drawn on a canvas and decoded in Node as a phone would. */
async function decodeQr(element: VerifikEnroll): Promise<string> {
  const svg = screen(element)!.shadowRoot!.querySelector('svg.qr')!;
  const side = 400;
  const image = new Image(side, side);
  image.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = new OffscreenCanvas(side, side);
  const context = canvas.getContext('2d')!;
  context.drawImage(image, 0, 0, side, side);
  const { data } = context.getImageData(0, 0, side, side);
  let binary = '';
  for (const byte of data) binary += String.fromCharCode(byte);
  return (await executeServerCommand('phone-decode', { width: side, height: side, rgba: btoa(binary) })) as string;
}

/** Whether this browser has a camera (Chromium's default group has none; Firefox's fake one shows). */
const cameraHere = async () =>
  (await navigator.mediaDevices.enumerateDevices()).some(({ kind }) => kind === 'videoinput');

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

    // No camera here: the computer goes to the phone by itself, and says why.
    if (await cameraHere()) element.shadowRoot!.querySelector<HTMLButtonElement>('[part="handoff"]')!.click();
    else await waitUntil(() => screenText(element).includes(en.handoff.noCamera), 'the handoff, for want of a camera');
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
    const { detail } = (await complete) as CustomEvent<VerifikCompleteDetail>;
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

  it('a link works once; an expired link and another registration’s token end on a clear screen', async () => {
    const flow = await documentFlow();
    const url = pageUrl(flow.project, flow._id);
    const withToken = (token: string) => `${url}&verifik-handoff=${encodeURIComponent(token)}`;
    const ana = await signedUp(flow);
    const { token } = await ana.issueHandoff();

    const first = await phoneOpen(withToken(token));
    await phoneStep(first, 'document');
    const second = await phoneOpen(withToken(token));
    expect(await phoneScreen(second, en.handoff.linkErrorTitle)).to.include(en.errors.handoff_link_used);

    const bea = await signedUp(flow);
    const beas = (await bea.issueHandoff()).token;
    const forged = await phoneOpen(withToken(`${ana.appRegistrationId}.${beas.split('.')[1]}`));
    expect(await phoneScreen(forged, en.handoff.linkErrorTitle)).to.include(en.errors.handoff_link_invalid);

    const aged = await executeServerCommand('handoff-age', {
      dataDir: sandbox.dataDir,
      appRegistration: bea.appRegistrationId,
    });
    expect(aged).to.equal(1);
    const expired = await phoneOpen(withToken(beas));
    expect(await phoneScreen(expired, en.handoff.linkErrorTitle)).to.include(en.errors.handoff_link_expired);
  });

  it('either side cancels, and the other side learns it', async () => {
    const flow = await documentFlow();
    let token = '';
    const api = new RegistrantApi({
      apiUrl: sandbox.url,
      project: flow.project,
      projectFlow: flow._id,
      tokenEndpoint: undefined,
      fetch: undefined,
      onToken: (_id, issued) => (token = issued),
    });
    await api.signUp({ email: `${person().email}`, language: 'en' });
    // A session at the document step, resumed from this tab's storage as after a reload.
    const steps = planSteps(normalizeFlow(flow));
    sessionStorage.setItem(
      `verifik-enroll:${flow.project}:${flow._id}`,
      JSON.stringify({
        appRegistrationId: api.appRegistrationId,
        token,
        machine: {
          flowId: flow._id,
          steps,
          index: steps.findIndex(({ id }) => id === 'document'),
          outcomes: { signUp: 'passed' },
          attempts: {},
          status: 'running',
        },
        fields: {},
      }),
    );
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll
        project=${flow.project}
        flow=${flow._id}
        api-url=${sandbox.url}
        cross-device="force"
        handoff-url=${pageUrl(flow.project, flow._id)}
        lang="en"
      ></verifik-enroll>`,
    );
    await waitUntil(() => screen(element)?.shadowRoot?.querySelector('svg.qr'), 'the QR code, forced');
    expect(screenText(element)).to.not.include(en.handoff.useThisDevice, 'force offers no way back');

    // A code past its time is replaced by a new one, with no one asking.
    const link = () => screen(element)?.shadowRoot?.querySelector('input')?.value;
    const expiring = link();
    expect(
      await executeServerCommand('handoff-age', { dataDir: sandbox.dataDir, appRegistration: api.appRegistrationId }),
    ).to.equal(1);
    await waitUntil(() => link() && link() !== expiring, 'a new code replaces the expired one');

    // The phone cancels: the computer says so and offers a new code.
    const phone = await phoneOpen(await decodeQr(element));
    await onPhone(phone, 'click', { name: en.actions.cancel });
    await onPhone(phone, 'click', { name: en.cancelConfirm.confirm });
    expect(await phoneScreen(phone, en.handoff.phoneCancelledTitle)).to.include(en.handoff.phoneCancelledHere);
    await waitUntil(() => screenText(element).includes(en.handoff.cancelledOnPhone), 'the computer learns it');
    await expect(element).shadowDom.to.be.accessible();

    // A new code; then the computer cancels, and the phone learns it.
    const newCode = [...screen(element)!.shadowRoot!.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === en.handoff.newCode,
    )!;
    newCode.click();
    await waitUntil(() => screen(element)?.shadowRoot?.querySelector('svg.qr'), 'a new QR code');
    const again = await phoneOpen(await decodeQr(element));
    await phoneStep(again, 'document');
    const cancelled = oneEvent(element, 'verifik-cancel');
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="cancel"]')!.click();
    const dialog = element.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part="confirm"]')!;
    dialog.querySelector<HTMLButtonElement>('button[value="yes"]')!.click();
    await cancelled;
    expect(await phoneScreen(again, en.handoff.phoneCancelledTitle)).to.include(en.handoff.phoneCancelledThere);
  });
});
