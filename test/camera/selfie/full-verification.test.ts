import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import { en } from '../../../src/i18n/en.js';
import '../../../src/verifik-enroll.js';
import { deepActiveElement, inStep } from '../../helpers/browser/basic-flow.js';
import { runFullVerification } from '../../helpers/browser/full-verification.js';
import { adminGet } from '../../helpers/browser/sandbox.js';

describe('Full Verification end to end', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('the same person on the document and in the selfie: the face match passes and the flow completes', async () => {
    const { element, outcomes, detail, documentFaces } = await runFullVerification('cris');
    expect(outcomes).to.deep.equal([
      'signUp:passed',
      'emailCode:passed',
      'phoneCode:passed',
      'document:passed',
      'liveness:passed',
      'faceMatch:passed',
    ]);
    expect(detail.status).to.equal('COMPLETED');
    const registration = await adminGet<{
      status: string;
      compareFaceVerification: { result: { score: number } };
      documentValidation: { portraitSource: string };
    }>(
      `/v2/app-registrations/${detail.appRegistrationId}?populates[]=compareFaceVerification&populates[]=documentValidation`,
    );
    expect(registration.status).to.equal('COMPLETED');
    expect(registration.compareFaceVerification.result.score).to.be.greaterThan(0.67);
    // The widget cut the portrait from the card and the sandbox found the face in that crop.
    expect(registration.documentValidation.portraitSource).to.equal('documentFace');
    expect(documentFaces, 'one crop, sent with the document').to.have.length(1);
    expect(documentFaces[0]).to.match(/^data:image\/jpeg;base64,/);
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
