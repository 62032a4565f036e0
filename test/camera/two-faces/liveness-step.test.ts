import { expect } from '@open-wc/testing';
import { type FrameCounter, framesLater, waitUntil } from '../../helpers/browser/wait.js';
import { en } from '../../../src/i18n/en.js';
import { hintText, mountLivenessStep, selfieFlow, signedUp, startCamera } from '../../helpers/browser/liveness.js';

describe('liveness step with two people in front of the camera', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('asks for one person only, and never captures', async () => {
    const { element, events } = await mountLivenessStep(await signedUp(await selfieFlow()));
    await startCamera(element);
    await waitUntil(() => hintText(element) === en.liveness.hints.multiple, 'the one-person hint');
    await expect(element).to.be.accessible();
    // Twenty analysed frames later, still the same message and nothing sent.
    await framesLater((element as unknown as { guide: FrameCounter }).guide, 20);
    expect(hintText(element)).to.equal(en.liveness.hints.multiple);
    expect(events).to.deep.equal([]);
  });
});
