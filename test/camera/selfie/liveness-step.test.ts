import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import { en } from '../../../src/i18n/en.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import { adminGet } from '../../helpers/browser/sandbox.js';
import {
  hintText,
  inShadow,
  mountLivenessStep,
  selfieFlow,
  signedUp,
  startCamera,
} from '../../helpers/browser/liveness.js';

describe('liveness step with one frontal face on the camera', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('guides, captures on its own, and the sandbox accepts the selfie; no camera is left on', async () => {
    const flow = await selfieFlow();
    const api = await signedUp(flow);
    const sent: number[] = [];
    const validateSelfie = api.validateSelfie.bind(api);
    api.validateSelfie = (image, os, signal) => {
      sent.push(Math.floor((image.length * 3) / 4));
      return validateSelfie(image, os, signal);
    };
    const { element, events, errors } = await mountLivenessStep(api);
    await expect(element).to.be.accessible();
    expect(liveTracks()).to.have.length(0, 'no camera before the person asks for it');

    await startCamera(element);
    expect(liveTracks()).to.have.length(1);
    await waitUntil(() => hintText(element) !== '' && hintText(element) !== en.liveness.starting, 'a hint');
    await expect(element).to.be.accessible();

    await waitUntil(() => events.includes('complete'), 'the selfie is accepted', { timeout: 90_000 });
    expect(errors).to.deep.equal([]);
    expect(liveTracks()).to.have.length(0, 'the camera stops once the selfie is taken');
    expect(sent).to.have.length(1);
    expect(sent[0]).to.be.within(10_000, 150_000, 'one JPEG selfie within its byte budget');

    // The sandbox enrolled this face for the registration.
    const registration = await adminGet<{ biometricValidation: { status: string; livenessScore: number } }>(
      `/v2/app-registrations/${api.appRegistrationId}?populates[]=biometricValidation`,
    );
    expect(registration.biometricValidation.status).to.equal('VALIDATED');
    expect(registration.biometricValidation.livenessScore).to.be.greaterThan(0.65);
  });

  it('shows the checking state accessibly while the sandbox analyses the selfie', async () => {
    const flow = await selfieFlow();
    const { element } = await mountLivenessStep(await signedUp(flow));
    await startCamera(element);
    await waitUntil(() => inShadow(element, '.status[role="status"]'), 'the selfie is being checked', {
      timeout: 90_000,
      interval: 20,
    });
    await expect(element).to.be.accessible();
  });

  it('stops the camera when the element leaves the page mid-capture', async () => {
    const { element } = await mountLivenessStep(await signedUp(await selfieFlow()));
    await startCamera(element);
    expect(liveTracks()).to.have.length(1);
    element.remove();
    expect(liveTracks()).to.have.length(0);
  });
});
