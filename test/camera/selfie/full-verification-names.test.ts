import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import type { VerifikCompleteDetail, VerifikEnroll } from '../../../src/index.js';
import { en } from '../../../src/i18n/en.js';
import type { VerifikLivenessStep } from '../../../src/steps/liveness/liveness-step.js';
import '../../../src/verifik-enroll.js';
import { fillSignUp, passCodes, person, whenLoaded, whenStep } from '../../helpers/browser/basic-flow.js';
import { click, heading, pickFile, reviewShown, testImage } from '../../helpers/browser/document.js';
import { startCamera } from '../../helpers/browser/liveness.js';
import { adminGet, createFlow, DEMO, sandbox } from '../../helpers/browser/sandbox.js';

/**
 * The seeded Full Verification flow with `verifyNames: true`, end to end in Chromium against the
 * sandbox, which reads the uploaded card with Tesseract: its holder is ANA MARÍA DEMO GARCÍA (see
 * face-images.ts), and the person signs up with those names, or with others.
 */
async function fullFlowWithNames(names: { firstName: string; lastName: string }) {
  const seeded = await adminGet<{ onboardingSettings: { document: Record<string, unknown> } }>(
    `/v2/project-flows/${DEMO.fullFlow}`,
  );
  const settings = seeded.onboardingSettings;
  const flow = await createFlow({ ...settings, document: { ...settings.document, verifyNames: true } });
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
  const errors: string[] = [];
  element.addEventListener('verifik-step-complete', ({ detail }) => outcomes.push(`${detail.step}:${detail.outcome}`));
  element.addEventListener('verifik-error', ({ detail }) => errors.push(detail.code));
  const who = person();
  await whenLoaded(element);
  await fillSignUp(element, who, names);
  await passCodes(element, who);

  // The national ID, front (cris's portrait, as the camera shows cris) and back, uploaded.
  const step = () => element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
  await click(step(), en.actions.continue, 10_000);
  await waitUntil(() => step().querySelector('input[type="file"]'), 'the upload choice');
  pickFile(step(), await testImage('id-card-front', 'cris'));
  await reviewShown(step());
  await click(step(), en.document.usePhoto);
  await waitUntil(() => heading(step()) === en.document.sideTitle.back, 'the back is asked for');
  pickFile(step(), await testImage('id-card-back'));
  await reviewShown(step());
  await click(step(), en.document.usePhoto);
  return { element, outcomes, errors, step, flow };
}

describe('Full Verification with the names checked', function () {
  // OCR of both sides, face models and the camera share 2 busy cores: seconds per image.
  this.timeout(300_000);

  it('the names on the card are the sign-up names: the document passes and the flow completes', async () => {
    const { element, outcomes, errors } = await fullFlowWithNames({ firstName: 'Ana María', lastName: 'Demo García' });
    const complete = oneEvent(element, 'verifik-complete');
    // Both sides are read by OCR on the sandbox's busy cores: a bound on a hang, not a wait.
    await whenStep(element, 'liveness', 180_000);
    await startCamera(element.shadowRoot!.querySelector<VerifikLivenessStep>('verifik-liveness-step')!);
    const { detail } = (await complete) as CustomEvent<VerifikCompleteDetail>;
    expect(outcomes.slice(-3)).to.deep.equal(['document:passed', 'liveness:passed', 'faceMatch:passed']);
    expect(detail.status).to.equal('COMPLETED');
    const registration = await adminGet<{
      documentValidation: { status: string; namesMatch: boolean; OCRExtraction: { lastName: string } };
    }>(`/v2/app-registrations/${detail.appRegistrationId}?populates[]=documentValidation`);
    expect(registration.documentValidation).to.include({ status: 'VALIDATED', namesMatch: true });
    expect(registration.documentValidation.OCRExtraction.lastName).to.equal('DEMO GARCÍA');
    expect(errors).to.deep.equal([]);
  });

  it('other names: the document step fails with a message that says why, and the person may try again', async () => {
    const { element, outcomes, errors, step, flow } = await fullFlowWithNames({
      firstName: 'Pedro',
      lastName: 'Gómez',
    });
    await waitUntil(() => errors.includes('document_names_mismatch'), 'the names check fails', { timeout: 180_000 });
    await waitUntil(
      () => step().querySelector('[role="alert"]')?.textContent?.includes(en.errors.document_names_mismatch),
      'the reason is shown',
    );
    expect(element.getAttribute('step')).to.equal('document');
    // Tries are left: the step offers another, it has not ended.
    expect(outcomes).to.not.include('document:passed');
    expect(step().textContent).to.include(en.document.retry);
    // The flow is new: its one registration is this person's.
    const [registration] = await adminGet<Array<{ documentValidation: { status: string; failReason: string } }>>(
      `/v2/app-registrations?where_projectFlow=${flow._id}&populates[]=documentValidation`,
    );
    expect(registration?.documentValidation).to.include({ status: 'FAILED', failReason: 'names_mismatch' });
    await expect(element).shadowDom.to.be.accessible();
  });
});
