import { expect, html } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import type { VerifikLivenessStep } from '../../../src/steps/liveness/liveness-step.js';
import { en } from '../../../src/i18n/en.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import { hintText, inShadow, selfieFlow, signedUp, startCamera } from '../../helpers/browser/liveness.js';
import { stepFixture } from '../../helpers/browser/step-fixture.js';

describe('liveness step when the face guide cannot load', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('says guidance is off, lets the person take the photo, and the sandbox accepts it', async () => {
    const api = await signedUp(await selfieFlow());
    const events: string[] = [];
    const errors: string[] = [];
    const element = await stepFixture<VerifikLivenessStep>(
      html`<verifik-liveness-step
        assets-url=${new URL('/no-such-folder/', location.href).href}
        @step-complete=${() => events.push('complete')}
        @step-error=${(event: CustomEvent<{ code: string }>) => errors.push(event.detail.code)}
      ></verifik-liveness-step>`,
      { api },
    );
    await startCamera(element);
    await waitUntil(() => hintText(element) === en.errors.face_guidance_unavailable, 'guidance is off');
    expect(errors).to.deep.equal(['face_guidance_unavailable']);
    await expect(element).to.be.accessible();
    const shutter = inShadow<HTMLButtonElement>(element, '.actions button')!;
    expect(shutter.textContent!.trim()).to.equal(en.liveness.capture);
    shutter.click();
    await waitUntil(() => events.includes('complete'), 'the hand-taken selfie is accepted', { timeout: 90_000 });
    expect(liveTracks()).to.have.length(0);
  });
});
