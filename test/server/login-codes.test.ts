import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { type AppLoginEvent, onAppLogin } from '../../demo/server/services/login-events.js';
import { createFlow, latestCode, signUp } from '../helpers/node/journey.js';
import {
  checkLoginEmail,
  claimsOf,
  createLoginFlow,
  loginByEmail,
  registerWithoutKyc,
  sendLoginEmail,
} from '../helpers/node/login.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/** Login with email and phone codes (docs/login.md), over HTTP. */

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The shape of a JSON value: its keys and the types of their values, recursively. */
const shapeOf = (value: unknown): unknown =>
  value !== null && typeof value === 'object'
    ? Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, inner]) => [key, shapeOf(inner)]),
      )
    : typeof value;

describe('code logins', () => {
  let sandbox: TestSandbox;
  let project: string;
  let onboarding: string;
  let emailLogin: string;

  before(async () => {
    // Many sends from one address and to one contact: the limits are tested elsewhere.
    sandbox = await startTestSandbox({ limits: { codesPerContact: 100, codesPerAddress: 10_000, windowMinutes: 60 } });
    project = await createProject(sandbox);
    onboarding = await createFlow(sandbox, project, {
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'optional',
        liveness: 'optional',
        form: 'skip',
      },
    });
    emailLogin = await createLoginFlow(sandbox, project, { email: true, emailGateway: 'mailgun' });
  });
  after(() => sandbox.close());

  test('email code → AppLogin and a login token naming the registration, verified as a login', async () => {
    const ana = await registerWithoutKyc(sandbox, project, onboarding);
    const sent = await sendLoginEmail(sandbox, project, emailLogin, ` ${ana.email.toUpperCase()} `);
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.deepEqual([sent.body.data.status, sent.body.data.type, sent.body.data.email], ['sent', 'login', ana.email]);
    assert.equal(sent.body.data.appRegistration, undefined, 'the answer never says whose contact it is');
    assert.equal(sent.body.data._codeHash, undefined);

    const announced: AppLoginEvent[] = [];
    const stop = onAppLogin((event) => announced.push(event));
    const checked = await checkLoginEmail(sandbox, sent.body.data._id, Number(await latestCode(sandbox, ana.email)));
    stop();
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    const { appLogin, token, faceLivenessRequired } = checked.body.data;
    assert.equal(faceLivenessRequired, false);
    assert.deepEqual(
      [appLogin.type, appLogin.status, appLogin.emailValidation],
      ['email', 'completed', sent.body.data._id],
    );
    assert.deepEqual(
      announced.map((event) => [event.appLogin._id, event.flow._id]),
      [[appLogin._id, emailLogin]],
      'the webhook hook point hears of the login',
    );
    const claims = claimsOf(token);
    assert.deepEqual(
      [claims['type'], claims['loginType'], claims['appRegistration'], claims['sub'], claims['projectFlow']],
      ['login', 'email', ana.id, appLogin._id, emailLogin],
    );

    const verified = await sandbox.api('POST', '/api/verifik/verify', { token }, { token: null });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.deepEqual(
      [
        verified.body.data.kind,
        verified.body.data.loginType,
        verified.body.data.appRegistrationId,
        verified.body.data.email,
      ],
      ['login', 'email', ana.id, ana.email],
    );

    const replay = await checkLoginEmail(sandbox, sent.body.data._id, Number(await latestCode(sandbox, ana.email)));
    assert.deepEqual([replay.status, replay.body.code], [409, 'emailValidation_already_used'], 'one code, one login');

    const retrieved = await sandbox.api('GET', `/v2/app-logins/${appLogin._id}?populates[]=emailValidation`);
    assert.equal(retrieved.status, 200, JSON.stringify(retrieved.body));
    assert.equal(retrieved.body.data.appRegistration, ana.id);
    assert.equal(retrieved.body.data.emailValidation.status, 'validated');
    assert.equal(retrieved.body.data.emailValidation._codeHash, undefined, 'code hashes never leave the sandbox');
    const listed = await sandbox.api('GET', `/v2/app-logins?where_projectFlow=${emailLogin}&where_type=email`);
    assert.equal(listed.status, 200);
    assert.ok(listed.body.data.some((entry: { _id: string }) => entry._id === appLogin._id));
    assert.equal((await sandbox.api('GET', `/v2/app-logins/${appLogin._id}`, undefined, { token: null })).status, 401);
    const badPopulate = await sandbox.api('GET', `/v2/app-logins/${appLogin._id}?populates[]=password`);
    assert.deepEqual([badPopulate.status, badPopulate.body.code], [400, 'INVALID_ENUM']);
    const missing = await sandbox.api('GET', `/v2/app-logins/${'0'.repeat(24)}`);
    assert.deepEqual([missing.status, missing.body.message], [404, 'AppLogin_not_found']);
  });

  test('phone code over SMS → AppLogin of type phone', async () => {
    const phoneLogin = await createLoginFlow(sandbox, project, { phone: true, phoneGateway: 'sms' });
    const bea = await registerWithoutKyc(sandbox, project, onboarding);
    const sent = await sandbox.api(
      'POST',
      '/v2/phone-validations',
      { project, projectFlow: phoneLogin, phone: bea.phone, countryCode: bea.countryCode, type: 'login' },
      { token: null },
    );
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.data.phoneGateway, 'sms');
    const otp = await latestCode(sandbox, `${bea.countryCode}${bea.phone}`);
    const checked = await sandbox.api(
      'POST',
      '/v2/phone-validations/validate',
      { phoneValidationId: sent.body.data._id, otp },
      { token: null },
    );
    assert.equal(checked.status, 200, JSON.stringify(checked.body));
    assert.equal(checked.body.data.appLogin.type, 'phone');
    assert.equal(claimsOf(checked.body.data.token)['appRegistration'], bea.id);
    const emailOff = await sendLoginEmail(sandbox, project, phoneLogin, bea.email);
    assert.deepEqual([emailOff.status, emailOff.body.code], [409, 'email_login_not_enabled']);
  });

  test('an unknown email gets the same status, shape and timing as a known one, and its code fails like a wrong one', async () => {
    const known = [];
    for (let i = 0; i < 6; i++) known.push((await registerWithoutKyc(sandbox, project, onboarding)).email);
    const unknown = known.map((_, i) => `nobody.${i}.${Date.now()}@example.com`);
    const times = { known: [] as number[], unknown: [] as number[] };
    const answers = { known: [] as unknown[], unknown: [] as unknown[] };
    const ids = { known: [] as string[], unknown: [] as string[] };
    // Interleaved, so the machine's load falls on both alike.
    for (let i = 0; i < known.length; i++) {
      for (const kind of ['known', 'unknown'] as const) {
        const email = (kind === 'known' ? known : unknown)[i]!;
        const started = performance.now();
        const response = await sendLoginEmail(sandbox, project, emailLogin, email);
        times[kind].push(performance.now() - started);
        assert.equal(response.status, 200, `${kind}: ${JSON.stringify(response.body)}`);
        answers[kind].push(response.body);
        ids[kind].push(response.body.data._id);
      }
    }
    for (let i = 0; i < known.length; i++) {
      assert.deepEqual(shapeOf(answers.unknown[i]), shapeOf(answers.known[i]), 'the same fields, of the same types');
    }
    const [knownMs, unknownMs] = [median(times.known), median(times.unknown)];
    assert.ok(
      Math.abs(knownMs - unknownMs) <= Math.max(15, 0.5 * Math.max(knownMs, unknownMs)),
      `median send time known ${knownMs.toFixed(1)} ms vs unknown ${unknownMs.toFixed(1)} ms`,
    );

    // The unknown address is told that no account uses it; it gets no code.
    const outbox = await sandbox.api('GET', `/dev/outbox?to=${encodeURIComponent(unknown[0]!)}`, undefined, {
      token: null,
    });
    assert.equal(outbox.body.data.length, 1);
    assert.equal(outbox.body.data[0].code, undefined);

    // A wrong code for a known contact and any code for an unknown one: the same refusal.
    const knownCode = await latestCode(sandbox, known[0]!);
    const wrong = String((Number(knownCode) + 1) % 1_000_000).padStart(6, '0');
    const refusedKnown = await checkLoginEmail(sandbox, ids.known[0]!, wrong);
    const refusedUnknown = await checkLoginEmail(sandbox, ids.unknown[0]!, knownCode);
    assert.deepEqual(
      [refusedKnown.status, refusedKnown.body],
      [403, { code: 'otp_does_not_match', message: '403:otp_does_not_match@4' }],
    );
    assert.deepEqual([refusedUnknown.status, refusedUnknown.body], [refusedKnown.status, refusedKnown.body]);
  });

  test('the flow’s CSV blacklist and whitelist refuse, with distinct codes', async () => {
    const listedPerson = signUp(project, onboarding);
    const blacklist = await createLoginFlow(
      sandbox,
      project,
      { email: true },
      { security: { strategy: 'blacklist', source: 'CSV', whiteList: [{ email: listedPerson.email.toUpperCase() }] } },
    );
    const whitelist = await createLoginFlow(
      sandbox,
      project,
      { email: true },
      { security: { strategy: 'whitelist', source: 'CSV', whiteList: [{ email: listedPerson.email }] } },
    );
    const dan = await registerWithoutKyc(sandbox, project, onboarding);
    const blocked = await sendLoginEmail(sandbox, project, blacklist, listedPerson.email);
    assert.deepEqual([blocked.status, blocked.body.code], [403, 'user_blacklisted']);
    const notListed = await sendLoginEmail(sandbox, project, whitelist, dan.email);
    assert.deepEqual([notListed.status, notListed.body.code], [403, 'user_not_whitelisted']);
    const allowed = await loginByEmail(sandbox, project, blacklist, dan.email);
    assert.equal(allowed.status, 200, 'a person not on the blacklist logs in');
  });

  describe('security from the integrator’s API', () => {
    let server: Server;
    let apiUrl: string;
    const asked: string[] = [];

    before(async () => {
      server = createServer((request, response) => {
        const email = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('email') ?? '';
        asked.push(email);
        response.statusCode = email.startsWith('blocked.') ? 200 : 404;
        response.end(email.startsWith('blocked.') ? JSON.stringify({ email }) : '{}');
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      apiUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/users`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test('a loopback apiUrl is asked about each contact; another host is refused with a clear code', async () => {
      const flow = await createLoginFlow(
        sandbox,
        project,
        { email: true },
        { security: { strategy: 'blacklist', source: 'API', apiUrl } },
      );
      const blocked = await sendLoginEmail(sandbox, project, flow, 'blocked.person@example.com');
      assert.deepEqual([blocked.status, blocked.body.code], [403, 'user_blacklisted']);
      const eve = await registerWithoutKyc(sandbox, project, onboarding);
      assert.equal((await loginByEmail(sandbox, project, flow, eve.email)).status, 200);
      assert.ok(asked.includes('blocked.person@example.com') && asked.includes(eve.email));

      const remote = await createLoginFlow(
        sandbox,
        project,
        { email: true },
        { security: { strategy: 'blacklist', source: 'API', apiUrl: 'https://users.bank.example/check' } },
      );
      const refused = await sendLoginEmail(sandbox, project, remote, eve.email);
      assert.deepEqual([refused.status, refused.body.code], [409, 'security_api_not_loopback']);
    });
  });

  test('bad requests name the problem; nothing is sent', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ project, projectFlow: emailLogin, type: 'login' }, 409, 'MissingParameter'],
      [
        { project, projectFlow: emailLogin, type: 'onboarding', email: 'a@example.com' },
        409,
        'validation_type_not_supported',
      ],
      [{ project, projectFlow: onboarding, type: 'login', email: 'a@example.com' }, 404, 'NotFound'],
      [{ project, projectFlow: emailLogin, type: 'login', email: 'not an email' }, 400, 'INVALID_FORMAT'],
      [{ project, projectFlow: emailLogin, type: 'login', email: ['a@example.com'] }, 400, 'INVALID_TYPE'],
    ];
    for (const [body, status, code] of cases) {
      const response = await sandbox.api('POST', '/v2/email-validations', body, { token: null });
      assert.deepEqual([response.status, response.body.code], [status, code], JSON.stringify(body));
    }
    const badOtp = await checkLoginEmail(sandbox, '0'.repeat(24), 123);
    assert.deepEqual([badOtp.status, badOtp.body.code], [404, 'email_validation_not_found']);
  });

  test('erasing a registration erases its logins', async () => {
    const fay = await registerWithoutKyc(sandbox, project, onboarding);
    const login = await loginByEmail(sandbox, project, emailLogin, fay.email);
    assert.equal(login.status, 200);
    assert.equal((await sandbox.api('DELETE', `/v2/app-registrations/${fay.id}`)).status, 200);
    const gone = await sandbox.api('GET', `/v2/app-logins/${login.body.data.appLogin._id}`);
    assert.equal(gone.status, 404);
    const verified = await sandbox.api(
      'POST',
      '/api/verifik/verify',
      { token: login.body.data.token },
      { token: null },
    );
    assert.equal(verified.status, 404, 'a login of an erased person verifies nothing');
  });
});
