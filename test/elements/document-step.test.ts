import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import { en } from '../../src/i18n/en.js';
import {
  button,
  click,
  documentFlow,
  heading,
  inShadow,
  mountDocumentStep,
  pickFile,
  reviewShown,
  signedUp,
  storedDocument,
  testImage,
} from '../helpers/browser/document.js';

const { document: text } = en;

/** A passport-only flow that takes uploads only. */
const uploadOnlyPassport = () =>
  documentFlow({ useGovernmentID: false, usePassport: true, scanDocumentAllowed: false, uploadDocumentAllowed: true });

const alertText = (root: ParentNode) => root.querySelector('[role="alert"]')?.textContent?.trim() ?? '';

describe('<verifik-document-step> uploads', function () {
  // The sandbox reads every image with face-api in Node: seconds each on a busy 2-core machine.
  this.timeout(90_000);

  it('offers no camera when the flow takes uploads only, and sends an uploaded passport', async () => {
    const flow = await uploadOnlyPassport();
    const api = await signedUp(flow);
    const { element, events, errors } = await mountDocumentStep(api, flow);
    const root = element.shadowRoot!;
    expect(heading(root)).to.equal(text.sideTitle.front);
    expect(button(root, text.useCamera)).to.equal(null);
    expect(button(root, text.upload)).to.not.equal(null);
    await expect(element).to.be.accessible();

    pickFile(root, await testImage('id-card-front'));
    await reviewShown(root);
    expect(alertText(root), 'the uploaded card passes the quality gate').to.equal('');
    await click(root, text.usePhoto);
    await waitUntil(() => inShadow(element, '.status[role="status"]'), 'the document is being checked', {
      interval: 10,
    });
    await expect(element).to.be.accessible();
    await waitUntil(() => events.includes('complete'), 'the sandbox validates it', { timeout: 90_000 });
    expect(await storedDocument(api.appRegistrationId!)).to.include({
      status: 'VALIDATED',
      documentCategory: 'passport',
      inputMethod: 'FILE_UPLOAD',
      hasBackImage: false,
    });
    expect(errors).to.deep.equal([]);
  });

  it('on the back side, the front can be taken again', async () => {
    const flow = await documentFlow({ scanDocumentAllowed: false, uploadDocumentAllowed: true });
    const api = await signedUp(flow);
    const { element, events } = await mountDocumentStep(api, flow);
    const root = element.shadowRoot!;
    pickFile(root, await testImage('id-card-front'));
    await reviewShown(root);
    await click(root, text.usePhoto);
    await waitUntil(() => heading(root) === text.sideTitle.back, 'the back is asked for');
    await expect(element).to.be.accessible();
    await click(root, text.redoFront);
    await waitUntil(() => heading(root) === text.sideTitle.front, 'the front is asked for again');
    expect(button(root, text.redoFront)).to.equal(null);
    pickFile(root, await testImage('id-card-front'));
    await reviewShown(root);
    await click(root, text.usePhoto);
    await waitUntil(() => heading(root) === text.sideTitle.back, 'then the back');
    expect(events).to.deep.equal([]);
  });

  it('refuses a PDF and an undecodable HEIC clearly, and keeps the person on the upload', async () => {
    const flow = await uploadOnlyPassport();
    const { element, errors } = await mountDocumentStep(await signedUp(flow), flow);
    const root = element.shadowRoot!;
    pickFile(root, new File(['%PDF-1.7\n%âãÏÓ\n'], 'cedula.pdf', { type: 'application/pdf' }));
    await waitUntil(() => alertText(root) !== '', 'the refusal');
    expect(alertText(root)).to.equal(en.errors.document_file_unsupported);
    expect(heading(root)).to.equal(text.sideTitle.front);
    await expect(element).to.be.accessible();

    pickFile(root, new File([new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112])], 'IMG_0001.HEIC', { type: '' }));
    await waitUntil(() => alertText(root) === en.errors.document_heic_unsupported, 'the HEIC refusal');
    expect(errors).to.deep.equal(['document_file_unsupported', 'document_heic_unsupported']);
  });

  it('a document without a portrait uses an attempt and can be retaken; the last attempt ends the step', async () => {
    const flow = await uploadOnlyPassport();
    const api = await signedUp(flow);
    const { element, events, errors } = await mountDocumentStep(api, flow, 2);
    const root = element.shadowRoot!;
    pickFile(root, await testImage('id-card-back'));
    await reviewShown(root);
    await click(root, text.usePhoto);
    await waitUntil(() => events.includes('fail'), 'the attempt fails', { timeout: 90_000 });
    expect(alertText(root)).to.equal(en.errors.document_face_not_found);
    expect(errors).to.deep.equal(['document_face_not_found']);
    await expect(element).to.be.accessible();

    await click(root, text.retry);
    expect(heading(root)).to.equal(text.sideTitle.front);
    element.attemptsLeft = 1;
    pickFile(root, await testImage('id-card-back'));
    await reviewShown(root);
    await click(root, text.usePhoto);
    await waitUntil(() => events.length === 2, 'the last attempt fails', { timeout: 90_000 });
    expect(events).to.deep.equal(['fail', 'fail']);
    expect(button(root, text.retry), 'no retry once every attempt is used').to.equal(null);
  });
});
