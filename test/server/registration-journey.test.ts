import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base64, groupPhoto, idCardFront, noFace, selfie } from '../helpers/node/face-images.js';
import { createFlow, passContactChecks, register, type Registrant } from '../helpers/node/journey.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

describe('a whole registration over HTTP', () => {
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;

  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
  });
  after(() => sandbox.close());

  const as = (who: Registrant) => ({ token: who.token });
  const uploadDocument = async (who: Registrant, image: Buffer, extra: Record<string, unknown> = {}) =>
    sandbox.api('POST', '/v2/document-validations/app-registration', { image: base64(image, true), ...extra }, as(who));
  const uploadSelfie = async (who: Registrant, image: Buffer) =>
    sandbox.api('POST', '/v2/biometric-validations/app-registration', { image: base64(image), os: 'DESKTOP' }, as(who));
  const sync = (who: Registrant, step: string, status: string) =>
    sandbox.api('PUT', `/v2/app-registrations/${who.id}/sync`, { step, status }, as(who));

  test('sign-up → codes from the outbox → document → selfie → face match → end → final token verified', async () => {
    const ana = await register(sandbox, project, flow);

    const early = await sync(ana, 'signUpForm', 'ONGOING');
    assert.equal(early.status, 409);
    assert.equal(early.body.message, 'signUpForm_validation_not_passed');

    await passContactChecks(sandbox, ana);
    assert.equal((await sync(ana, 'signUpForm', 'ONGOING')).status, 200);

    const document = await uploadDocument(ana, await idCardFront('ana'));
    assert.equal(document.status, 200, JSON.stringify(document.body));
    assert.equal(document.body.data.documentValidation.status, 'VALIDATED');
    assert.equal(document.body.data.documentValidation._face, undefined, 'face data stays in the sandbox');

    const biometric = await uploadSelfie(ana, await selfie('ana'));
    assert.equal(biometric.status, 200, JSON.stringify(biometric.body));
    assert.match(biometric.body.data.person, /^[0-9a-f]{24}$/);

    const compare = await sandbox.api('POST', '/v2/face-recognition/compare/app-registration', {}, as(ana));
    assert.equal(compare.status, 200, JSON.stringify(compare.body));
    const { result } = compare.body.data.compareFaceVerification;
    assert.equal(result.passed, true);
    assert.ok(result.score >= 0.8, `score ${result.score}`);

    const end = await sync(ana, 'end', 'COMPLETED');
    assert.equal(end.status, 200, JSON.stringify(end.body));
    assert.equal(end.body.data.status, 'COMPLETED');
    assert.deepEqual(end.body.data.steps, {
      signUpForm: 'mandatory',
      basicInformation: 'skip',
      document: 'mandatory',
      liveness: 'mandatory',
      form: 'skip',
    });

    const verified = await sandbox.api('POST', '/api/verifik/verify', { token: end.body.data.token }, { token: null });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.deepEqual(
      [verified.body.data.verified, verified.body.data.appRegistrationId, verified.body.data.email],
      [true, ana.id, ana.email],
    );

    const populated = await sandbox.api(
      'GET',
      `/v2/app-registrations/${ana.id}?populates[]=emailValidation&populates[]=phoneValidation&populates[]=documentValidation&populates[]=biometricValidation&populates[]=compareFaceVerification`,
    );
    assert.equal(populated.status, 200);
    const data = populated.body.data;
    assert.equal(data.status, 'COMPLETED');
    assert.equal(data.emailValidation.status, 'validated');
    assert.equal(data.emailValidation._codeHash, undefined, 'code hashes never leave the sandbox');
    assert.equal(data.phoneValidation.phoneGateway, 'whatsapp');
    assert.equal(data.documentValidation.status, 'VALIDATED');
    assert.ok(data.biometricValidation.livenessScore > 0.6);
    assert.equal(data.compareFaceVerification.result.passed, true);

    const again = await sync(ana, 'liveness', 'ONGOING');
    assert.equal(again.status, 409, 'a finished registration cannot change');
  });

  test('a registrant token is not a final token, and the completion check refuses it', async () => {
    const bea = await register(sandbox, project, flow);
    const refused = await sandbox.api('POST', '/api/verifik/verify', { token: bea.token }, { token: null });
    assert.equal(refused.status, 401);
    const failed = await sync(bea, 'end', 'FAILED');
    assert.equal(failed.status, 200, 'FAILED still returns a token');
    const notCompleted = await sandbox.api(
      'POST',
      '/api/verifik/verify',
      { token: failed.body.data.token },
      { token: null },
    );
    assert.equal(notCompleted.status, 409);
    assert.equal(notCompleted.body.code, 'not_completed');
  });

  test('end COMPLETED needs every mandatory step and a passed face match', async () => {
    const cris = await register(sandbox, project, flow);
    await passContactChecks(sandbox, cris);
    const withoutDocument = await sync(cris, 'end', 'COMPLETED');
    assert.deepEqual(
      [withoutDocument.status, withoutDocument.body.message],
      [409, '409:mandatory_step_not_completed@document'],
    );

    await uploadDocument(cris, await idCardFront('cris'));
    const withoutSelfie = await sync(cris, 'end', 'COMPLETED');
    assert.equal(withoutSelfie.body.message, '409:mandatory_step_not_completed@liveness');

    assert.equal((await uploadSelfie(cris, await selfie('bea'))).status, 200, 'another person, but not yet enrolled');
    const compare = await sandbox.api('POST', '/v2/face-recognition/compare/app-registration', {}, as(cris));
    assert.equal(
      compare.body.data.compareFaceVerification.result.passed,
      false,
      'a different person’s selfie fails the face match',
    );
    assert.ok(compare.body.data.compareFaceVerification.result.score < 0.5);
    const mismatch = await sync(cris, 'end', 'COMPLETED');
    assert.equal(mismatch.body.message, '409:mandatory_step_not_completed@faceMatch');
    assert.equal((await sync(cris, 'end', 'NEEDS_MANUAL_VERIFICATION')).status, 200);
  });

  test('the same face registering again is flagged as a duplicate', async () => {
    const first = await register(sandbox, project, flow);
    assert.equal((await uploadSelfie(first, await selfie('cris'))).status, 200);
    const second = await register(sandbox, project, flow);
    const duplicate = await uploadSelfie(second, await selfie('cris'));
    assert.equal(duplicate.status, 409);
    assert.equal(duplicate.body.code, 'duplicated_person');
    assert.match(duplicate.body.message, /^409:duplicated_person@0\.\d+$/);
  });

  test('parallel selfies cannot beat the attempt limit', async () => {
    const gil = await register(sandbox, project, flow);
    const image = await noFace();
    const answers = await Promise.all(Array.from({ length: 6 }, () => uploadSelfie(gil, image)));
    const codes = answers.map((answer) => answer.body.code).sort();
    assert.deepEqual(codes, [
      'max_attempts_reached',
      'max_attempts_reached',
      'max_attempts_reached',
      'no_face_detected',
      'no_face_detected',
      'no_face_detected',
    ]);
  });

  test('a selfie needs exactly one face', async () => {
    const dana = await register(sandbox, project, flow);
    const none = await uploadSelfie(dana, await noFace());
    assert.deepEqual([none.status, none.body.code], [409, 'no_face_detected']);
    const group = await uploadSelfie(dana, await groupPhoto());
    assert.deepEqual(
      [group.status, group.body.code, group.body.message],
      [409, 'multiple_faces', '409:multiple_faces@3'],
    );
    const third = await uploadSelfie(dana, await selfie('ana'));
    assert.equal(third.status, 409, 'three attempts used… the third was a duplicate of ana');
    const fourth = await uploadSelfie(dana, await selfie('bea'));
    assert.deepEqual([fourth.status, fourth.body.message], [409, '409:max_attempts_reached@3']);
  });

  test('a selfie below the flow’s liveness minimum fails with its score', async () => {
    const strict = await createFlow(sandbox, project, { liveness: { livenessMinScore: 0.999, searchMode: 'FAST' } });
    const eva = await register(sandbox, project, strict);
    const response = await uploadSelfie(eva, await selfie('ana'));
    assert.equal(response.status, 409);
    assert.equal(response.body.code, 'liveness_failed');
    const score = Number(response.body.message.split('@')[1]);
    assert.ok(score > 0.5 && score <= 0.999, response.body.message);
  });

  test('documents: a card without a portrait fails; attempts are limited; a validated one is not replaced unless forced', async () => {
    const fay = await register(sandbox, project, flow);
    const blank = await uploadDocument(fay, await idCardFront(null));
    assert.equal(blank.status, 200);
    assert.deepEqual(
      [
        blank.body.data.documentValidation.status,
        blank.body.data.documentValidation.failReason,
        blank.body.data.documentValidation.attemptsLeft,
      ],
      ['FAILED', 'document_face_not_found', 2],
    );
    assert.equal(
      (await uploadDocument(fay, await idCardFront('bea'))).body.data.documentValidation.status,
      'VALIDATED',
    );
    const again = await uploadDocument(fay, await idCardFront('bea'));
    assert.deepEqual([again.status, again.body.code], [409, 'already_exists']);
    const forced = await uploadDocument(fay, await idCardFront('bea'), { force: true });
    assert.equal(forced.body.data.documentValidation.attemptsLeft, 0);
    const over = await uploadDocument(fay, await idCardFront('bea'), { force: true });
    assert.deepEqual([over.status, over.body.message], [409, '409:max_attempts_reached@3']);
  });

  test('documents: missing, non-base64, non-image and oversized images get 4xx', async () => {
    const gus = await register(sandbox, project, flow);
    const cases: [Record<string, unknown>, number, string][] = [
      [{}, 422, 'UnprocessableEntity'],
      [{ image: 'not base64!' }, 412, 'invalid_base64'],
      [{ image: 'data:application/pdf;base64,JVBERi0=' }, 412, 'invalid_base64'],
      [{ image: Buffer.from('hello, not an image').toString('base64') }, 422, 'image_unreadable'],
      [{ image: 42 }, 400, 'INVALID_TYPE'],
      [{ image: 'A'.repeat(12 * 1024 * 1024) }, 413, 'image_too_large'],
    ];
    for (const [body, status, code] of cases) {
      const response = await sandbox.api('POST', '/v2/document-validations/app-registration', body, as(gus));
      assert.deepEqual([response.status, response.body.code], [status, code], JSON.stringify(body).slice(0, 60));
    }
  });
});
