import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { VerifikEnroll, VerifikLoginCompleteDetail } from '../../../src/index.js';
import { en } from '../../../src/i18n/en.js';
import type { VerifikLivenessStep } from '../../../src/steps/liveness/liveness-step.js';
import '../../../src/verifik-enroll.js';
import { deepActiveElement, inStep, whenStep } from '../../helpers/browser/basic-flow.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import { runFullVerification } from '../../helpers/browser/full-verification.js';
import { startCamera } from '../../helpers/browser/liveness.js';
import { claims } from '../../helpers/browser/login.js';
import { adminPost, faceImage, sandbox } from '../../helpers/browser/sandbox.js';
import { selfieFlow, signedUp } from '../../helpers/browser/liveness.js';
import { waitUntil } from '../../helpers/browser/wait.js';

/** A face-only login flow on `project`. */
const faceLogin = (project: string, maxAttempts = 3) =>
  adminPost('/v2/project-flows', {
    project,
    type: 'login',
    status: 'active',
    name: 'Face login',
    loginSettings: { faceLiveness: true, searchMode: 'FAST', maxAttempts },
  });

/** The widget in login mode on `project`, its face step's camera started from the keyboard. */
async function faceLoginScreen(project: string) {
  const element = await fixture<VerifikEnroll>(
    html`<verifik-enroll
      persist="none"
      mode="login"
      project=${project}
      api-url=${sandbox.url}
      lang="en"
    ></verifik-enroll>`,
  );
  await whenStep(element, 'loginFace');
  const step = element.shadowRoot!.querySelector<VerifikLivenessStep>('verifik-liveness-step')!;
  await waitUntil(() => step.shadowRoot?.querySelector('.actions button'), 'the primer');
  await expect(element).shadowDom.to.be.accessible();
  await expect(step).shadowDom.to.be.accessible();
  return { element, step };
}

describe('face login (the camera shows cris)', function () {
  // Face models, camera frames and the sandbox's face engine share 2 busy cores.
  this.timeout(180_000);

  it('enrolled through the Full flow, cris logs in with her face alone; the token names that registration', async () => {
    const enrolled = await runFullVerification('cris');
    expect(enrolled.detail.status).to.equal('COMPLETED');
    enrolled.element.remove();
    await faceLogin(enrolled.project);

    const { element, step } = await faceLoginScreen(enrolled.project);
    expect(element.shadowRoot!.querySelector('[part="progress"]')!.textContent).to.contain('Step 1 of 1');
    const complete = oneEvent(element, 'verifik-complete');
    await startCamera(step);
    const { detail } = (await complete) as CustomEvent<VerifikLoginCompleteDetail>;
    expect(detail.type).to.equal('login');
    expect(claims(detail.token)).to.include({
      type: 'login',
      loginType: 'faceLiveness',
      appRegistration: enrolled.detail.appRegistrationId,
      sub: detail.appLoginId,
    });
    expect(liveTracks()).to.have.length(0, 'no camera left on');
    await waitUntil(() => inStep(element, 'h2')?.textContent === en.login.doneTitle, 'the logged-in screen');
    await waitUntil(() => deepActiveElement()?.textContent === en.login.doneTitle, 'focus on its heading');
    await expect(element).shadowDom.to.be.accessible();
  });

  it('only another person is enrolled: cris’s face is refused as not recognised, and the login ends failed', async () => {
    // bea enrols her selfie through the API in a project of her own.
    const flow = await selfieFlow();
    const bea = await signedUp(flow);
    await bea.validateSelfie(await faceImage('selfie', 'bea'), 'DESKTOP');
    await bea.sync('end', 'COMPLETED');
    await faceLogin(flow.project, 1);

    const { element, step } = await faceLoginScreen(flow.project);
    let completed = false;
    element.addEventListener('verifik-complete', () => (completed = true));
    const error = oneEvent(element, 'verifik-error');
    await startCamera(step);
    expect((await error).detail).to.include({ code: 'login_face_not_recognised', step: 'loginFace' });
    await waitUntil(() => inStep(element, 'h2')?.textContent === en.login.failedTitle, 'the failed screen');
    expect(element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!.textContent).to.include(
      en.errors.login_face_not_recognised,
    );
    expect(completed, 'no verifik-complete for a refused login').to.equal(false);
    expect(liveTracks()).to.have.length(0, 'no camera left on');
    await expect(element).shadowDom.to.be.accessible();
  });
});
