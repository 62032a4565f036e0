import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_IDS } from '../../demo/server/seed.js';
import { createProject, seedFlowPayloads, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

describe('projects', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(() => sandbox.close());

  test('create, read, list and update a project', async () => {
    const id = await createProject(sandbox, { demoMode: true, demoOTP: '246810' });
    const fetched = await sandbox.api('GET', `/v2/projects/${id}`);
    assert.equal(fetched.status, 200);
    assert.equal(fetched.body.data.name, 'Test bank');
    assert.equal(fetched.body.data.status, 'active');

    const updated = await sandbox.api('PUT', `/v2/projects/${id}`, {
      name: 'Test bank S.A.',
      branding: { bgColor: '#003366' },
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.data.name, 'Test bank S.A.');
    assert.deepEqual(updated.body.data.allowedCountries, ['Colombia', 'Mexico']);
    assert.equal(updated.body.data.branding.bgColor, '#003366');

    const list = await sandbox.api('GET', '/v2/projects?limit=1');
    assert.equal(list.status, 200);
    assert.equal(list.body.data.length, 1);
    assert.equal(list.body.data[0]._id, id, 'newest first');
    assert.ok(list.body.total >= 2);
  });

  const violations: [string, unknown, string][] = [
    ['name', undefined, 'MISSING_FIELD'],
    ['name', '', 'OUT_OF_RANGE'],
    ['name', 'x'.repeat(61), 'OUT_OF_RANGE'],
    ['allowedCountries', undefined, 'MISSING_FIELD'],
    ['allowedCountries', [], 'OUT_OF_RANGE'],
    ['allowedCountries', 'Colombia', 'INVALID_TYPE'],
    ['contactEmail', 'not-an-email', 'INVALID_FORMAT'],
    ['privacyUrl', 'javascript:alert(1)', 'INVALID_URL'],
    ['termsAndConditionsUrl', 'bank.example/terms', 'INVALID_URL'],
    ['demoOTP', '12345', 'INVALID_FORMAT'],
    ['demoOTP', 123456, 'INVALID_TYPE'],
    ['defaultLanguage', 'klingon', 'INVALID_ENUM'],
    ['dataProtection', { postalCode: '12' }, 'OUT_OF_RANGE'],
  ];
  for (const [field, value, code] of violations) {
    test(`a project with ${field} ${JSON.stringify(value) ?? 'missing'} → 400 ${code}`, async () => {
      const body: Record<string, unknown> = { name: 'Bank', allowedCountries: ['Peru'], [field]: value };
      if (value === undefined) delete body[field];
      const response = await sandbox.api('POST', '/v2/projects', body);
      assert.equal(response.status, 400, JSON.stringify(response.body));
      assert.equal(response.body.code, code);
      assert.match(response.body.message, new RegExp(`^${field}`));
    });
  }

  test('a project of another id is a 404; admin routes need the client token', async () => {
    const missing = await sandbox.api('GET', '/v2/projects/64a1b2c3d4e5f67890123456');
    assert.deepEqual([missing.status, missing.body.code, missing.body.message], [404, 'NotFound', 'project_not_found']);
    assert.equal((await sandbox.api('GET', '/v2/projects', undefined, { token: null })).status, 401);
    assert.equal((await sandbox.api('POST', '/v2/projects', {}, { token: 'nope' })).status, 403);
    assert.equal((await sandbox.api('PUT', `/v2/projects/${DEMO_IDS.project}`, {}, { token: 'nope' })).status, 403);
  });
});

describe('GET /v2/projects/kyc (public)', () => {
  let sandbox: TestSandbox;
  before(async () => {
    sandbox = await startTestSandbox();
  });
  after(() => sandbox.close());

  test('answers the project and its active flows of the type, oldest first, without a token', async () => {
    const project = await createProject(sandbox, { demoMode: true, demoOTP: '246810' });
    const v2 = seedFlowPayloads().get('002-onboarding-settings.json')!;
    const active = await sandbox.api('POST', '/v2/project-flows', { ...v2, project, status: 'active' });
    await sandbox.api('POST', '/v2/project-flows', { ...v2, project, status: 'draft' });
    const login = seedFlowPayloads().get('login-settings.json')!;
    await sandbox.api('POST', '/v2/project-flows', { ...login, project });

    const response = await sandbox.api('GET', `/v2/projects/kyc?id=${project}&type=onboarding`, undefined, {
      token: null,
    });
    assert.equal(response.status, 200);
    const { data } = response.body;
    assert.equal(data._id, project);
    assert.equal(data.demoMode, true);
    assert.equal(data.demoOTP, undefined, 'the demo code is not public');
    assert.deepEqual(
      data.projectFlows.map((flow: { _id: string }) => flow._id),
      [active.body.data._id],
    );
    assert.equal(data.projectFlows[0].security, undefined, 'security settings are not public');
    assert.equal(data.projectFlows[0].webhook, undefined);

    const logins = await sandbox.api('GET', `/v2/projects/kyc?id=${project}&type=login`, undefined, { token: null });
    assert.equal(logins.body.data.projectFlows.length, 1);
    assert.equal(logins.body.data.projectFlows[0].security, undefined, 'the whitelist is not public');
  });

  test('the demo project is seeded with the tutorial’s flows', async () => {
    const response = await sandbox.api('GET', `/v2/projects/kyc?id=${DEMO_IDS.project}&type=onboarding`, undefined, {
      token: null,
    });
    assert.deepEqual(
      response.body.data.projectFlows.map((flow: { _id: string }) => flow._id),
      [DEMO_IDS.basicFlow, DEMO_IDS.fullFlow],
    );
  });

  const bad: [string, number, string][] = [
    ['', 400, 'MISSING_FIELD'],
    ['?type=onboarding', 400, 'MISSING_FIELD'],
    ['?id=64a1b2c3d4e5f6789012345', 400, 'INVALID_PROJECT_ID'],
    ['?id=64a1b2c3d4e5f67890123456', 404, 'NotFound'],
    [`?id=${DEMO_IDS.project}&type=signup`, 400, 'INVALID_FLOW_TYPE'],
    [`?id=${DEMO_IDS.project}&id=${DEMO_IDS.project}`, 400, 'INVALID_TYPE'],
  ];
  for (const [query, status, code] of bad) {
    test(`kyc${query || ' with no query'} → ${status} ${code}`, async () => {
      const response = await sandbox.api('GET', `/v2/projects/kyc${query}`, undefined, { token: null });
      assert.equal(response.status, status);
      assert.equal(response.body.code, code);
    });
  }

  test('answers browsers on other origins (CORS)', async () => {
    const response = await fetch(`${sandbox.sandbox.url}/v2/projects/kyc?id=${DEMO_IDS.project}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://bank.example', 'access-control-request-method': 'GET' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://bank.example');
  });

  test('the dev outbox answers pages of this machine only', async () => {
    const from = async (origin: string) =>
      (await fetch(`${sandbox.sandbox.url}/dev/outbox`, { headers: { origin } })).headers.get(
        'access-control-allow-origin',
      );
    assert.equal(await from('https://evil.example'), null);
    assert.equal(await from('http://127.0.0.1.evil.example'), null);
    assert.equal(await from('http://localhost:8000'), 'http://localhost:8000');
    assert.equal(await from('http://127.0.0.1:9000'), 'http://127.0.0.1:9000');
  });

  test('a v3 flow keeps its redirect in the public view, and nothing else of its integrations', async () => {
    const project = await createProject(sandbox);
    const v3 = seedFlowPayloads().get('003-v3-flat.json')!;
    await sandbox.api('POST', '/v2/project-flows', {
      ...v3,
      project,
      status: 'active',
      integrations: {
        redirectUrl: 'https://bank.example/done',
        apiUrl: 'https://bank.example/private',
        strategy: 'blacklist',
      },
    });
    const response = await sandbox.api('GET', `/v2/projects/kyc?id=${project}`, undefined, { token: null });
    assert.deepEqual(response.body.data.projectFlows[0].integrations, { redirectUrl: 'https://bank.example/done' });
  });

  test('unknown routes answer 404 in the same error shape', async () => {
    const response = await sandbox.api('GET', '/v2/nothing-here');
    assert.equal(response.status, 404);
    assert.equal(response.body.code, 'NotFound');
  });
});
