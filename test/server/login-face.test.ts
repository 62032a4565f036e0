import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { base64, noFace, selfie } from '../helpers/node/face-images.js';
import { createFlow, latestCode, type Registrant } from '../helpers/node/journey.js';
import { checkLoginEmail, claimsOf, createLoginFlow, enrol, sendLoginEmail } from '../helpers/node/login.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/** Face login (docs/login.md): liveness, then a 1:N search over the project's completed registrations. */

describe('face logins', () => {
  let sandbox: TestSandbox;
  let project: string;
  let onboarding: string;
  let faceOnly: string;
  let ana: Registrant;
  let cris: Registrant;

  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
    onboarding = await createFlow(sandbox, project);
    faceOnly = await createLoginFlow(sandbox, project, {
      faceLiveness: true,
      livenessMinScore: 0.6,
      searchMode: 'ACCURATE',
      searchMinScore: 0.85,
    });
    ana = await enrol(sandbox, project, onboarding, 'ana');
    cris = await enrol(sandbox, project, onboarding, 'cris');
  });
  after(() => sandbox.close());

  /** Opens a session (public, or with a code's loginSession token). */
  const openSession = (projectFlow: string, token: string | null = null) =>
    sandbox.api('POST', '/v2/biometric-validations/app-login', { project, projectFlow, type: 'login' }, { token });
  const sendSelfie = (sessionToken: string, image: Buffer) =>
    sandbox.api(
      'POST',
      '/v2/biometric-validations/validate',
      { image: base64(image), os: 'DESKTOP' },
      { token: sessionToken },
    );
  /** The person's selfie as another capture: mirrored, so not the enrolled image. */
  const anotherCapture = async (person: 'ana' | 'bea' | 'cris' | 'dana') =>
    sharp(await selfie(person))
      .flop()
      .jpeg({ quality: 85 })
      .toBuffer();

  test('the face alone logs in the person who enrolled it; the token names their registration', async () => {
    const session = await openSession(faceOnly);
    assert.equal(session.status, 200, JSON.stringify(session.body));
    assert.deepEqual(
      [session.body.data.livenessSession.status, session.body.data.livenessSession.attemptsLeft],
      ['active', 3],
    );
    const login = await sendSelfie(session.body.data.token, await anotherCapture('ana'));
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const { appLogin, token, searchScore, verificationResults } = login.body.data;
    assert.equal(appLogin.type, 'faceLiveness');
    assert.deepEqual(verificationResults, { livenessDetection: 'passed', identityMatch: 'passed' });
    assert.ok(searchScore >= 0.85, `search score ${searchScore}`);
    assert.equal(claimsOf(token)['appRegistration'], ana.id);

    const verified = await sandbox.api('POST', '/api/verifik/verify', { token }, { token: null });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.deepEqual(
      [verified.body.data.kind, verified.body.data.loginType, verified.body.data.appRegistrationId],
      ['login', 'faceLiveness', ana.id],
    );
    const again = await sendSelfie(session.body.data.token, await anotherCapture('ana'));
    assert.deepEqual([again.status, again.body.code], [409, 'liveness_session_closed'], 'a session logs in once');
    const stored = await sandbox.api('GET', `/v2/app-logins/${appLogin._id}?populates[]=biometricValidation`);
    assert.equal(stored.body.data.biometricValidation.status, 'VALIDATED');
    assert.equal(stored.body.data.biometricValidation._face, undefined);
  });

  test('a face nobody enrolled is refused as Verifik documents; so is a photo without a face, until the attempts run out', async () => {
    const session = await openSession(faceOnly);
    const token = session.body.data.token;
    const stranger = await sendSelfie(token, await anotherCapture('bea'));
    assert.deepEqual(
      [stranger.status, stranger.body],
      [400, { code: 'IDENTITY_VERIFICATION_FAILED', message: '400:IDENTITY_VERIFICATION_FAILED' }],
    );
    const empty = await sendSelfie(token, await noFace());
    assert.deepEqual([empty.status, empty.body.message], [400, '400:INVALID_BIOMETRIC_DATA@no_face_detected']);
    assert.equal((await sendSelfie(token, await anotherCapture('bea'))).status, 400);
    const spent = await sendSelfie(token, await anotherCapture('ana'));
    assert.deepEqual([spent.status, spent.body.message], [409, '409:max_attempts_reached@3']);
    const logins = await sandbox.api('GET', `/v2/app-logins?where_projectFlow=${faceOnly}`);
    assert.equal(logins.body.total, 1, 'refused attempts create no AppLogin');
  });

  test('a blurred, low-quality capture fails liveness with its score', async () => {
    const strict = await createLoginFlow(sandbox, project, { faceLiveness: true, livenessMinScore: 0.9 });
    const session = await openSession(strict);
    const blurred = await sharp(await selfie('ana'))
      .blur(3)
      .jpeg()
      .toBuffer();
    const refused = await sendSelfie(session.body.data.token, blurred);
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'LIVENESS_DETECTION_FAILED');
    assert.match(refused.body.message, /^400:LIVENESS_DETECTION_FAILED@0\.\d+$/);
  });

  test('email code then face: the face must be the person the code identified', async () => {
    const both = await createLoginFlow(sandbox, project, { email: true, faceLiveness: true, searchMode: 'FAST' });
    const withoutCode = await openSession(both);
    assert.deepEqual([withoutCode.status, withoutCode.body.code], [403, 'login_code_required']);

    const sent = await sendLoginEmail(sandbox, project, both, ana.email);
    const checked = await checkLoginEmail(sandbox, sent.body.data._id, await latestCode(sandbox, ana.email));
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    assert.equal(checked.body.data.faceLivenessRequired, true);
    assert.equal(checked.body.data.appLogin, undefined, 'no login before the face');
    const loginSession = checked.body.data.token;
    const refusedAsLogin = await sandbox.api('POST', '/api/verifik/verify', { token: loginSession }, { token: null });
    assert.equal(refusedAsLogin.status, 401, 'the code alone is no login');

    const session = await openSession(both, loginSession);
    assert.equal(session.status, 200, JSON.stringify(session.body));
    const someoneElse = await sendSelfie(session.body.data.token, await anotherCapture('cris'));
    assert.deepEqual(
      [someoneElse.status, someoneElse.body.code],
      [400, 'IDENTITY_VERIFICATION_FAILED'],
      'cris is enrolled, but the code identified ana',
    );
    const login = await sendSelfie(session.body.data.token, await anotherCapture('ana'));
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const { appLogin, token } = login.body.data;
    assert.deepEqual([appLogin.type, appLogin.emailValidation], ['email', sent.body.data._id]);
    assert.ok(appLogin.biometricValidation);
    assert.equal(claimsOf(token)['appRegistration'], ana.id);
  });

  test('the search follows the registrations: one completing later is found, an erased one no longer', async () => {
    const dana = await enrol(sandbox, project, onboarding, 'dana');
    const found = await sendSelfie((await openSession(faceOnly)).body.data.token, await anotherCapture('dana'));
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.equal(claimsOf(found.body.data.token)['appRegistration'], dana.id);

    assert.equal((await sandbox.api('DELETE', `/v2/app-registrations/${cris.id}`)).status, 200);
    const erased = await sendSelfie((await openSession(faceOnly)).body.data.token, await anotherCapture('cris'));
    assert.deepEqual([erased.status, erased.body.code], [400, 'IDENTITY_VERIFICATION_FAILED']);
  });

  test('sessions need their own token; bad bodies are named', async () => {
    const noToken = await sandbox.api('POST', '/v2/biometric-validations/validate', { image: 'AAAA' }, { token: null });
    assert.equal(noToken.status, 401);
    const session = await openSession(faceOnly);
    const notAnImage = await sendSelfie(session.body.data.token, Buffer.from('not an image at all'));
    assert.equal(notAnImage.status, 422);
    const wrongScope = await sandbox.api(
      'POST',
      '/v2/biometric-validations/validate',
      { image: base64(await anotherCapture('ana')) },
      { token: ana.token },
    );
    assert.equal(wrongScope.status, 401, 'a registrant token opens no login');
    const missing = await sandbox.api(
      'POST',
      '/v2/biometric-validations/app-login',
      { type: 'login' },
      { token: null },
    );
    assert.deepEqual([missing.status, missing.body.message], [409, 'missing project']);
    const onboardingFlow = await openSession(onboarding);
    assert.deepEqual([onboardingFlow.status, onboardingFlow.body.message], [404, 'projectFlow_not_found']);
  });
});
