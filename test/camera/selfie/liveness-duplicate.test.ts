import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import { en } from '../../../src/i18n/en.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import { inShadow, mountLivenessStep, selfieFlow, signedUp, startCamera } from '../../helpers/browser/liveness.js';

describe('liveness step when the face is already enrolled in the project', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('tells the person plainly and fails the step for good', async () => {
    const flow = await selfieFlow();
    const first = await mountLivenessStep(await signedUp(flow));
    await startCamera(first.element);
    await waitUntil(() => first.events.includes('complete'), 'the first registration enrols the face', {
      timeout: 90_000,
    });
    first.element.remove();

    // Someone else signs up on the same project with the same face.
    const second = await mountLivenessStep(await signedUp(flow));
    await startCamera(second.element);
    await waitUntil(() => second.errors.includes('duplicated_person'), 'the duplicate is refused', {
      timeout: 90_000,
    });
    expect(second.events).to.deep.equal(['fail:final']);
    await waitUntil(() => inShadow(second.element, '[role="alert"]'), 'the message shows');
    expect(inShadow(second.element, '[role="alert"]')!.textContent!.trim()).to.equal(en.errors.duplicated_person);
    expect(inShadow(second.element, '.actions button'), 'no retry for a duplicate').to.equal(null);
    expect(liveTracks()).to.have.length(0);
    await expect(second.element).to.be.accessible();
  });
});
