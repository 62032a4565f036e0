import assert from 'node:assert/strict';
import { base64, idCardFront, type Person, selfie } from './face-images.js';
import { latestCode, passContactChecks, register, type Registrant } from './journey.js';
import type { ApiResponse, TestSandbox } from './sandbox.js';

/** Helpers that enrol people and log them in through the sandbox's login flows, over HTTP. */

/** An active login flow of `project` with these `loginSettings` (and top-level fields). */
export async function createLoginFlow(
  sandbox: TestSandbox,
  project: string,
  loginSettings: Record<string, unknown>,
  top: Record<string, unknown> = {},
): Promise<string> {
  const response = await sandbox.api('POST', '/v2/project-flows', {
    project,
    type: 'login',
    status: 'active',
    name: 'Login',
    redirectUrl: 'https://bank.example/signed-in',
    loginSettings,
    ...top,
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.data._id;
}

/** A person who completed registration without KYC (contact checks only): enough for code logins. */
export async function registerWithoutKyc(sandbox: TestSandbox, project: string, flow: string): Promise<Registrant> {
  const who = await register(sandbox, project, flow);
  await passContactChecks(sandbox, who);
  const done = await sandbox.api(
    'PUT',
    `/v2/app-registrations/${who.id}/sync`,
    { step: 'skipKYC', status: 'COMPLETED_WITHOUT_KYC' },
    { token: who.token },
  );
  assert.equal(done.status, 200, JSON.stringify(done.body));
  return who;
}

/** A person who completed the full flow (document, selfie, face match) with `person`'s face. */
export async function enrol(sandbox: TestSandbox, project: string, flow: string, person: Person): Promise<Registrant> {
  const who = await register(sandbox, project, flow);
  const as = { token: who.token };
  await passContactChecks(sandbox, who);
  const steps: [string, unknown][] = [
    ['/v2/document-validations/app-registration', { image: base64(await idCardFront(person), true) }],
    ['/v2/biometric-validations/app-registration', { image: base64(await selfie(person)), os: 'DESKTOP' }],
    ['/v2/face-recognition/compare/app-registration', {}],
  ];
  for (const [path, body] of steps) {
    const response = await sandbox.api('POST', path, body, as);
    assert.equal(response.status, 200, `${path}: ${JSON.stringify(response.body)}`);
  }
  const end = await sandbox.api(
    'PUT',
    `/v2/app-registrations/${who.id}/sync`,
    { step: 'end', status: 'COMPLETED' },
    as,
  );
  assert.equal(end.status, 200, JSON.stringify(end.body));
  return who;
}

/** Sends an email login code (public). */
export const sendLoginEmail = (sandbox: TestSandbox, project: string, projectFlow: string, email: string) =>
  sandbox.api('POST', '/v2/email-validations', { project, projectFlow, email, type: 'login' }, { token: null });

/** Checks an email login code (public). */
export const checkLoginEmail = (sandbox: TestSandbox, emailValidationId: string, otp: string | number) =>
  sandbox.api('POST', '/v2/email-validations/validate', { emailValidationId, otp }, { token: null });

/** Sends a code to `email` and checks it with the code from the outbox: the validate answer. */
export async function loginByEmail(
  sandbox: TestSandbox,
  project: string,
  projectFlow: string,
  email: string,
): Promise<ApiResponse> {
  const sent = await sendLoginEmail(sandbox, project, projectFlow, email);
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  return checkLoginEmail(sandbox, sent.body.data._id, await latestCode(sandbox, email));
}

/** The claims of a JWT (not verified: the reference backend's verify does that). */
export const claimsOf = (token: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
