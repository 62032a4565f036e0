import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import { sendKeys, setViewport } from '@web/test-runner-commands';
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
  storedDocument,
} from '../../helpers/browser/document.js';

const { document: text } = en;

describe('document step with a card on the fake camera', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('passport: the type chosen with the keyboard, the photo taken on its own, validated by the sandbox', async () => {
    const flow = await documentFlow({ useGovernmentID: true, usePassport: true, useLicense: true });
    const api = await signedUp(flow);
    const { element, events, errors } = await mountDocumentStep(api, flow);
    const root = element.shadowRoot!;
    await expect(element).to.be.accessible();
    expect(liveTracks()).to.have.length(0, 'no camera before the person asks for it');

    // The type, by keyboard: the first radio, one arrow down (passport), Enter submits.
    inShadow<HTMLInputElement>(element, 'input[value="government_id"]')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => heading(root) === text.sideTitle.front, 'the front screen');
    await expect(element).to.be.accessible();

    await click(root, text.useCamera);
    await waitUntil(() => liveTracks().length === 1, 'the camera starts');
    const track = liveTracks()[0]!;
    expect(track.getSettings().width).to.equal(1280, 'the largest frame the camera has');
    await waitUntil(() => hintText(root) === text.hints.ok, 'the guide says the frame is good');
    await expect(element).to.be.accessible();

    await reviewShown(root);
    expect(liveTracks()).to.have.length(0, 'the camera stops once the photo is taken');
    expect(inShadow(element, '[role="alert"]'), 'no quality warning').to.equal(null);
    const photo = inShadow<HTMLCanvasElement>(element, 'canvas[role="img"]')!;
    expect(photo.getAttribute('aria-label')).to.equal(text.photoOf.front);
    expect(photo.width).to.be.within(1000, 1100, 'the guide and its margin, at the camera’s resolution');
    await expect(element).to.be.accessible();

    await click(root, text.usePhoto);
    await waitUntil(() => events.includes('complete'), 'the sandbox validates the document', { timeout: 90_000 });
    expect(errors).to.deep.equal([]);
    const stored = await storedDocument(api.appRegistrationId!);
    expect(stored).to.include({
      status: 'VALIDATED',
      documentCategory: 'passport',
      inputMethod: 'CAMERA',
      hasBackImage: false,
    });
  });

  it('on a phone-sized screen: a manual photo can be retaken; the camera stops when the element leaves', async () => {
    await setViewport({ width: 360, height: 740 });
    const flow = await documentFlow();
    const { element, events } = await mountDocumentStep(await signedUp(flow), flow);
    const root = element.shadowRoot!;
    await click(root, text.useCamera);
    await waitUntil(() => !button(root, text.capture)?.disabled, 'the shutter is ready');
    const preview = inShadow(element, '.viewport')!.getBoundingClientRect();
    expect(preview.width).to.be.within(200, 360, 'the preview fits the screen');
    expect(preview.height).to.be.closeTo((preview.width * 720) / 1280, 2, 'with the camera’s aspect ratio');
    expect(document.documentElement.scrollWidth).to.be.at.most(360, 'nothing overflows sideways');
    button(root, text.capture)!.click();
    await reviewShown(root);
    expect(liveTracks()).to.have.length(0);
    await click(root, text.retake);
    await waitUntil(() => liveTracks().length === 1, 'the camera starts again for the same side');
    expect(heading(root)).to.equal(text.sideTitle.front);
    element.remove();
    expect(liveTracks()).to.have.length(0);
    expect(events).to.deep.equal([]);
  });
});
