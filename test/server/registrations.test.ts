import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { DEMO_IDS } from '../../demo/server/seed.js';
import { createFlow, passContactChecks, passEmailCheck, register, signUp } from '../helpers/node/journey.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/** A clock the tests move. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };

describe('app registrations', () => {
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;
  let basicFlow: string;

  before(async () => {
    sandbox = await startTestSandbox({ now: clock.now });
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
    basicFlow = await createFlow(sandbox, project, {
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'optional',
        liveness: 'optional',
        form: 'skip',
      },
      signUpForm: { fullName: true, email: true, emailGateway: 'mailgun', phone: false },
    });
  });
  after(() => sandbox.close());

  const create = (body: Record<string, unknown>) => sandbox.api('POST', '/v2/app-registrations', body, { token: null });

  test('answers the registration, its information validation and a 120-minute registrant token', async () => {
    const body = signUp(project, flow, { company: 'ACME', role: 'CFO' });
    const response = await create(body);
    assert.equal(response.status, 200);
    const { appRegistration, informationValidation, token } = response.body.data;
    assert.deepEqual(
      [
        appRegistration.status,
        appRegistration.currentStep,
        appRegistration.email,
        appRegistration.phone,
        appRegistration.countryCode,
      ],
      ['STARTED', '1', body.email, body.phone, '+57'],
    );
    assert.deepEqual(appRegistration.extra, { company: 'ACME', role: 'CFO' });
    assert.equal(informationValidation.fullName, 'Ana García');
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    assert.equal(claims.exp - claims.iat, 120 * 60);
    assert.equal(claims.sub, appRegistration._id);

    const me = await sandbox.api('GET', '/v2/app-registrations/me?populates[]=projectFlow', undefined, { token });
    assert.equal(me.status, 200);
    assert.equal(me.body.data._id, appRegistration._id);
    assert.equal(me.body.data.projectFlow.security, undefined, 'a registrant does not see security settings');
  });

  const refusals: [string, (body: Record<string, unknown>) => Record<string, unknown>, number, string, string?][] = [
    ['no project', ({ project: _p, ...body }) => body, 409, 'MissingParameter', 'missing project'],
    ['no flow', ({ projectFlow: _f, ...body }) => body, 409, 'MissingParameter', 'missing projectFlow'],
    [
      'no email and no phone',
      ({ email: _e, phone: _p, ...body }) => body,
      409,
      'MissingParameter',
      'Needs an email or a phone at least',
    ],
    [
      'no email where the flow asks for one',
      ({ email: _e, ...body }) => body,
      409,
      'MissingParameter',
      'missing email',
    ],
    ['a malformed email', (body) => ({ ...body, email: 'ana@' }), 409, 'invalid_email', '409:invalid_email'],
    ['a phone that is no number', (body) => ({ ...body, phone: '12345' }), 409, 'invalid_phone'],
    [
      'a phone without its country code',
      ({ countryCode: _c, ...body }) => body,
      409,
      'MissingParameter',
      'missing countryCode',
    ],
    ['a malformed country code', (body) => ({ ...body, countryCode: '57' }), 409, 'MissingParameter'],
    [
      'no first name in a first/last-name flow',
      ({ firstName: _f, ...body }) => body,
      409,
      'MissingParameter',
      'missing firstName',
    ],
    [
      'an unknown project',
      (body) => ({ ...body, project: '64a1b2c3d4e5f67890123456' }),
      404,
      'NotFound',
      'project_not_found',
    ],
    [
      'another project’s flow',
      (body) => ({ ...body, projectFlow: DEMO_IDS.basicFlow }),
      404,
      'NotFound',
      'projectFlow_not_found',
    ],
    ['a wrongly typed name', (body) => ({ ...body, firstName: ['Ana'] }), 400, 'INVALID_TYPE'],
    ['a bad language tag', (body) => ({ ...body, language: 'spanish' }), 400, 'INVALID_FORMAT'],
    ['huge extra fields', (body) => ({ ...body, notes: 'x'.repeat(10_000) }), 413, 'PAYLOAD_TOO_LARGE'],
  ];
  for (const [what, change, status, code, message] of refusals) {
    test(`refuses ${what}: ${status} ${code}`, async () => {
      const response = await create(change(signUp(project, flow)));
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.code, code);
      if (message) assert.equal(response.body.message, message);
    });
  }

  test('a paused flow takes no registrations', async () => {
    const paused = await createFlow(sandbox, project);
    await sandbox.api('PUT', `/v2/project-flows/${paused}`, { status: 'paused' });
    const response = await create(signUp(project, paused));
    assert.deepEqual([response.status, response.body.message], [404, 'projectFlow_not_found']);
  });

  test('signing up again restarts an unfinished registration once the new one proves the contact, and is refused after a finished one', async () => {
    const noPhone = { phone: undefined, countryCode: undefined };
    const first = await register(sandbox, project, basicFlow, noPhone);
    const again = await create(signUp(project, basicFlow, { email: first.email, ...noPhone }));
    assert.equal(again.status, 200);
    const second = { ...first, id: again.body.data.appRegistration._id, token: again.body.data.token };
    assert.notEqual(second.id, first.id);
    const status = async (id: string) => (await sandbox.api('GET', `/v2/app-registrations/${id}`)).body.data.status;
    assert.equal(await status(first.id), 'STARTED', 'knowing an email does not cancel its registration');

    await passEmailCheck(sandbox, second);
    assert.equal(await status(first.id), 'EXPIRED', 'the proven sign-up replaces the earlier one');
    const stale = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${first.id}/sync`,
      { step: 'instructions', status: 'ONGOING' },
      { token: first.token },
    );
    assert.equal(stale.status, 409, 'the restarted registration’s token no longer works');

    const skipped = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${second.id}/sync`,
      { step: 'skipKYC', status: 'COMPLETED_WITHOUT_KYC' },
      { token: second.token },
    );
    assert.equal(skipped.status, 200, JSON.stringify(skipped.body));
    const third = await create(signUp(project, basicFlow, { email: first.email, ...noPhone }));
    assert.deepEqual([third.status, third.body.code], [409, 'email_is_registered_already']);
  });

  test('sync: unknown steps, wrong statuses and skipping a mandatory KYC are refused', async () => {
    const who = await register(sandbox, project, flow);
    await passContactChecks(sandbox, who);
    const sync = (step: unknown, status: unknown) =>
      sandbox.api('PUT', `/v2/app-registrations/${who.id}/sync`, { step, status }, { token: who.token });
    assert.deepEqual(Object.values((await sync('dance', 'ONGOING')).body), [
      'step_not_supported',
      '400:step_not_supported@dance',
    ]);
    assert.equal((await sync('document', 'COMPLETED')).status, 409);
    assert.equal((await sync('skipKYC', 'COMPLETED_WITHOUT_KYC')).body.code, 'kyc_is_mandatory');
    assert.equal((await sync(undefined, 'ONGOING')).body.message, 'missing step');
    assert.equal((await sync(7, 'ONGOING')).status, 400);
    const other = await register(sandbox, project, flow);
    const crossed = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${other.id}/sync`,
      { step: 'instructions', status: 'ONGOING' },
      { token: who.token },
    );
    assert.equal(crossed.status, 403, 'a token only acts on its own registration');
  });

  test('reference: the integrator’s user id is kept, returned, carried in the final token and by the verify', async () => {
    const who = await register(sandbox, project, basicFlow, { reference: 'user-42 ✓' });
    const stored = await sandbox.api('GET', `/v2/app-registrations/${who.id}`);
    assert.equal(stored.body.data.reference, 'user-42 ✓');
    await passEmailCheck(sandbox, who);
    const sync = (step: string, status: string) =>
      sandbox.api('PUT', `/v2/app-registrations/${who.id}/sync`, { step, status }, { token: who.token });
    const end = await sync('skipKYC', 'COMPLETED_WITHOUT_KYC');
    assert.equal(end.status, 200, JSON.stringify(end.body));
    const claims = JSON.parse(Buffer.from(end.body.data.token.split('.')[1], 'base64url').toString());
    assert.equal(claims.reference, 'user-42 ✓');
    const verified = await sandbox.api('POST', '/api/verifik/verify', { token: end.body.data.token }, { token: null });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.data.reference, 'user-42 ✓');

    const without = await register(sandbox, project, basicFlow);
    await passEmailCheck(sandbox, without);
    const plain = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${without.id}/sync`,
      { step: 'skipKYC', status: 'COMPLETED_WITHOUT_KYC' },
      { token: without.token },
    );
    const plainClaims = JSON.parse(Buffer.from(plain.body.data.token.split('.')[1], 'base64url').toString());
    assert.equal('reference' in plainClaims, false, 'no reference, no claim');
  });

  for (const [what, reference] of [
    ['too long', 'x'.repeat(129)],
    ['empty', ''],
    ['with a control character', 'user\n42'],
    ['not a string', 42],
  ] as const) {
    test(`a reference ${what} is refused with 400 naming the field, and nothing is stored`, async () => {
      const body = signUp(project, basicFlow, { reference });
      const response = await create(body);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.match(JSON.stringify(response.body), /reference/);
      const listed = await sandbox.api('GET', `/v2/app-registrations?where_email=${encodeURIComponent(body.email)}`);
      assert.deepEqual(listed.body.data, []);
    });
  }

  test('registrant tokens: required, checked, and expired after 120 minutes', async () => {
    const who = await register(sandbox, project, flow);
    assert.equal((await sandbox.api('GET', '/v2/app-registrations/me', undefined, { token: null })).status, 401);
    assert.equal(
      (await sandbox.api('GET', '/v2/app-registrations/me', undefined, { token: `${who.token}x` })).body.message,
      'invalid_token',
    );
    assert.equal(
      (await sandbox.api('GET', '/v2/app-registrations/me', undefined, { token: sandbox.sandbox.client.token })).status,
      401,
    );
    clock.offset = 121 * 60_000;
    try {
      const expired = await sandbox.api('GET', '/v2/app-registrations/me', undefined, { token: who.token });
      assert.deepEqual([expired.status, expired.body.message], [401, 'token_expired']);
    } finally {
      clock.offset = 0;
    }
  });

  test('list and retrieve need the client token, filter by status and populate', async () => {
    const who = await register(sandbox, project, flow);
    assert.equal((await sandbox.api('GET', `/v2/app-registrations/${who.id}`, undefined, { token: null })).status, 401);
    const list = await sandbox.api(
      'GET',
      `/v2/app-registrations?where_status=STARTED&where_projectFlow=${flow}&populates[]=informationValidation&perPage=100`,
    );
    assert.equal(list.status, 200);
    const found = list.body.data.find((registration: { _id: string }) => registration._id === who.id);
    assert.equal(found.informationValidation.firstName, 'Ana');
    assert.ok(list.body.data.every((registration: { status: string }) => registration.status === 'STARTED'));
    const bad = await sandbox.api('GET', `/v2/app-registrations/${who.id}?populates[]=password`);
    assert.deepEqual([bad.status, bad.body.code], [400, 'INVALID_ENUM']);
    const missing = await sandbox.api('GET', '/v2/app-registrations/64a1b2c3d4e5f67890123456');
    assert.deepEqual([missing.status, missing.body.message], [404, 'AppRegistration_not_found']);
  });

  test('basic information: the fields the flow enables, checked, kept on the information validation', async () => {
    const infoFlow = await createFlow(sandbox, project, {
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'mandatory',
        document: 'skip',
        liveness: 'skip',
        form: 'skip',
      },
      basicInformation: { dateOfBirth: true, gender: true, address: true },
    });
    const who = await register(sandbox, project, infoFlow);
    await passContactChecks(sandbox, who);
    const put = (basicInformation: Record<string, unknown>) =>
      sandbox.api('PUT', `/v2/app-registrations/${who.id}`, { basicInformation }, { token: who.token });
    const early = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${who.id}/sync`,
      { step: 'end', status: 'COMPLETED' },
      { token: who.token },
    );
    assert.equal(early.body.message, '409:mandatory_step_not_completed@basicInformation');
    assert.deepEqual(Object.values((await put({ dateOfBirth: '1990-02-01', gender: 'female' })).body), [
      'MissingParameter',
      'missing basicInformation.address',
    ]);
    assert.equal((await put({ dateOfBirth: '2990-02-01', gender: 'female', address: 'Calle 1' })).status, 400);
    assert.equal((await put({ dateOfBirth: '1990-02-30', gender: 'female', address: 'Calle 1' })).status, 400);
    assert.equal(
      (await put({ dateOfBirth: '1990-02-01', gender: 'robot', address: 'Calle 1' })).body.code,
      'INVALID_ENUM',
    );
    const saved = await put({ dateOfBirth: '1990-02-01', gender: 'female', address: 'Calle 1 # 2-3', age: 99 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(
      saved.body.data.basicInformation,
      { dateOfBirth: '1990-02-01', gender: 'female', address: 'Calle 1 # 2-3' },
      'only enabled fields are kept',
    );
    const populated = await sandbox.api('GET', `/v2/app-registrations/${who.id}?populates[]=informationValidation`);
    assert.equal(populated.body.data.informationValidation.address, 'Calle 1 # 2-3');
    const end = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${who.id}/sync`,
      { step: 'end', status: 'COMPLETED' },
      { token: who.token },
    );
    assert.equal(end.status, 200);
    const other = await register(sandbox, project, infoFlow);
    assert.equal((await sandbox.api('PUT', `/v2/app-registrations/${who.id}`, {}, { token: other.token })).status, 403);
  });

  test('signature: drawn (PNG) or typed, required for completion when the flow asks for it', async () => {
    const signedFlow = await createFlow(sandbox, project, {
      steps: { signUpForm: 'mandatory', basicInformation: 'skip', document: 'skip', liveness: 'skip', form: 'skip' },
      requiresSignature: true,
    });
    const who = await register(sandbox, project, signedFlow);
    await passContactChecks(sandbox, who);
    const sign = (body: Record<string, unknown>) =>
      sandbox.api('POST', '/v2/signatures/app-registration', body, { token: who.token });
    const end = () =>
      sandbox.api(
        'PUT',
        `/v2/app-registrations/${who.id}/sync`,
        { step: 'end', status: 'COMPLETED' },
        { token: who.token },
      );
    assert.equal((await end()).body.message, '409:mandatory_step_not_completed@form');
    const skip = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${who.id}/sync`,
      { step: 'skipKYC', status: 'COMPLETED_WITHOUT_KYC' },
      { token: who.token },
    );
    assert.equal(skip.body.code, 'kyc_is_mandatory', 'a required signature cannot be skipped');
    assert.equal((await sign({})).status, 422);
    assert.equal((await sign({ image: 'bm90IGFuIGltYWdl' })).body.code, 'image_unreadable');
    const png = await sharp({ create: { width: 300, height: 100, channels: 4, background: '#ffffff00' } })
      .png()
      .toBuffer();
    const drawn = await sign({ image: `data:image/png;base64,${png.toString('base64')}` });
    assert.equal(drawn.status, 200, JSON.stringify(drawn.body));
    assert.deepEqual([drawn.body.data.signature.method, drawn.body.data.signature._image], ['drawn', undefined]);
    const typed = await sign({ typedName: 'Ana García' });
    assert.deepEqual([typed.body.data.signature.method, typed.body.data.signature.typedName], ['typed', 'Ana García']);
    assert.equal((await end()).status, 200);
  });

  test('resend-link issues a new 30-minute token and refuses finished registrations', async () => {
    const who = await register(sandbox, project, flow);
    const link = await sandbox.api('POST', `/v2/app-registrations/${who.id}/resend-link`, { sendEmail: true });
    assert.equal(link.status, 200, JSON.stringify(link.body));
    assert.ok(link.body.data.link.includes(link.body.data.token));
    assert.equal(link.body.data.emailSent, true);
    assert.equal(Date.parse(link.body.data.expiresAt) - Date.parse(link.body.data.issuedAt), 30 * 60_000);
    const me = await sandbox.api('GET', '/v2/app-registrations/me', undefined, { token: link.body.data.token });
    assert.equal(me.body.data._id, who.id);
    await sandbox.api(
      'PUT',
      `/v2/app-registrations/${who.id}/sync`,
      { step: 'end', status: 'FAILED' },
      { token: who.token },
    );
    const refused = await sandbox.api('POST', `/v2/app-registrations/${who.id}/resend-link`, {});
    assert.deepEqual([refused.status, refused.body.code], [409, 'cannot_resend_link_for_this_status']);
    assert.equal(
      (await sandbox.api('POST', `/v2/app-registrations/${who.id}/resend-link`, {}, { token: null })).status,
      401,
    );
  });
});

describe('flow security lists', () => {
  let sandbox: TestSandbox;
  let project: string;
  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
  });
  after(() => sandbox.close());

  const listed = { name: 'Listed Person', email: 'listed@example.com', countryCode: '+57', phone: '3009998877' };
  const securedFlow = (strategy: string) =>
    createFlow(
      sandbox,
      project,
      {},
      { security: { strategy, source: 'CSV', usesWhiteList: true, whiteList: [listed] } },
    );

  test('a blacklist refuses the people on it, by email or by phone', async () => {
    const flow = await securedFlow('blacklist');
    const byEmail = await sandbox.api(
      'POST',
      '/v2/app-registrations',
      signUp(project, flow, { email: 'LISTED@example.com' }),
      { token: null },
    );
    assert.deepEqual(
      [byEmail.status, byEmail.body.code, byEmail.body.message],
      [403, 'user_not_allowed', '403:user_not_allowed'],
    );
    const byPhone = await sandbox.api(
      'POST',
      '/v2/app-registrations',
      signUp(project, flow, { phone: '300 999 8877' }),
      { token: null },
    );
    assert.equal(byPhone.status, 403);
    assert.equal(
      (await sandbox.api('POST', '/v2/app-registrations', signUp(project, flow), { token: null })).status,
      200,
    );
  });

  test('a whitelist admits only the people on it', async () => {
    const flow = await securedFlow('whitelist');
    assert.equal(
      (await sandbox.api('POST', '/v2/app-registrations', signUp(project, flow), { token: null })).status,
      403,
    );
    const admitted = await sandbox.api(
      'POST',
      '/v2/app-registrations',
      signUp(project, flow, { email: listed.email }),
      { token: null },
    );
    assert.equal(admitted.status, 200);
  });

  test('source NONE lets everyone in', async () => {
    const flow = await createFlow(
      sandbox,
      project,
      {},
      { security: { strategy: 'blacklist', source: 'NONE', whiteList: [listed] } },
    );
    const response = await sandbox.api(
      'POST',
      '/v2/app-registrations',
      signUp(project, flow, { email: listed.email }),
      { token: null },
    );
    assert.equal(response.status, 200);
  });
});

describe('the reference token endpoint', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(() => sandbox.close());

  test('creates the registration server to server and refreshes the token only for the browser that started it', async () => {
    const body = signUp(DEMO_IDS.project, DEMO_IDS.basicFlow);
    const response = await fetch(`${sandbox.sandbox.url}/api/verifik/registration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 200);
    const created = (await response.json()) as { data: { appRegistration: { _id: string }; token: string } };
    const cookie = response.headers.get('set-cookie')!;
    assert.match(cookie, /HttpOnly; SameSite=Strict/);
    const id = created.data.appRegistration._id;

    const refresh = (headers: Record<string, string>) =>
      fetch(`${sandbox.sandbox.url}/api/verifik/registration`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ appRegistrationId: id, refresh: true }),
      });
    const refreshed = await refresh({ cookie: cookie.split(';')[0]! });
    assert.equal(refreshed.status, 200);
    const fresh = (await refreshed.json()) as { data: { token: string; appRegistration: { _id: string } } };
    assert.equal(fresh.data.appRegistration._id, id);
    assert.notEqual(fresh.data.token, created.data.token);
    assert.equal((await refresh({})).status, 403, 'no cookie, no token');
    assert.equal((await refresh({ cookie: `verifik_registration=${id}.forged` })).status, 403);
    assert.equal(
      (await refresh({ cookie: 'verifik_registration=%' })).status,
      403,
      'a malformed cookie is refused, not a 500',
    );

    const invalid = await fetch(`${sandbox.sandbox.url}/api/verifik/registration`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, email: 'nope' }),
    });
    assert.equal(invalid.status, 409, 'Verifik’s errors pass through');
  });
});
