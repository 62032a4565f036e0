import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import type { VerifikCompleteDetail, VerifikEnroll } from '../../../src/index.js';
import { en } from '../../../src/i18n/en.js';
import type { VerifikLivenessStep } from '../../../src/steps/liveness/liveness-step.js';
import '../../../src/verifik-enroll.js';
import {
  deepActiveElement,
  fillSignUp,
  inStep,
  passCodes,
  person,
  whenLoaded,
  whenStep,
} from '../../helpers/browser/basic-flow.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import { click, heading, pickFile, reviewShown, testImage } from '../../helpers/browser/document.js';
import { startCamera } from '../../helpers/browser/liveness.js';
import { adminGet, createFlow, DEMO, sandbox } from '../../helpers/browser/sandbox.js';

/**
 * The seeded Full Verification flow, end to end in Chromium against the sandbox: sign-up, both
 * codes, the ID document (uploaded: this browser's camera shows a face), the selfie from the
 * camera, the face match, and completion. The camera shows cris; her card passes the match and
 * dana's fails it.
 */
async function runFullVerification(cardOf: 'cris' | 'dana') {
  // The seeded flow's settings on a project of its own: each run enrols cris's face, and a
  // second enrolment in one project is (rightly) refused as a duplicate person.
  const seeded = await adminGet<{ onboardingSettings: Record<string, unknown> }>(`/v2/project-flows/${DEMO.fullFlow}`);
  const flow = await createFlow(seeded.onboardingSettings);
  const element = await fixture<VerifikEnroll>(
    html`<verifik-enroll
      persist="none"
      project=${String(flow['project'])}
      flow=${flow._id}
      api-url=${sandbox.url}
      token-endpoint=${`${sandbox.url}/api/verifik/registration`}
      lang="en"
    ></verifik-enroll>`,
  );
  const outcomes: string[] = [];
  const changes: string[] = [];
  element.addEventListener('verifik-step-change', ({ detail }) => changes.push(`${detail.from}>${detail.to}`));
  element.addEventListener('verifik-step-complete', ({ detail }) => outcomes.push(`${detail.step}:${detail.outcome}`));
  const complete = oneEvent(element, 'verifik-complete');
  const who = person();
  await whenLoaded(element);
  await fillSignUp(element, who);
  await passCodes(element, who);

  // The document: national ID, front and back uploaded.
  const step = () => element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
  await click(step(), en.actions.continue, 10_000);
  await waitUntil(() => step().querySelector('input[type="file"]'), 'the upload choice');
  pickFile(step(), await testImage('id-card-front', cardOf));
  await reviewShown(step());
  await click(step(), en.document.usePhoto);
  await waitUntil(() => heading(step()) === en.document.sideTitle.back, 'the back is asked for');
  pickFile(step(), await testImage('id-card-back'));
  await reviewShown(step());
  await click(step(), en.document.usePhoto);

  // The selfie, guided and captured on its own.
  await whenStep(element, 'liveness', 30_000);
  await startCamera(element.shadowRoot!.querySelector<VerifikLivenessStep>('verifik-liveness-step')!);
  const { detail } = (await complete) as CustomEvent<VerifikCompleteDetail>;
  expect(liveTracks()).to.have.length(0, 'no camera left on');
  return { element, outcomes, changes, detail };
}

describe('Full Verification end to end', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('the same person on the document and in the selfie: the face match passes and the flow completes', async () => {
    const { element, outcomes, detail } = await runFullVerification('cris');
    expect(outcomes).to.deep.equal([
      'signUp:passed',
      'emailCode:passed',
      'phoneCode:passed',
      'document:passed',
      'liveness:passed',
      'faceMatch:passed',
    ]);
    expect(detail.status).to.equal('COMPLETED');
    const registration = await adminGet<{ status: string; compareFaceVerification: { result: { score: number } } }>(
      `/v2/app-registrations/${detail.appRegistrationId}?populates[]=compareFaceVerification`,
    );
    expect(registration.status).to.equal('COMPLETED');
    expect(registration.compareFaceVerification.result.score).to.be.greaterThan(0.67);
    await waitUntil(() => inStep(element, 'h2')?.textContent === en.done.title, 'the done screen');
    await waitUntil(() => deepActiveElement()?.textContent === en.done.title, 'focus on the heading');
    expect(inStep(element, 'p')!.textContent).to.equal(en.done.text);
    await expect(element).shadowDom.to.be.accessible();
  });

  it('two different people: the face match fails and the flow ends on a failure screen that says why', async () => {
    const { element, outcomes, changes, detail } = await runFullVerification('dana');
    expect(outcomes.slice(-3)).to.deep.equal(['document:passed', 'liveness:passed', 'faceMatch:failed']);
    expect(detail.status).to.equal('FAILED');
    await waitUntil(() => inStep(element, 'h2')?.textContent === en.done.failedTitle, 'the failed screen');
    await waitUntil(() => deepActiveElement()?.textContent === en.done.failedTitle, 'focus on the heading');
    expect(changes.slice(-1)).to.deep.equal(['faceMatch>done']);
    expect(element.getAttribute('step')).to.equal('done');
    const screen = element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
    const text = screen.textContent!;
    expect(text).to.include(en.errors.face_match_failed);
    expect(text).to.include(en.done.failedText);
    expect(screen.querySelector('bdi')!.textContent).to.equal(detail.appRegistrationId);
    expect(screen.querySelector('svg.failure[aria-hidden="true"]'), 'a failure mark').to.not.equal(null);
    await expect(element).shadowDom.to.be.accessible();
  });
});
