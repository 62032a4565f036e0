import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import type { RegistrantApi } from '../../src/api/registrant-api.js';
import { en } from '../../src/i18n/en.js';
import type { VerifikFaceMatchStep } from '../../src/steps/face-match/face-match-step.js';
import '../helpers/browser/all-steps.js';
import {
  createFlow,
  faceImage,
  registrantApi,
  restartSandbox,
  sandbox,
  stopSandbox,
} from '../helpers/browser/sandbox.js';
import { stepFixture } from '../helpers/browser/step-fixture.js';

/** A registrant whose document shows `onCard` and whose selfie shows `inSelfie`, both sent to the sandbox. */
async function registrantWith(onCard: 'cris' | 'dana', inSelfie: 'cris'): Promise<RegistrantApi> {
  const flow = await createFlow({
    steps: { signUpForm: 'mandatory', document: 'mandatory', liveness: 'mandatory' },
    signUpForm: { email: true, emailGateway: 'none', phone: false },
    document: { compareMinScore: 0.67, maxAttempts: 3, scanDocumentAllowed: true, uploadDocumentAllowed: true },
    liveness: { livenessMinScore: 0.65, maxAttempts: 3, searchMinScore: 0.85, searchMode: 'FAST' },
  });
  const api = registrantApi(flow.project as string, flow._id);
  await api.signUp({ email: `match.${Date.now()}.${onCard}@example.com`, language: 'en' });
  const token = (api as unknown as { token: string }).token;
  const document = await fetch(`${sandbox.url}/v2/document-validations/app-registration`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ image: await faceImage('card', onCard), documentCategory: 'government_id' }),
  });
  expect(document.status).to.equal(200);
  await api.validateSelfie(await faceImage('selfie', inSelfie), 'DESKTOP');
  return api;
}

async function mountStep(api: RegistrantApi) {
  const seen: string[] = [];
  const element = await stepFixture<VerifikFaceMatchStep>(
    html`<verifik-face-match-step
      @step-complete=${() => seen.push('complete')}
      @step-fail=${(event: CustomEvent<{ final: boolean }>) => seen.push(`fail${event.detail.final ? ':final' : ''}`)}
      @step-error=${(event: CustomEvent<{ code: string }>) => seen.push(event.detail.code)}
    ></verifik-face-match-step>`,
    { api },
  );
  return { element, seen };
}

describe('face match step', function () {
  // A bound for a hang, not a wait: each test first makes two images with sharp in a new Node
  // process, then the sandbox reads both with face-api; under heavy load that took over 90 s.
  this.timeout(180_000);

  it('passes when the selfie and the document show the same person', async () => {
    const { element, seen } = await mountStep(await registrantWith('cris', 'cris'));
    await expect(element).to.be.accessible();
    await waitUntil(() => seen.length > 0, 'the comparison');
    expect(seen).to.deep.equal(['complete']);
  });

  it('fails for good when they show two different people', async () => {
    const { seen } = await mountStep(await registrantWith('dana', 'cris'));
    await waitUntil(() => seen.length > 1, 'the comparison');
    expect(seen).to.deep.equal(['face_match_failed', 'fail:final']);
  });

  it('offers a retry when the sandbox cannot be reached, then passes', async () => {
    const api = await registrantWith('cris', 'cris');
    await stopSandbox();
    try {
      const { element, seen } = await mountStep(api);
      await waitUntil(() => element.shadowRoot!.querySelector('[role="alert"]'), 'the error');
      expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal(en.errors.network_error);
      expect(seen).to.deep.equal(['network_error']);
      await expect(element).to.be.accessible();
      await restartSandbox();
      element.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
      await waitUntil(() => seen.includes('complete'), 'the retry passes');
    } finally {
      await restartSandbox();
    }
  });
});
