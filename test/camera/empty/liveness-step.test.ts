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
    await waitUntil(() => hintText(element) === en.liveness.hints['no-face'], 'the no-face hint');
    await expect(element).to.be.accessible();
    // Thirty analysed frames later (several seconds), still the same message and nothing sent.
    await framesLater((element as unknown as { guide: FrameCounter }).guide, 30);
    expect(hintText(element)).to.equal(en.liveness.hints['no-face']);
    expect(events).to.deep.equal([]);
    expect(liveTracks()).to.have.length(1);
    element.remove();
    expect(liveTracks()).to.have.length(0);
  });

  it('after a while without a capture, offers the shutter and tips; the server still checks the photo', async () => {
    const { element, events } = await mountLivenessStep(await signedUp(await selfieFlow()));
    // The delay is injected (20 s by default): offered from the first analysed frame on.
    element.manualAfter = 0;
    await startCamera(element);
    const shutter = () =>
      [...element.shadowRoot!.querySelectorAll('button')].find(
        (button) => button.textContent?.trim() === en.liveness.capture,
      );
    await waitUntil(shutter, 'the shutter is offered');
    // The hint is announced through the live region (it settles over a few frames).
    await waitUntil(() => hintText(element) === en.liveness.hints['no-face'], 'the no-face hint is announced');
    expect(element.shadowRoot!.querySelector('.hint')!.getAttribute('role')).to.equal('status');
    expect(element.shadowRoot!.textContent).to.include(en.liveness.manualTips);
    await expect(element).to.be.accessible();
    shutter()!.click();
    await waitUntil(() => events.includes('fail'), 'the server refuses a photo without a face', { timeout: 60_000 });
    await waitUntil(
      () => element.shadowRoot!.querySelector('[role="alert"]')?.textContent?.includes(en.errors.no_face_detected),
      'the reason is shown',
    );
    expect(liveTracks()).to.have.length(0);
  });

  it('does not offer the shutter before the delay', async () => {
    const { element } = await mountLivenessStep(await signedUp(await selfieFlow()));
    // An hour: however slow the machine, ten frames come well before it.
    element.manualAfter = 3_600_000;
    await startCamera(element);
    await framesLater((element as unknown as { guide: FrameCounter }).guide, 10);
    const buttons = [...element.shadowRoot!.querySelectorAll('button')].map((button) => button.textContent?.trim());
    expect(buttons).to.not.include(en.liveness.capture);
    element.remove();
  });
});
