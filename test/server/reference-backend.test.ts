import assert from 'node:assert/strict';
import Fastify, { type FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { type AllowedFlow, referenceBackend } from '../../demo/server/integrator/reference-backend.js';
import { createFlow, passEmailCheck, register, signUp } from '../helpers/node/journey.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/**
 * The reference integrator backend (demo/server/integrator/reference-backend.ts) as a site
 * configures it: the project and the flows its page runs come from its configuration. The
 * attack: the person edits the page's `flow` attribute to a flow whose identity checks are
 * optional, skips them, and presents the COMPLETED_WITHOUT_KYC token as "verified".
 */
describe('the reference backend trusts its configuration, not the browser', () => {
  let sandbox: TestSandbox;
  let project: string;
  let otherProject: string;
  let fullFlow: string;
  let optionalKycFlow: string;
  let site: FastifyInstance;

  /** The site's own backend: it runs only the Full flow, which must end with identity checked. */
  async function startSite(flows: (id: string) => AllowedFlow | undefined) {
    const app = Fastify({ trustProxy: true });
    referenceBackend(app, {
      apiUrl: () => sandbox.sandbox.url,
      clientToken: () => sandbox.sandbox.client.token,
      cookieSecret: randomBytes(32),
      flows,
    });
    await app.ready();
    return app;
  }
  const post = (app: FastifyInstance, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url, payload: payload as object, headers });

  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
    otherProject = await createProject(sandbox);
    fullFlow = await createFlow(sandbox, project);
    optionalKycFlow = await createFlow(sandbox, project, {
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'optional',
        liveness: 'optional',
        form: 'skip',
      },
      signUpForm: { fullName: true, email: true, emailGateway: 'mailgun', phone: false },
    });
    site = await startSite((id) => (id === fullFlow ? { project, kyc: true } : undefined));
  });
  after(async () => {
    await site.close();
    await sandbox.close();
  });

  /** Someone who ran the optional-KYC flow to its end without a document or a selfie. */
  async function completedWithoutKyc() {
    const who = await register(sandbox, project, optionalKycFlow, { phone: undefined, countryCode: undefined });
    await passEmailCheck(sandbox, who);
    const end = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${who.id}/sync`,
      { step: 'skipKYC', status: 'COMPLETED_WITHOUT_KYC' },
      { token: who.token },
    );
    assert.equal(end.status, 200, JSON.stringify(end.body));
    return end.body.data.token as string;
  }

  test('a swapped `flow` attribute: the token endpoint refuses the flow, and its token never verifies', async () => {
    const swapped = await post(site, '/api/verifik/registration', signUp(project, optionalKycFlow));
    assert.deepEqual([swapped.statusCode, swapped.json().code], [403, 'flow_not_allowed']);
    // Without the token endpoint (the widget signs up at Verifik directly), the flow still runs…
    const token = await completedWithoutKyc();
    // …but the site's verify refuses it.
    const verify = await post(site, '/api/verifik/verify', { token });
    assert.deepEqual([verify.statusCode, verify.json().code], [403, 'flow_not_allowed']);
    assert.notEqual(verify.json().data?.verified, true);
  });

  test('a flow the site requires KYC for: COMPLETED_WITHOUT_KYC is not verified', async () => {
    const strict = await startSite((id) => (id === optionalKycFlow ? { project, kyc: true } : undefined));
    try {
      const verify = await post(strict, '/api/verifik/verify', { token: await completedWithoutKyc() });
      assert.deepEqual([verify.statusCode, verify.json().code], [409, 'not_completed']);
      const lenient = await startSite((id) => (id === optionalKycFlow ? { project, kyc: false } : undefined));
      const accepted = await post(lenient, '/api/verifik/verify', { token: await completedWithoutKyc() });
      await lenient.close();
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.deepEqual([accepted.json().data.verified, accepted.json().data.kyc], [true, false]);
    } finally {
      await strict.close();
    }
  });

  test('the project is the site’s: a sign-up naming another project is created in the configured one', async () => {
    const created = await post(site, '/api/verifik/registration', signUp(otherProject, fullFlow));
    assert.equal(created.statusCode, 200, created.body);
    const id = created.json().data.appRegistration._id;
    const stored = await sandbox.api('GET', `/v2/app-registrations/${id}`);
    assert.equal(stored.body.data.project, project);
  });

  test('the registration cookie is Secure on https, and not on plain http (local development)', async () => {
    const https = await post(site, '/api/verifik/registration', signUp(project, fullFlow), {
      'x-forwarded-proto': 'https',
    });
    assert.equal(https.statusCode, 200, https.body);
    assert.match(String(https.headers['set-cookie']), /; Secure$/);
    const http = await post(site, '/api/verifik/registration', signUp(project, fullFlow));
    assert.doesNotMatch(String(http.headers['set-cookie']), /Secure/);
    assert.match(String(http.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
  });

  test('bad bodies get a 4xx with a code: deep nesting, a non-string registration id', async () => {
    // 10,000 levels: too deep for JSON.stringify, so written as text.
    const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const signUpText = JSON.stringify(signUp(project, fullFlow)).slice(0, -1);
    const cases: [string, string][] = [
      ['/api/verifik/registration', `${signUpText},"extra":${deep}}`],
      ['/api/verifik/registration', '{"refresh":true,"appRegistrationId":{"toString":0}}'],
      ['/api/verifik/registration', '[1,2]'],
      ['/api/verifik/verify', `{"token":${deep}}`],
    ];
    for (const [path, raw] of cases) {
      // The sandbox's own mount, over real HTTP.
      const answer = await sandbox.api('POST', path, undefined, { token: null, raw });
      assert.ok(answer.status >= 400 && answer.status < 500, `${path} answered ${answer.status}`);
      assert.equal(typeof answer.body.code, 'string');
    }
  });
});
