import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { VerifikEnroll, VerifikOnboardingCompleteDetail } from '../../src/index.js';
import { en } from '../../src/i18n/en.js';
import '../../src/verifik-enroll.js';
import { inStep, person, press, type, whenStep } from '../helpers/browser/basic-flow.js';
import type { RegistrantApi } from '../../src/api/registrant-api.js';
import {
  click,
  documentFlow,
  heading,
  mountDocumentStep,
  pickFile,
  reviewShown,
  signedUp,
  testImage,
} from '../helpers/browser/document.js';
import { adminGet, faceImage, sandbox } from '../helpers/browser/sandbox.js';
import { waitUntil } from '../helpers/browser/wait.js';

/**
 * A flow with the criminal-history check (`verifyCriminalHistory`), end to end in Chromium against
 * the sandbox: it reads the uploaded card's number with Tesseract and checks it against its
 * simulated list, where 99.999.999 has records and the cards' usual number has none.
 */
async function signUpAndSendCard(documentNumber?: string) {
  const flow = await documentFlow({ verifyCriminalHistory: true });
  const element = await fixture<VerifikEnroll>(
    html`<verifik-enroll
      persist="none"
      project=${flow.project}
      flow=${flow._id}
      api-url=${sandbox.url}
      lang="en"
    ></verifik-enroll>`,
  );
  const errors: string[] = [];
  element.addEventListener('verifik-error', ({ detail }) => errors.push(detail.code));
  const complete = oneEvent(element, 'verifik-complete');
  // The flow's sign-up asks for an email (and names when its defaults show them), no phone.
  await waitUntil(() => inStep(element, '#field-email'), 'the sign-up form');
  for (const [field, value] of [
    ['firstName', 'Ana María'],
    ['lastName', 'Demo García'],
    ['email', person().email],
  ] as const) {
    if (inStep(element, `#field-${field}`)) await type(element, `#field-${field}`, value);
  }
  for (const agreement of ['#field-acceptTerms', '#field-acceptPrivacy']) {
    if (inStep(element, agreement)) await press(element, agreement, 'Space');
  }
  await press(element, 'button[type="submit"]');
  await whenStep(element, 'document');

  const step = () => element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
  await waitUntil(() => step().querySelector('input[type="file"]'), 'the upload choice');
  pickFile(step(), await testImage('id-card-front', 'ana', documentNumber));
  await reviewShown(step());
  await click(step(), en.document.usePhoto);
  await waitUntil(() => heading(step()) === en.document.sideTitle.back, 'the back is asked for');
  pickFile(step(), await testImage('id-card-back'));
  await reviewShown(step());
  await click(step(), en.document.usePhoto);
  return { element, errors, complete, step };
}

/** The registration's criminal-history check, as the sandbox stored it. */
async function storedCheck(appRegistrationId: string) {
  const registration = await adminGet<{ informationValidation: { backgroundCheck?: { status: string } } }>(
    `/v2/app-registrations/${appRegistrationId}?populates[]=informationValidation`,
  );
  return registration.informationValidation.backgroundCheck;
}

/** The document's photos, uploaded in the step mounted alone, as after a reload. */
async function sendCardInStep(api: RegistrantApi, flow: Awaited<ReturnType<typeof documentFlow>>) {
  const { element, events, errors } = await mountDocumentStep(api, flow);
  const root = element.shadowRoot!;
  await waitUntil(() => root.querySelector('input[type="file"]'), 'the upload choice');
  pickFile(root, await testImage('id-card-front'));
  await reviewShown(root);
  await click(root, en.document.usePhoto);
  await waitUntil(() => heading(root) === en.document.sideTitle.back, 'the back is asked for');
  pickFile(root, await testImage('id-card-back'));
  await reviewShown(root);
  await click(root, en.document.usePhoto);
  return { events, errors };
}

describe('the criminal-history check', function () {
  // The sandbox reads both sides with OCR and face-api on 2 busy cores: many seconds per card.
  this.timeout(300_000);

  it('a number without records: the check is clear and the flow completes', async () => {
    const { errors, complete } = await signUpAndSendCard();
    const { detail } = (await complete) as CustomEvent<VerifikOnboardingCompleteDetail>;
    expect(detail.status).to.equal('COMPLETED');
    expect(await storedCheck(detail.appRegistrationId)).to.include({ status: 'CLEAR', simulated: true });
    expect(errors).to.deep.equal([]);
  });

  it('a document validated before a reload is still checked before the step passes', async () => {
    const flow = await documentFlow({ verifyCriminalHistory: true });
    const api = await signedUp(flow);
    const card = await faceImage('card', 'ana');
    const earlier = await api.validateDocument({
      image: `data:image/jpeg;base64,${card}`,
      documentCategory: 'government_id',
      inputMethod: 'FILE_UPLOAD',
    });
    expect(earlier.documentValidation?.status).to.equal('VALIDATED');
    expect(await storedCheck(api.appRegistrationId!), 'not checked yet').to.equal(undefined);

    // The sandbox answers already_exists: the step runs the check, then passes.
    const { events, errors } = await sendCardInStep(api, flow);
    await waitUntil(() => events.length > 0, 'the step ends', { timeout: 240_000 });
    expect(events).to.deep.equal(['complete']);
    expect(errors).to.deep.equal([]);
    expect(await storedCheck(api.appRegistrationId!)).to.include({ status: 'CLEAR' });
  });

  it('a number with records: the document step fails for good, with a message and verifik-error', async () => {
    const { element, errors, complete } = await signUpAndSendCard('99.999.999');
    const { detail } = (await complete) as CustomEvent<VerifikOnboardingCompleteDetail>;
    expect(detail.status).to.equal('FAILED');
    expect(errors).to.deep.equal(['criminal_record_found']);
    expect(await storedCheck(detail.appRegistrationId)).to.include({ status: 'RECORDS_FOUND' });
    await waitUntil(() => element.getAttribute('step') === 'done', 'the final screen');
    await waitUntil(
      () => element.shadowRoot!.querySelector('[data-step]')?.shadowRoot?.textContent?.includes(en.done.failedTitle),
      'the failure screen',
    );
    const screen = element.shadowRoot!.querySelector('[data-step]')!.shadowRoot!;
    expect(screen.textContent).to.include(en.errors.criminal_record_found);
    expect(screen.textContent, 'no retry for the same document').to.not.include(en.document.retry);
    await expect(element).shadowDom.to.be.accessible();
  });
});
