import { expect } from '@open-wc/testing';
import { type FrameCounter, framesLater, waitUntil } from '../../helpers/browser/wait.js';
import { en } from '../../../src/i18n/en.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import {
  button,
  click,
  documentFlow,
  heading,
  hintText,
  inShadow,
  mountDocumentStep,
  reviewShown,
  signedUp,
} from '../../helpers/browser/document.js';

const { document: text } = en;

describe('document step with a blurred card on the fake camera', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('says the frame is too blurry, never takes the photo on its own, and warns about a manual photo', async () => {
    const flow = await documentFlow();
    const { element, events, errors } = await mountDocumentStep(await signedUp(flow), flow);
    const root = element.shadowRoot!;
    await click(root, text.useCamera);
    await waitUntil(() => hintText(root) === text.hints.blurry, 'the blur hint');
    await expect(element).to.be.accessible();

    // Twenty-five analysed frames, well past the auto-capture delay: still on the camera, still saying why.
    await framesLater((element as unknown as { guide: FrameCounter }).guide, 25);
    expect(heading(root)).to.equal(text.sideTitle.front);
    expect(hintText(root)).to.equal(text.hints.blurry);
    expect(liveTracks()).to.have.length(1);

    button(root, text.capture)!.click();
    await reviewShown(root);
    expect(liveTracks()).to.have.length(0);
    expect(inShadow(element, '[role="alert"]')!.textContent!.trim()).to.equal(
      `${text.qualityWarning} ${text.hints.blurry}`,
    );
    expect(button(root, text.usePhoto), 'the person may still keep it').to.not.equal(null);
    await expect(element).to.be.accessible();
    expect(events).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
