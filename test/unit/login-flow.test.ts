import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { LoginApi } from '../../src/api/login-api.js';
import { Enrollment } from '../../src/enroll/enrollment.js';
import { activeFlows, selectFlow } from '../../src/enroll/select-flow.js';
import { canCancel, canGoBack, initialState, planSteps, transition } from '../../src/flow/machine.js';
import {
  FlowConfigError,
  normalizeFlow,
  normalizeLoginFlow,
  normalizeProjectFlow,
} from '../../src/flow/normalize-flow.js';

const project = { _id: '65a1d3e0c0ffee0000000001', name: 'Bank' };
const seed = JSON.parse(readFileSync(new URL('../fixtures/seed-flows/login-settings.json', import.meta.url), 'utf8'));
const login = (loginSettings: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  ...seed,
  _id: '65a1d3e0c0ffee0000000004',
  project: project._id,
  loginSettings,
  ...extra,
});
const plan = (raw: unknown) => planSteps(normalizeLoginFlow(raw)).map(({ id, maxAttempts }) => `${id}:${maxAttempts}`);
const options = { apiUrl: 'https://api.example.test', tokenEndpoint: undefined, fetch: undefined, persist: true };

describe('login flows', () => {
  test('the seed login flow: identify, code and face, then done; nothing of an onboarding runs', () => {
    const flow = normalizeLoginFlow(login(seed.loginSettings));
    assert.equal(flow.kind, 'login');
    assert.ok(Object.isFrozen(flow.login));
    assert.deepEqual(flow.login, { email: true, phone: true, faceLiveness: true, maxAttempts: 3 });
    assert.equal(flow.signUpForm.phoneGateway, 'both', 'the code step reads the gateway where a sign-up keeps it');
    assert.deepEqual(plan(login(seed.loginSettings)), ['identify:1', 'loginCode:1', 'loginFace:3', 'done:1']);
  });

  test('face only, or a code only, as the settings ask; a gateway `none` turns its channel off', () => {
    assert.deepEqual(plan(login({ faceLiveness: true, maxAttempts: 5 })), ['loginFace:5', 'done:1']);
    assert.deepEqual(plan(login({ email: true })), ['identify:1', 'loginCode:1', 'done:1']);
    const phoneOff = normalizeLoginFlow(login({ email: true, phone: true, phoneGateway: 'none' }));
    assert.equal(phoneOff.login.phone, false);
  });

  test('a login flow that can log no one in, or is not one, is refused naming the field', () => {
    const field = (raw: unknown) => {
      try {
        normalizeLoginFlow(raw);
        return 'no error';
      } catch (error) {
        assert.ok(error instanceof FlowConfigError);
        return error.field;
      }
    };
    assert.equal(field(login({ email: false, faceLiveness: false })), 'loginSettings');
    assert.equal(field(login({ email: true, emailGateway: 'none' })), 'loginSettings');
    assert.equal(field({ ...login({ email: true }), type: 'onboarding' }), 'type');
    assert.equal(field({ ...login({}), loginSettings: undefined }), 'loginSettings');
    assert.throws(() => normalizeFlow(login({ email: true })), FlowConfigError, 'an onboarding reader refuses it');
  });

  test('onboarding flows: hiddenLoginOption hides the switch unless it is false', () => {
    const onboarding = (settings: Record<string, unknown>) =>
      normalizeFlow({ _id: 'f', project: 'p', type: 'onboarding', onboardingSettings: settings });
    assert.equal(onboarding({}).hiddenLoginOption, true);
    assert.equal(onboarding({ hiddenLoginOption: false }).hiddenLoginOption, false);
    assert.equal(onboarding({}).kind, 'onboarding');
    assert.ok(!planSteps(onboarding({})).some(({ id }) => id.startsWith('login') || id === 'identify'));
  });

  test('Back from the code returns to identify; Cancel is offered after the first step', () => {
    const flow = normalizeLoginFlow(login({ email: true, faceLiveness: true }));
    const first = initialState(flow);
    assert.equal(canCancel(first), false);
    const code = transition(first, { type: 'COMPLETE' });
    assert.equal(canGoBack(code) && canCancel(code), true);
    assert.equal(transition(code, { type: 'BACK' }).index, 0);
    const face = transition(code, { type: 'COMPLETE' });
    assert.equal(canGoBack(face), false, 'a passed code stays passed');
  });

  test('selectFlow picks a login flow by type; activeFlows lists only active ones of that type', () => {
    const kyc = {
      _id: project._id,
      projectFlows: [
        { _id: 'a', type: 'onboarding', status: 'active' },
        { _id: 'b', type: 'login', status: 'paused' },
        { _id: 'c', type: 'login', status: 'active' },
      ],
    };
    assert.deepEqual(
      activeFlows(kyc, 'login').map(({ _id }) => _id),
      ['c'],
    );
    assert.equal(selectFlow(kyc, undefined, 'login')._id, 'c');
    assert.throws(() => selectFlow(kyc, 'a', 'login'), /no active login flow a/);
  });

  test('a login run saves nothing, redirects with type=login, and finishes with its AppLogin and token', async () => {
    const answers = [
      { data: { _id: 'v1', status: 'sent' } },
      { data: { status: 'validated', appLogin: { _id: 'login-1', type: 'email' }, token: 'login.jwt' } },
    ];
    const bodies: unknown[] = [];
    const answering: typeof fetch = async (_url, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify(answers.shift()), { headers: { 'content-type': 'application/json' } });
    };
    const stored = new Map<string, string>();
    Object.assign(globalThis, {
      sessionStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: stored.set.bind(stored) },
    });
    const enrollment = new Enrollment(
      project,
      normalizeProjectFlow(login({ email: true }, { redirectUrl: 'https://bank.example/in' })),
      {
        ...options,
        fetch: answering,
        prefill: () => ({ email: 'page@example.com' }),
        loginApi: LoginApi,
      },
    );
    assert.deepEqual(enrollment.fields, {}, 'the sign-up prefill is not a login');
    await enrollment.checks.sendEmailCode('ana@example.com', 'en');
    await enrollment.checks.checkEmailCode('v1', 'ana@example.com', '123456');
    assert.deepEqual(bodies[1], { emailValidationId: 'v1', email: 'ana@example.com', otp: '123456' });
    enrollment.apply({ type: 'COMPLETE' });
    enrollment.apply({ type: 'COMPLETE' });
    assert.equal(enrollment.machine.status, 'completed');
    assert.deepEqual(await enrollment.finish(), { type: 'login', appLoginId: 'login-1', token: 'login.jwt' });
    assert.equal(enrollment.redirectTarget('login.jwt'), 'https://bank.example/in?type=login&token=login.jwt');
    assert.equal(stored.size, 0, 'nothing in sessionStorage');
  });

  test('a failed login finishes with nothing to complete', async () => {
    const enrollment = new Enrollment(project, normalizeProjectFlow(login({ faceLiveness: true, maxAttempts: 1 })), {
      ...options,
      loginApi: LoginApi,
    });
    enrollment.apply({ type: 'FAIL' });
    assert.equal(enrollment.machine.status, 'failed');
    assert.equal(await enrollment.finish(), undefined);
  });
});
