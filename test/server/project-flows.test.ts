import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createProject,
  createWebhook,
  seedFlowPayloads,
  startTestSandbox,
  type TestSandbox,
} from '../helpers/node/sandbox.js';

const OBJECT_ID = /^[0-9a-f]{24}$/;
let payloads = seedFlowPayloads();

/** A fixture with its placeholder project (and webhook) replaced by real ones. */
function payload(name: string, project: string): Record<string, unknown> {
  const body = structuredClone(payloads.get(name));
  assert.ok(body, `fixture ${name} exists`);
  return { ...body, project };
}

const DELETE = Symbol('delete');

/** A copy of `body` with the value at dotted `path` set (or deleted). */
function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = path.split('.');
  const last = keys.pop()!;
  let node: any = copy; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking arbitrary JSON
  for (const key of keys) node = node[key];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

describe('project flows', () => {
  let sandbox: TestSandbox;
  let project: string;

  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
    payloads = seedFlowPayloads(await createWebhook(sandbox));
  });
  after(() => sandbox.close());

  for (const name of payloads.keys()) {
    test(`accepts the documented payload ${name} and stores it as sent`, async () => {
      const body = payload(name, project);
      const created = await sandbox.api('POST', '/v2/project-flows', body);
      assert.equal(created.status, 200, JSON.stringify(created.body));
      // A flow naming a webhook is answered its signing secret this once (webhooks.test.ts checks it).
      const { webhookSecret: _shownOnce, ...flow } = created.body.data;
      assert.match(flow._id, OBJECT_ID);
      assert.equal(flow.client, sandbox.sandbox.client.id);
      assert.equal(flow.version, 1);
      assert.equal(flow.status, body['status'] ?? 'draft');
      assert.ok(Date.parse(flow.createdAt) && flow.createdAt === flow.updatedAt);
      for (const [key, value] of Object.entries(body)) assert.deepEqual(flow[key], value, `field ${key}`);

      const fetched = await sandbox.api('GET', `/v2/project-flows/${flow._id}`);
      assert.equal(fetched.status, 200);
      assert.deepEqual(fetched.body.data, flow);
    });
  }

  test('fills the defaults seed 002 answers with', async () => {
    const { body } = await sandbox.api('POST', '/v2/project-flows', payload('004-basic-enrollment.json', project));
    assert.deepEqual(body.data.allowedCountries, []);
    assert.equal(body.data.loginSettings, null);
    assert.equal(body.data.linkSettings, null);
  });

  const V2 = '002-onboarding-settings.json';
  const V2_TOP = '002-top-level-sections.json';
  const V3 = '003-v3-flat.json';
  const GENERIC = '001-generic-configuration-steps.json';
  const LOGIN = 'login-settings.json';
  /** [fixture, field, value, status, code]: each breaks one documented constraint. */
  const violations: [string, string, unknown, number, string][] = [
    [V2, 'project', DELETE, 400, 'MISSING_FIELD'],
    [V2, 'project', '64a1b2c3d4e5f6789012345', 400, 'INVALID_PROJECT_ID'],
    [V2, 'project', 'project_123456789', 400, 'INVALID_PROJECT_ID'],
    [V2, 'project', 42, 400, 'INVALID_PROJECT_ID'],
    [V2, 'project', '64a1b2c3d4e5f67890123456', 404, 'INVALID_PROJECT_ID'],
    [V2, 'type', DELETE, 400, 'MISSING_FIELD'],
    [V2, 'type', 'signup', 400, 'INVALID_FLOW_TYPE'],
    [V2, 'type', 'ONBOARDING', 400, 'INVALID_FLOW_TYPE'],
    [V2, 'status', 'archived', 400, 'INVALID_ENUM'],
    [V2, 'redirectUrl', 'javascript:alert(1)', 400, 'INVALID_URL'],
    [V2, 'redirectUrl', 'ftp://files.example.com', 400, 'INVALID_URL'],
    [V2, 'redirectUrl', '/relative/path', 400, 'INVALID_URL'],
    [V2, 'systemForm', 'form-1', 400, 'INVALID_ID'],
    [V2, 'onboardingSettings.steps.document', 'sometimes', 400, 'INVALID_ENUM'],
    [V2, 'onboardingSettings.steps.signUpForm', 'required', 400, 'INVALID_ENUM'],
    [V2, 'onboardingSettings.requiresSignature', 'yes', 400, 'INVALID_TYPE'],
    [V2, 'onboardingSettings.signUpForm.emailGateway', 'sendgrid', 400, 'INVALID_ENUM'],
    [V2, 'onboardingSettings.signUpForm.phoneGateway', 'telegram', 400, 'INVALID_ENUM'],
    [V2, 'onboardingSettings.document.validationMethod', 'SCAN_MAGIC', 400, 'INVALID_ENUM'],
    [V2, 'onboardingSettings.document.fallbackValidationMethod', 'OCR', 400, 'INVALID_ENUM'],
    [V2, 'onboardingSettings.document.compareMinScore', 0.4, 400, 'OUT_OF_RANGE'],
    [V2, 'onboardingSettings.document.compareMinScore', 1.01, 400, 'OUT_OF_RANGE'],
    [V2, 'onboardingSettings.document.compareMinScore', '0.8', 400, 'INVALID_TYPE'],
    [V2, 'onboardingSettings.document.maxAttempts', 2, 400, 'OUT_OF_RANGE'],
    [V2, 'onboardingSettings.document.maxAttempts', 11, 400, 'OUT_OF_RANGE'],
    [V2, 'onboardingSettings.document.maxAttempts', 3.5, 400, 'INVALID_TYPE'],
    [V2, 'onboardingSettings.liveness.livenessMinScore', 0.49, 400, 'OUT_OF_RANGE'],
    [V2, 'onboardingSettings.liveness.maxAttempts', 0, 400, 'OUT_OF_RANGE'],
    [V2, 'onboardingSettings.liveness.searchMinScore', 0.2, 400, 'OUT_OF_RANGE'],
    [V2, 'onboardingSettings.liveness.searchMode', 'SLOW', 400, 'INVALID_ENUM'],
    [V2, 'security.strategy', 'greylist', 400, 'INVALID_ENUM'],
    [V2, 'security.source', 'LDAP', 400, 'INVALID_ENUM'],
    [V2, 'security.apiTestType', 'fax', 400, 'INVALID_ENUM'],
    [V2_TOP, 'document.maxAttempts', 20, 400, 'OUT_OF_RANGE'],
    [V2_TOP, 'liveness.livenessMinScore', 1.5, 400, 'OUT_OF_RANGE'],
    [V2_TOP, 'signUpForm.emailGateway', 'smtp', 400, 'INVALID_ENUM'],
    [V3, 'name', DELETE, 400, 'MISSING_FIELD'],
    [V3, 'target', DELETE, 400, 'MISSING_FIELD'],
    [V3, 'target', 'corporate', 400, 'INVALID_ENUM'],
    [V3, 'status', DELETE, 400, 'MISSING_FIELD'],
    [V3, 'signUpForm.fullNameStyle', 'mixed', 400, 'INVALID_ENUM'],
    [V3, 'documents.attemptLimit', 0, 400, 'OUT_OF_RANGE'],
    [V3, 'documents.attemptLimit', 6, 400, 'OUT_OF_RANGE'],
    [V3, 'documents.verificationMethods', ['fax'], 400, 'INVALID_ENUM'],
    [
      V3,
      'documents.documentTypes',
      [{ country: 'Colombia', configurations: [{ documentCategory: 'visa' }] }],
      400,
      'INVALID_ENUM',
    ],
    [V3, 'liveness.attemptLimit', 6, 400, 'OUT_OF_RANGE'],
    [V3, 'liveness.minScore', 0.95, 400, 'OUT_OF_RANGE'],
    [V3, 'liveness.searchMinScore', 0.5, 400, 'OUT_OF_RANGE'],
    [V3, 'liveness.searchMode', 'fast', 400, 'INVALID_ENUM'],
    [V3, 'steps.liveness', 'always', 400, 'INVALID_ENUM'],
    [V3, 'integrations', { redirectUrl: 'data:text/html,hi' }, 400, 'INVALID_URL'],
    [GENERIC, 'name', DELETE, 400, 'MISSING_FIELD'],
    [GENERIC, 'configuration', DELETE, 400, 'MISSING_FIELD'],
    [GENERIC, 'configuration.emailVerification.method', 'carrier-pigeon', 400, 'INVALID_ENUM'],
    [GENERIC, 'configuration.phoneVerification.method', 'fax', 400, 'INVALID_ENUM'],
    [GENERIC, 'steps', [], 400, 'OUT_OF_RANGE'],
    [GENERIC, 'steps', [{ stepType: 'fax', order: 1, required: true }], 400, 'INVALID_ENUM'],
    [GENERIC, 'steps', [{ stepType: 'email', order: 0, required: true }], 400, 'OUT_OF_RANGE'],
    [GENERIC, 'steps', [{ stepType: 'email', order: 1 }], 400, 'MISSING_FIELD'],
    [LOGIN, 'loginSettings', DELETE, 400, 'MISSING_FIELD'],
    [LOGIN, 'loginSettings.livenessMinScore', 0.95, 400, 'OUT_OF_RANGE'],
    [LOGIN, 'loginSettings.searchMinScore', 0.6, 400, 'OUT_OF_RANGE'],
    [LOGIN, 'loginSettings.phoneGateway', 'pager', 400, 'INVALID_ENUM'],
    [LOGIN, 'loginSettings.searchMode', 'BEST', 400, 'INVALID_ENUM'],
    [LOGIN, 'security.strategy', 'allowlist', 400, 'INVALID_ENUM'],
  ];

  for (const [fixture, field, value, status, code] of violations) {
    const shown = value === DELETE ? 'missing' : JSON.stringify(value);
    test(`${fixture}: ${field} ${shown} → ${status} ${code}`, async () => {
      const body = withValue(payload(fixture, project), field, value);
      const response = await sandbox.api('POST', '/v2/project-flows', body);
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.code, code, JSON.stringify(response.body));
      assert.match(response.body.message, new RegExp(`^${field.split('.')[0]}`), 'the message names the field');
    });
  }

  test('a flow on another client’s or a missing project is refused, and nothing is stored', async () => {
    const before = await sandbox.api('GET', '/v2/project-flows?limit=100');
    const response = await sandbox.api('POST', '/v2/project-flows', payload(V3, '64a1b2c3d4e5f67890123456'));
    assert.equal(response.status, 404);
    const afterwards = await sandbox.api('GET', '/v2/project-flows?limit=100');
    assert.equal(afterwards.body.total, before.body.total);
  });

  const badBodies: [string, string, string, number, string][] = [
    ['not JSON', '{"project": ', 'application/json', 400, 'INVALID_JSON'],
    ['an array', '[]', 'application/json', 400, 'INVALID_BODY'],
    ['a string', '"onboarding"', 'application/json', 400, 'INVALID_BODY'],
    ['a number', '42', 'application/json', 400, 'INVALID_BODY'],
    ['null', 'null', 'application/json', 400, 'INVALID_BODY'],
    ['form-encoded', 'project=1&type=login', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a prototype-polluting key', '{"__proto__": {"admin": true}}', 'application/json', 400, 'INVALID_JSON'],
  ];
  for (const [what, raw, contentType, status, code] of badBodies) {
    test(`a body that is ${what} gets ${status} ${code}`, async () => {
      const response = await sandbox.api('POST', '/v2/project-flows', undefined, { raw, contentType });
      assert.equal(response.status, status, JSON.stringify(response.body));
      assert.equal(response.body.code, code);
      assert.equal(typeof response.body.message, 'string');
    });
  }

  test('an empty JSON body gets 400 INVALID_JSON', async () => {
    const response = await sandbox.api('POST', '/v2/project-flows', undefined, { raw: '' });
    assert.equal(response.status, 400);
    assert.equal(response.body.code, 'INVALID_JSON');
  });

  test('a body past the size limit gets 413', async () => {
    const raw = JSON.stringify({ project, type: 'onboarding', description: 'x'.repeat(2 * 1024 * 1024) });
    const response = await sandbox.api('POST', '/v2/project-flows', undefined, { raw });
    assert.equal(response.status, 413);
    assert.equal(response.body.code, 'PAYLOAD_TOO_LARGE');
  });

  for (const [method, path] of [
    ['POST', '/v2/project-flows'],
    ['GET', '/v2/project-flows'],
    ['GET', '/v2/project-flows/64a1b2c3d4e5f67890123456'],
    ['PUT', '/v2/project-flows/64a1b2c3d4e5f67890123456'],
  ] as const) {
    test(`${method} ${path} needs the client token: 401 without, 403 with a wrong one`, async () => {
      const body = method === 'GET' ? undefined : {};
      const missing = await sandbox.api(method, path, body, { token: null });
      assert.equal(missing.status, 401);
      assert.equal(missing.body.code, 'Unauthorized');
      const wrong = await sandbox.api(method, path, body, { token: 'sbx_not-the-token' });
      assert.equal(wrong.status, 403);
      assert.deepEqual(wrong.body, { code: 'Forbidden', message: 'Access forbidden' });
      if (method !== 'GET') {
        const unreadable = await sandbox.api(method, path, undefined, { token: null, raw: '{not json' });
        assert.equal(unreadable.status, 401, 'authentication comes before reading the body');
      }
    });
  }

  test('PUT merges a partial body, checks the result and increments the version', async () => {
    const { body: created } = await sandbox.api('POST', '/v2/project-flows', payload(V2, project));
    const id = created.data._id;
    const updated = await sandbox.api('PUT', `/v2/project-flows/${id}`, {
      status: 'paused',
      onboardingSettings: { liveness: { livenessMinScore: 0.8 } },
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.body));
    assert.equal(updated.body.data.version, 2);
    assert.equal(updated.body.data.status, 'paused');
    assert.equal(updated.body.data.onboardingSettings.liveness.livenessMinScore, 0.8);
    assert.equal(updated.body.data.onboardingSettings.liveness.searchMode, 'FAST', 'untouched fields are kept');
    assert.equal(updated.body.data.createdAt, created.data.createdAt);

    const again = await sandbox.api('PUT', `/v2/project-flows/${id}`, {
      version: 99,
      _id: 'x',
      redirectUrl: 'https://bank.example/done',
    });
    assert.equal(again.body.data.version, 3, 'the server owns the version');
    assert.equal(again.body.data._id, id);
  });

  test('a PUT that breaks a constraint is refused and changes nothing', async () => {
    const { body: created } = await sandbox.api('POST', '/v2/project-flows', payload(V3, project));
    const id = created.data._id;
    const refused = await sandbox.api('PUT', `/v2/project-flows/${id}`, { liveness: { attemptLimit: 9 } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, 'OUT_OF_RANGE');
    const fetched = await sandbox.api('GET', `/v2/project-flows/${id}`);
    assert.deepEqual(fetched.body.data, created.data);
  });

  test('PUT or GET of an unknown flow is a 404', async () => {
    for (const id of ['64a1b2c3d4e5f67890123456', 'nope']) {
      const put = await sandbox.api('PUT', `/v2/project-flows/${id}`, { status: 'active' });
      assert.equal(put.status, 404);
      assert.deepEqual(put.body, { code: 'NotFound', message: 'projectFlow_not_found' });
      assert.equal((await sandbox.api('GET', `/v2/project-flows/${id}`)).status, 404);
    }
  });

  test('the list filters by project, type and status and pages', async () => {
    const other = await createProject(sandbox, { name: 'Other' });
    await sandbox.api('POST', '/v2/project-flows', payload(LOGIN, other));
    await sandbox.api('POST', '/v2/project-flows', payload(V3, other));
    await sandbox.api('POST', '/v2/project-flows', { ...payload(V3, other), status: 'active' });

    const all = await sandbox.api('GET', `/v2/project-flows?where_project=${other}`);
    assert.equal(all.body.total, 3);
    const logins = await sandbox.api('GET', `/v2/project-flows?project=${other}&type=login`);
    assert.deepEqual(
      logins.body.data.map((flow: { type: string }) => flow.type),
      ['login'],
    );
    const active = await sandbox.api(
      'GET',
      `/v2/project-flows?where_project=${other}&where_type=onboarding&where_status=active`,
    );
    assert.equal(active.body.total, 1);

    const first = await sandbox.api('GET', `/v2/project-flows?where_project=${other}&limit=2`);
    assert.deepEqual([first.body.total, first.body.pages, first.body.page, first.body.data.length], [3, 2, 1, 2]);
    const second = await sandbox.api('GET', `/v2/project-flows?where_project=${other}&limit=2&page=2`);
    assert.equal(second.body.data.length, 1);

    for (const query of ['page=0', 'limit=1000', 'page=abc', 'type=a&type=b']) {
      const bad = await sandbox.api('GET', `/v2/project-flows?${query}`);
      assert.equal(bad.status, 400, query);
    }
  });
});

