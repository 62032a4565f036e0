import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { base64, noFace } from '../helpers/node/face-images.js';
import { createFlow, register, sendEmailCode, signUp, type Registrant } from '../helpers/node/journey.js';
import {
  createProject,
  seedFlowPayloads,
  startTestSandbox,
  storedState,
  type TestSandbox,
} from '../helpers/node/sandbox.js';

/**
 * Hundreds of generated bad bodies per endpoint: every answer must be a 4xx (or a 200 where the
 * mutation happened to be valid) with `{code, message}`, never a 5xx.
 */

const BODIES_PER_ENDPOINT = 250;

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ATOMS: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  3.5,
  1e308,
  '',
  ' ',
  'a',
  '0'.repeat(12),
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  '64a1b2c3d4e5f67890123456',
  '+57',
  'ONGOING',
  'end',
  'data:image/png;base64,AAAA',
  'AAAA',
  [],
  {},
  [1, 'two', null],
  { nested: { deeper: { deepest: [] } } },
];

function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const value = (depth = 0): unknown => {
    const roll = next();
    if (depth < 2 && roll < 0.1) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    if (depth < 2 && roll < 0.2)
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, (_, i) => [`k${i}`, value(depth + 1)]));
    return pick(ATOMS);
  };
  /** A valid body with one to three fields broken, removed or added; sometimes no object at all. */
  return (valid: Record<string, unknown>): unknown => {
    if (next() < 0.15) return value();
    const body: Record<string, unknown> = { ...valid };
    const keys = Object.keys(valid);
    for (let i = 0, count = 1 + Math.floor(next() * 3); i < count; i++) {
      const roll = next();
      const key = keys.length && roll < 0.8 ? pick(keys) : `extra${i}`;
      if (roll < 0.2) delete body[key];
      else body[key] = value();
    }
    return body;
  };
}

const RAW_BODIES = ['{', '{"a":', 'null', '[]', '"text"', '{"__proto__":{"x":1}}', 'ÿþ', '{"a":1}{"b":2}'];

