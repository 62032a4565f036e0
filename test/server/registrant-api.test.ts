import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { RegistrantApi } from '../../src/api/registrant-api.js';
import { DEMO_IDS } from '../../demo/server/seed.js';
import { latestCode } from '../helpers/node/journey.js';
import { startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/** Node's fetch with one cookie jar, as a browser tab would have. */
function browserLikeFetch(): typeof fetch {
  const jar = new Map<string, string>();
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    const cookie = response.headers.get('set-cookie');
    const [pair] = cookie?.split(';') ?? [];
    if (pair) jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    return response;
  };
}

/** The widget's registrant client against the real sandbox and its reference token endpoint. */
describe('RegistrantApi against the sandbox', () => {
  let sandbox: TestSandbox;
  const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };
  before(async () => {
    sandbox = await startTestSandbox({ now: clock.now });
  });
  after(() => sandbox.close());

  const client = (tokenEndpoint: string | undefined, tokens: string[] = []) =>
    new RegistrantApi({
      apiUrl: sandbox.sandbox.url,
      project: DEMO_IDS.project,
      projectFlow: DEMO_IDS.basicFlow,
      tokenEndpoint,
      fetch: browserLikeFetch(),
      onToken: (_id, token) => tokens.push(token),
    });

  test('signs up through the token endpoint, validates the email code and finishes', async () => {
    const tokens: string[] = [];
    const api = client(`${sandbox.sandbox.url}/api/verifik/registration`, tokens);
    const email = `widget.${Date.now()}@example.com`;
    const id = await api.signUp({
      firstName: 'Ana',
      lastName: 'García',
      email,
      phone: '3001234567',
      countryCode: '+57',
      language: 'es',
      extra: {},
    });
    assert.match(id, /^[0-9a-f]{24}$/);
    assert.equal(tokens.length, 1);

    const validation = await api.sendEmailCode(email, 'es');
    await assert.rejects(api.checkEmailCode(validation._id, email, '000000'), { code: 'otp_does_not_match' });
    await api.checkEmailCode(validation._id, email, await latestCode(sandbox, email));
    const phone = await api.sendPhoneCode('3001234567', '+57', 'sms', 'es');
    assert.ok(phone._id);
    await api.checkPhoneCode('3001234567', '+57', await latestCode(sandbox, '+573001234567'));
    const end = await api.sync('skipKYC', 'COMPLETED_WITHOUT_KYC');
    assert.equal(end.status, 'COMPLETED_WITHOUT_KYC');
    assert.equal(typeof end.token, 'string');
  });

  test('an expired token is refreshed once through the token endpoint', async () => {
    const tokens: string[] = [];
    const api = client(`${sandbox.sandbox.url}/api/verifik/registration`, tokens);
    const email = `refresh.${Date.now()}@example.com`;
    await api.signUp({
      firstName: 'Bea',
      lastName: 'Lima',
      email,
      phone: '3001234568',
      countryCode: '+57',
      language: 'pt',
    });
    clock.offset = 121 * 60_000;
    try {
      const validation = await api.sendEmailCode(email, 'pt');
      assert.ok(validation._id);
      assert.equal(tokens.length, 2, 'one new token');
    } finally {
      clock.offset = 0;
    }
  });

  test('without a token endpoint it signs up at Verifik directly, and a 401 is final', async () => {
    const api = client(undefined);
    const email = `direct.${Date.now()}@example.com`;
    await api.signUp({
      firstName: 'Cris',
      lastName: 'Silva',
      email,
      phone: '3001234569',
      countryCode: '+57',
      language: 'en',
    });
    clock.offset = 121 * 60_000;
    try {
      await assert.rejects(api.sendEmailCode(email, 'en'), { status: 401 });
    } finally {
      clock.offset = 0;
    }
  });

  test('Verifik’s refusals arrive as typed errors', async () => {
    const api = client(undefined);
    await assert.rejects(
      api.signUp({
        firstName: 'Dan',
        lastName: 'Roa',
        email: 'bad@',
        phone: '3001234560',
        countryCode: '+57',
        language: 'en',
      }),
      {
        status: 409,
        code: 'invalid_email',
      },
    );
  });
});