describe('the sandbox database', () => {
  test('flows, projects and the client token survive a restart; the demo is seeded once', async () => {
    const sandbox = await startTestSandbox();
    try {
      assert.equal(sandbox.sandbox.seeded, true);
      assert.equal(sandbox.sandbox.client.issued, true);
      const token = sandbox.sandbox.client.token;
      const project = await createProject(sandbox);
      const { body } = await sandbox.api('POST', '/v2/project-flows', payload('003-v3-flat.json', project));

      await sandbox.restart();
      assert.equal(sandbox.sandbox.seeded, false);
      assert.equal(sandbox.sandbox.client.issued, false);
      assert.equal(sandbox.sandbox.client.token, token);
      const fetched = await sandbox.api('GET', `/v2/project-flows/${body.data._id}`);
      assert.equal(fetched.status, 200);
      assert.deepEqual(fetched.body.data, body.data);
      const projects = await sandbox.api('GET', '/v2/projects');
      assert.equal(projects.body.total, 2, 'the demo project and ours, once each');
    } finally {
      await sandbox.close();
    }
  });

  test('a fixed client token is accepted instead of an issued one', async () => {
    const sandbox = await startTestSandbox({ clientToken: 'sbx_fixed-for-ci' });
    try {
      assert.equal((await sandbox.api('GET', '/v2/projects', undefined, { token: 'sbx_fixed-for-ci' })).status, 200);
    } finally {
      await sandbox.close();
    }
  });
});
