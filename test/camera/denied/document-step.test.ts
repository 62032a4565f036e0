import { expect } from '@open-wc/testing';
import { waitUntil } from '../../helpers/browser/wait.js';
import { en } from '../../../src/i18n/en.js';
import { liveTracks } from '../../helpers/browser/camera.js';
import {
  click,
  documentFlow,
  dropFile,
  heading,
  inShadow,
  mountDocumentStep,
  pickFile,
  reviewShown,
  signedUp,
  storedDocument,
  testImage,
} from '../../helpers/browser/document.js';

const { document: text } = en;

describe('document step when the camera is refused', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('shows the recovery screen, then the upload completes against the sandbox', async () => {
    const flow = await documentFlow();
    const api = await signedUp(flow);
    const { element, events, errors } = await mountDocumentStep(api, flow);
    const root = element.shadowRoot!;
    await click(root, text.useCamera);
    await waitUntil(() => errors.includes('camera_denied'), 'camera_denied is reported');
    expect(inShadow(element, '.error[role="alert"]')!.textContent).to.equal(en.errors.camera_denied);
    expect(liveTracks()).to.have.length(0);
    await expect(element).to.be.accessible();

    // The front through the file picker…
    pickFile(root, await testImage('id-card-front'));
    await reviewShown(root);
    await expect(element).to.be.accessible();
    await click(root, text.usePhoto);
    // …the back dropped on the drop zone.
    await waitUntil(() => heading(root) === text.sideTitle.back, 'the back is asked for');
    dropFile(root, await testImage('id-card-back'));
    await reviewShown(root);
    await click(root, text.usePhoto);

    await waitUntil(() => events.includes('complete'), 'the sandbox validates the document', { timeout: 90_000 });
    expect(await storedDocument(api.appRegistrationId!)).to.include({
      status: 'VALIDATED',
      inputMethod: 'FILE_UPLOAD',
      hasBackImage: true,
    });
    expect(errors).to.deep.equal(['camera_denied']);
  });
});
