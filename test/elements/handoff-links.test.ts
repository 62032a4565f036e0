import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { VerifikEnroll } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import '../../src/verifik-enroll.js';
import { documentFlow, signedUp } from '../helpers/browser/document.js';
import { issueHandoff } from '../../src/handoff/handoff-api.js';
import {
  pageUrl,
  phoneOpen,
  phoneStep,
  phoneScreen,
  screen,
  screenText,
  resumeAt,
  cameraHere,
} from '../helpers/browser/handoff.js';
import { createFlow, sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * Handoff links that cannot be used end on a clear screen on the phone; a computer without a
 * camera goes to the phone by itself for the selfie.
 */
describe('continue on your phone: links and no camera', function () {
  // Two browsers, face models on the phone and the sandbox's face engine share 2 busy cores.
  this.timeout(240_000);

  it('a link works once; an expired link and another registration’s token end on a clear screen', async () => {
    const flow = await documentFlow();
    const url = pageUrl(flow.project, flow._id);
    const withToken = (token: string) => `${url}&verifik-handoff=${encodeURIComponent(token)}`;
    const ana = await signedUp(flow);
    const { token } = await issueHandoff(ana);

    const first = await phoneOpen(withToken(token));
    await phoneStep(first, 'document');
    const second = await phoneOpen(withToken(token));
    expect(await phoneScreen(second, en.handoff.linkErrorTitle)).to.include(en.errors.handoff_link_used);

    const bea = await signedUp(flow);
    const beas = (await issueHandoff(bea)).token;
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

  it('with no camera, the selfie goes to the phone by itself and says why', async function () {
    if (await cameraHere()) this.skip();
    const flow = await createFlow({
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'skip',
        liveness: 'mandatory',
        form: 'skip',
      },
      signUpForm: { email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
      liveness: { livenessMinScore: 0.65, maxAttempts: 3, searchMinScore: 0.85, searchMode: 'FAST' },
    });
    const project = String(flow['project']);
    await resumeAt({ ...flow, project }, 'liveness');
    const element = await fixture<VerifikEnroll>(
      html`<verifik-enroll project=${project} flow=${flow._id} api-url=${sandbox.url} lang="en"></verifik-enroll>`,
    );
    await waitUntil(() => screenText(element).includes(en.handoff.noCamera), 'the handoff, for want of a camera');
    await waitUntil(() => screen(element)?.shadowRoot?.querySelector('svg.qr'), 'the QR code');
    await expect(element).shadowDom.to.be.accessible();
    expect(element.shadowRoot!.querySelector('[part="handoff"]'), 'no offer while it is shown').to.equal(null);
    // Use this device instead: back to the selfie step (which says it finds no camera).
    const leave = [...screen(element)!.shadowRoot!.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === en.handoff.useThisDevice,
    )!;
    leave.click();
    await waitUntil(() => element.shadowRoot!.querySelector('verifik-liveness-step'), 'the selfie step again');
    expect(element.shadowRoot!.querySelector('[part="handoff"]'), 'offered again').to.not.equal(null);
  });
});
