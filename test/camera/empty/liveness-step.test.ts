import { expect } from '@open-wc/testing';
import { type FrameCounter, framesLater, waitUntil } from '../../helpers/browser/wait.js';
import { en } from '../../../src/i18n/en.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import { hintText, mountLivenessStep, selfieFlow, signedUp, startCamera } from '../../helpers/browser/liveness.js';

describe('liveness step with nobody in front of the camera', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('keeps saying that no face is in view, and never captures', async () => {
    const { element, events } = await mountLivenessStep(await signedUp(await selfieFlow()));
    await startCamera(element);
    await waitUntil(() => hintText(element) === en.liveness.hints['no-face'], 'the no-face hint', { timeout: 15_000 });
    await expect(element).to.be.accessible();
    // Thirty analysed frames later (several seconds), still the same message and nothing sent.
    await framesLater((element as unknown as { guide: FrameCounter }).guide, 30);
    expect(hintText(element)).to.equal(en.liveness.hints['no-face']);
    expect(events).to.deep.equal([]);
    expect(liveTracks()).to.have.length(1);
    element.remove();
    expect(liveTracks()).to.have.length(0);
  });
});