describe('bad bodies never cause a 5xx', () => {
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;
  let image: string;

  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
    image = base64(await noFace());
  });
  after(() => sandbox.close());

  async function hammer(
    method: string,
    path: (who: Registrant) => string,
    valid: (who: Registrant) => Record<string, unknown>,
    auth: 'registrant' | 'client' | 'none',
    seed: number,
  ) {
    const who = await register(sandbox, project, flow);
    const mutate = generator(seed);
    const token = auth === 'registrant' ? who.token : auth === 'client' ? undefined : null;
    const statuses = new Map<number, number>();
    const send = async (options: { body?: unknown; raw?: string }) => {
      const response = await sandbox.api(method, path(who), options.body, { token, raw: options.raw });
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      assert.ok(
        response.status < 500,
        `${method} ${path(who)} answered ${response.status} to ${JSON.stringify(options).slice(0, 300)}`,
      );
      if (response.status >= 400) {
        assert.equal(typeof response.body?.code, 'string', JSON.stringify(response.body));
        assert.equal(typeof response.body?.message, 'string');
      }
    };
    for (let i = 0; i < BODIES_PER_ENDPOINT; i++) await send({ body: mutate(valid(who)) });
    for (const raw of RAW_BODIES) await send({ raw });
    const clientErrors = [...statuses].filter(([status]) => status >= 400).reduce((sum, [, count]) => sum + count, 0);
    assert.ok(clientErrors > BODIES_PER_ENDPOINT / 2, `most bodies are refused: ${JSON.stringify([...statuses])}`);
  }

  const flowPayload = seedFlowPayloads().get('002-onboarding-settings.json')!;
  const endpoints: [
    string,
    string,
    (who: Registrant) => string,
    (who: Registrant) => Record<string, unknown>,
    'registrant' | 'client' | 'none',
  ][] = [
    [
      'create a project',
      'POST',
      () => '/v2/projects',
      () => ({ name: 'Bank', allowedCountries: ['Peru'], contactEmail: 'a@b.co' }),
      'client',
    ],
    ['create a flow', 'POST', () => '/v2/project-flows', () => ({ ...flowPayload, project }), 'client'],
    [
      'update a flow',
      'PUT',
      () => `/v2/project-flows/${flow}`,
      () => ({ onboardingSettings: { liveness: { livenessMinScore: 0.7 } } }),
      'client',
    ],
    ['create a registration', 'POST', () => '/v2/app-registrations', () => signUp(project, flow), 'none'],
    [
      'send an email code',
      'POST',
      () => '/v2/email-validations/app-registration',
      (who) => ({
        project,
        projectFlow: flow,
        validationMethod: 'verificationCode',
        email: who.email,
        type: 'onboarding',
      }),
      'registrant',
    ],
    [
      'check an email code',
      'PUT',
      () => '/v2/email-validations/64a1b2c3d4e5f67890123456',
      (who) => ({ email: who.email, otp: 123456 }),
      'registrant',
    ],
    [
      'send a phone code',
      'POST',
      () => '/v2/phone-validations/app-registration',
      (who) => ({
        project,
        validationMethod: 'verificationCode',
        phone: who.phone,
        countryCode: who.countryCode,
        type: 'onboarding',
      }),
      'registrant',
    ],
    [
      'check a phone code',
      'PUT',
      () => '/v2/phone-validations',
      (who) => ({ phone: who.phone, countryCode: who.countryCode, otp: 123456 }),
      'registrant',
    ],
    [
      'upload a document',
      'POST',
      () => '/v2/document-validations/app-registration',
      () => ({ image, inputMethod: 'FILE_UPLOAD' }),
      'registrant',
    ],
    [
      'upload a selfie',
      'POST',
      () => '/v2/biometric-validations/app-registration',
      () => ({ image, os: 'DESKTOP' }),
      'registrant',
    ],
    ['compare faces', 'POST', () => '/v2/face-recognition/compare/app-registration', () => ({}), 'registrant'],
    [
      'sync',
      'PUT',
      (who) => `/v2/app-registrations/${who.id}/sync`,
      () => ({ step: 'instructions', status: 'ONGOING' }),
      'registrant',
    ],
    [
      'resend a link',
      'POST',
      (who) => `/v2/app-registrations/${who.id}/resend-link`,
      () => ({ sendEmail: false }),
      'client',
    ],
  ];

  endpoints.forEach(([what, method, path, valid, auth], index) => {
    test(`${what}: ${BODIES_PER_ENDPOINT} generated bodies and ${RAW_BODIES.length} broken ones`, async () => {
      await hammer(method, path, valid, auth, 1000 + index);
    });
  });

  /**
   * Hostile requests beyond the body's fields, on every route: nesting far past the bound, a
   * repeated query key, a percent-encoded path, a foreign Host and Origin. Each answers a 4xx with
   * `{code, message}` (or, for a foreign Host or Origin on a public route, what the route answers
   * anyway) and changes nothing stored.
   */
  test('every route: deep nesting, repeated query keys, encoded paths, foreign Host and Origin change nothing', async () => {
    const who = await register(sandbox, project, flow);
    const before = storedState(sandbox.dataDir);
    const deep = `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    for (const [, method, path, , auth] of endpoints) {
      const token = auth === 'registrant' ? who.token : auth === 'client' ? undefined : null;
      const url = path(who);
      const encoded = url.replace('/v2/', '/%76%32/');
      const variants: { path: string; raw: string; headers?: Record<string, string>; expect?: number }[] = [
        { path: url, raw: deep, expect: 400 },
        { path: `${url}?populates=project&populates=project&where_status=a&where_status=b`, raw: deep },
        { path: encoded, raw: deep },
        {
          path: url,
          raw: '{"__proto__":{"admin":true}}',
          headers: { host: 'evil.example', origin: 'https://evil.example' },
        },
        { path: `${url}/%2e%2e/%2e%2e/dev/client-token`, raw: '{}' },
      ];
      for (const variant of variants) {
        const response = await sandbox.api(method, variant.path, undefined, {
          token,
          raw: variant.raw,
          headers: variant.headers ?? {},
        });
        const what = `${method} ${variant.path.slice(0, 80)} ${JSON.stringify(variant.headers ?? {})}`;
        assert.ok(response.status >= 400 && response.status < 500, `${what} answered ${response.status}`);
        if (variant.expect) assert.equal(response.status, variant.expect, what);
        assert.equal(typeof response.body?.code, 'string', `${what}: ${JSON.stringify(response.body)}`);
      }
    }
    const listed = await sandbox.api(
      'GET',
      '/v2/app-registrations?populates[]=project&populates[]=project&page=1&page=2',
    );
    assert.equal(listed.status, 400, 'a repeated page is refused');
    const devFromAfar = await sandbox.api('GET', '/%64ev/client-token', undefined, {
      headers: { host: 'evil.example' },
    });
    assert.equal(devFromAfar.status, 403);
    assert.equal(storedState(sandbox.dataDir), before, 'nothing stored changed');
  });

  test('checking a real email validation with generated bodies', async () => {
    const who = await register(sandbox, project, flow);
    const { body } = await sendEmailCode(sandbox, who);
    const mutate = generator(99);
    for (let i = 0; i < BODIES_PER_ENDPOINT; i++) {
      const response = await sandbox.api(
        'PUT',
        `/v2/email-validations/${body.data._id}`,
        mutate({ email: who.email, otp: 123456 }),
        { token: who.token },
      );
      assert.ok(response.status < 500, JSON.stringify(response.body));
    }
  });
});
