import { oneEvent, fixture, html, expect } from '@open-wc/testing';
import { waitUntil } from './wait.js';
import type { VerifikEnroll, VerifikOnboardingCompleteDetail } from '../../../src/index.js';
import { en } from '../../../src/i18n/en.js';
import type { VerifikLivenessStep } from '../../../src/steps/liveness/liveness-step.js';
import '../../../src/verifik-enroll.js';
import { fillSignUp, passCodes, person, whenLoaded, whenStep } from './basic-flow.js';
import { liveTracks } from './camera.js';
import { click, heading, pickFile, reviewShown, testImage } from './document.js';
import { startCamera } from './liveness.js';
import { adminGet, createFlow, DEMO, sandbox } from './sandbox.js';

/**
 * The seeded Full Verification flow, end to end in Chromium against the sandbox: sign-up, both
 * codes, the ID document (uploaded: this browser's camera shows a face), the selfie from the
 * camera, the face match, and completion. The camera shows cris; her card passes the match and
 * dana's fails it. `documentFaces` are the portrait crops the widget sent with the document.
 */
export async function runFullVerification(cardOf: 'cris' | 'dana') {
  // The seeded flow's settings on a project of its own: each run enrols cris's face, and a
  // second enrolment in one project is (rightly) refused as a duplicate person.
  const seeded = await adminGet<{ onboardingSettings: Record<string, unknown> }>(`/v2/project-flows/${DEMO.fullFlow}`);
  const flow = await createFlow(seeded.onboardingSettings);
  // The portraits the widget sends with the document, read from its requests as they leave.
  const documentFaces: string[] = [];
  const recording: typeof fetch = (input, init) => {
    if (String(input).endsWith('/v2/document-validations/app-registration') && typeof init?.body === 'string') {
      const { documentFace } = JSON.parse(init.body) as { documentFace?: string };
      if (documentFace) documentFaces.push(documentFace);
    }
    return fetch(input, init);
  };
  const element = await fixture<VerifikEnroll>(
    html`<verifik-enroll
      .fetch=${recording}
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
  const { detail } = (await complete) as CustomEvent<VerifikOnboardingCompleteDetail>;
  expect(liveTracks()).to.have.length(0, 'no camera left on');
  return { element, outcomes, changes, detail, documentFaces, project: String(flow['project']) };
}
