import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base64, idCardFront, selfie } from '../helpers/node/face-images.js';
import { requestHolds } from '../helpers/node/hold.js';
import { createFlow, passContactChecks, register, type Registrant } from '../helpers/node/journey.js';
import { createProject, startTestSandbox, storedRecords, type TestSandbox } from '../helpers/node/sandbox.js';

/**
 * Requests held after their headers (the guard has read the registration) while another request
 * changes it: every decision must be taken on the registration as it is when the result is written.
 */
describe('interleaved requests', () => {
  const holds = requestHolds();
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;
  let images: { anaCard: string; beaCard: string; anaSelfie: string };

  before(async () => {
    sandbox = await startTestSandbox({ configureApp: holds.configureApp });
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
    images = {
      anaCard: base64(await idCardFront('ana')),
      beaCard: base64(await idCardFront('bea')),
      anaSelfie: base64(await selfie('ana')),
    };
  });
  after(() => sandbox.close());

  const call = (who: Registrant, method: string, path: string, body: unknown, hold?: string) =>
    sandbox.api(method, path, body, { token: who.token, headers: hold ? { 'x-hold': hold } : {} });
  const uploadDocument = (who: Registrant, image: string, force = false) =>
    call(who, 'POST', '/v2/document-validations/app-registration', { image, force });
  const compare = (who: Registrant, hold?: string) =>
    call(who, 'POST', '/v2/face-recognition/compare/app-registration', {}, hold);
  const end = (who: Registrant, hold?: string) =>
    call(who, 'PUT', `/v2/app-registrations/${who.id}/sync`, { step: 'end', status: 'COMPLETED' }, hold);

  /**
   * Ana's registration with her card, her selfie and a passed face match, in a project of its own
   * (her face is enrolled once per project).
   */
  async function matched(): Promise<Registrant> {
    const own = await createProject(sandbox);
    const ana = await register(sandbox, own, await createFlow(sandbox, own));
    await passContactChecks(sandbox, ana);
    assert.equal((await uploadDocument(ana, images.anaCard)).status, 200);
    assert.equal(
      (
        await call(ana, 'POST', '/v2/biometric-validations/app-registration', {
          image: images.anaSelfie,
          os: 'DESKTOP',
        })
      ).status,
      200,
    );
    const match = await compare(ana);
    assert.equal(match.body.data.compareFaceVerification.result.passed, true);
    return ana;
  }

  test('completion: a document replaced while "end" is in flight is never completed unmatched', async () => {
    const ana = await matched();
    const held = holds.hold('end');
    const ending = end(ana, 'end');
    await held.reached;
    const replaced = await uploadDocument(ana, images.beaCard, true);
    assert.equal(
      replaced.body.data.documentValidation.status,
      'VALIDATED',
      'another person’s card is a valid document',
    );
    held.release();
    const answer = await ending;
    assert.deepEqual([answer.status, answer.body.message], [409, '409:mandatory_step_not_completed@faceMatch']);
    const me = await call(ana, 'GET', '/v2/app-registrations/me', undefined);
    assert.equal(me.body.data.status, 'STARTED');
  });

  test('match: a face match in flight compares the document as it is when it is recorded', async () => {
    const ana = await matched();
    const held = holds.hold('compare');
    const comparing = compare(ana, 'compare');
    await held.reached;
    const replaced = await uploadDocument(ana, images.beaCard, true);
    held.release();
    const answer = await comparing;
    assert.equal(answer.status, 200);
    const { gallery, result } = answer.body.data.compareFaceVerification;
    assert.deepEqual(gallery, [replaced.body.data.documentValidation._id], 'the current document was compared');
    assert.equal(result.passed, false, 'Bea’s card does not match Ana’s selfie');
    assert.equal((await end(ana)).body.message, '409:mandatory_step_not_completed@faceMatch');
  });

  test('a new document or selfie invalidates the earlier match, even with the match recorded on it', async () => {
    const ana = await matched();
    assert.equal((await uploadDocument(ana, images.anaCard, true)).status, 200);
    assert.equal(
      (await end(ana)).body.message,
      '409:mandatory_step_not_completed@faceMatch',
      'same face, but not compared yet',
    );
    assert.equal((await compare(ana)).body.data.compareFaceVerification.result.passed, true);
    assert.equal((await end(ana)).status, 200);
  });

  test('upload: a document held while the registration ends is refused and uses no attempt', async () => {
    const who = await register(sandbox, project, flow);
    await passContactChecks(sandbox, who);
    const held = holds.hold('upload');
    const uploading = call(
      who,
      'POST',
      '/v2/document-validations/app-registration',
      { image: images.anaCard },
      'upload',
    );
    await held.reached;
    assert.equal(
      (await call(who, 'PUT', `/v2/app-registrations/${who.id}/sync`, { step: 'end', status: 'FAILED' })).status,
      200,
    );
    held.release();
    const answer = await uploading;
    assert.deepEqual([answer.status, answer.body.code], [409, 'appRegistration_already_finished']);
    const attempts = storedRecords(sandbox.dataDir, 'documentValidations').filter(
      (doc) => doc['appRegistration'] === who.id,
    );
    assert.equal(attempts.length, 0);
  });
});
