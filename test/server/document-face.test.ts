import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base64, idCardFront, noFace, selfie } from '../helpers/node/face-images.js';
import { createFlow, register, type Registrant } from '../helpers/node/journey.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/**
 * The `documentFace` crop (the portrait the widget cut from the document) over HTTP: the face
 * match uses it when a face is found in it, and the whole photo otherwise.
 */
describe('the documentFace crop', () => {
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;

  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
  });
  after(() => sandbox.close());

  const call = (who: Registrant, path: string, body: Record<string, unknown>) =>
    sandbox.api('POST', path, body, { token: who.token });

  test('a crop showing a face is the portrait the face match compares', async () => {
    const who = await register(sandbox, project, flow);
    // The card shows dana; the crop shows cris, as the selfie does: only the crop can make them match.
    const uploaded = await call(who, '/v2/document-validations/app-registration', {
      image: base64(await idCardFront('dana'), true),
      documentFace: base64(await selfie('cris'), true),
    });
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    assert.deepEqual(
      [uploaded.body.data.documentValidation.status, uploaded.body.data.documentValidation.portraitSource],
      ['VALIDATED', 'documentFace'],
    );
    const selfieSent = await call(who, '/v2/biometric-validations/app-registration', {
      image: base64(await selfie('cris')),
      os: 'DESKTOP',
    });
    assert.equal(selfieSent.status, 200, JSON.stringify(selfieSent.body));
    const compared = await call(who, '/v2/face-recognition/compare/app-registration', {});
    assert.equal(compared.status, 200, JSON.stringify(compared.body));
    assert.equal(compared.body.data.compareFaceVerification.result.passed, true);
  });

  test('a crop without a face is no refusal: the portrait is found on the photo of the document', async () => {
    const who = await register(sandbox, project, flow);
    const uploaded = await call(who, '/v2/document-validations/app-registration', {
      image: base64(await idCardFront('cris'), true),
      documentFace: base64(await noFace(), true),
    });
    assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
    assert.deepEqual(
      [uploaded.body.data.documentValidation.status, uploaded.body.data.documentValidation.portraitSource],
      ['VALIDATED', 'document'],
    );
  });
});
