import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import {
  createFlow,
  latestCode,
  register,
  sendEmailCode,
  sendPhoneCode,
  type Registrant,
} from '../helpers/node/journey.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/** A clock the tests move. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };
const minutes = (count: number) => count * 60_000;

describe('one-time codes', () => {
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;
  let who: Registrant;

  before(async () => {
    sandbox = await startTestSandbox({ now: clock.now });
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
  });
  beforeEach(async () => {
    clock.offset = 0;
    who = await register(sandbox, project, flow);
  });
  after(() => sandbox.close());

  const checkEmail = (id: string, otp: unknown, email = who.email) =>
    sandbox.api('PUT', `/v2/email-validations/${id}`, { email, otp }, { token: who.token });
  const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  test('a code is 6 digits, delivered to the outbox, stored only hashed, valid 10 minutes', async () => {
    const sent = await sendEmailCode(sandbox, who);
    assert.equal(sent.status, 200);
    const validation = sent.body.data;
    assert.deepEqual(
      [validation.status, validation.new, validation.sent, validation.email],
      ['sent', true, true, who.email],
    );
    assert.equal(Date.parse(validation.expiresAt) - Date.parse(validation.sentAt), minutes(10));
    assert.equal(
      JSON.stringify(validation).includes(await latestCode(sandbox, who.email)),
      false,
      'the code is not in the answer',
    );
    assert.equal(validation._codeHash, undefined);
    const outbox = await sandbox.api('GET', `/dev/outbox?to=${encodeURIComponent(who.email)}`, undefined, {
      token: null,
    });
    assert.match(outbox.body.data[0].text, /^Tu código de verificación es \d{6}\./, 'in the registrant’s language');
  });

  test('a wrong code says how many tries are left; the fifth locks the code, even for the right one', async () => {
    const { body } = await sendEmailCode(sandbox, who);
    const code = await latestCode(sandbox, who.email);
    for (const left of [4, 3, 2, 1]) {
      const response = await checkEmail(body.data._id, Number(wrong(code)));
      assert.deepEqual(
        [response.status, response.body.code, response.body.message],
        [403, 'otp_does_not_match', `403:otp_does_not_match@${left}`],
      );
    }
    const fifth = await checkEmail(body.data._id, Number(wrong(code)));
    assert.deepEqual([fifth.status, fifth.body.code], [403, 'otp_attempts_exceeded']);
    const right = await checkEmail(body.data._id, Number(code));
    assert.deepEqual([right.status, right.body.code], [403, 'otp_attempts_exceeded'], 'locked until a new code');

    clock.offset = 31_000;
    const resent = await sendEmailCode(sandbox, who);
    assert.deepEqual(
      [resent.body.data._id, resent.body.data.new, resent.body.data.attemptsLeft],
      [body.data._id, false, 5],
    );
    const fresh = await latestCode(sandbox, who.email);
    assert.equal((await checkEmail(body.data._id, fresh)).status, 200, 'a new code unlocks');
  });

  test('a new code is throttled for 30 seconds', async () => {
    assert.equal((await sendEmailCode(sandbox, who)).status, 200);
    clock.offset = 10_000;
    const early = await sendEmailCode(sandbox, who);
    assert.deepEqual(
      [early.status, early.body.code, early.body.message],
      [429, 'otp_resend_too_soon', '429:otp_resend_too_soon@20'],
    );
    clock.offset = 30_000;
    assert.equal((await sendEmailCode(sandbox, who)).status, 200);
  });

  test('at most five codes per registration and contact', async () => {
    for (let sent = 0; sent < 5; sent++) {
      clock.offset = sent * 31_000;
      assert.equal((await sendEmailCode(sandbox, who)).status, 200);
    }
    clock.offset = 5 * 31_000;
    const sixth = await sendEmailCode(sandbox, who);
    assert.deepEqual([sixth.status, sixth.body.message], [429, '429:otp_send_limit_reached@5']);
  });

  test('an expired code is a 412, and the old code stops working once a new one is sent', async () => {
    const { body } = await sendEmailCode(sandbox, who);
    const first = await latestCode(sandbox, who.email);
    clock.offset = minutes(10) + 1000;
    const expired = await checkEmail(body.data._id, first);
    assert.deepEqual(
      [expired.status, expired.body.code, expired.body.message],
      [412, 'emailValidation_has_expired', '412:emailValidation_has_expired'],
    );

    const renewed = await sendEmailCode(sandbox, who);
    assert.notEqual(renewed.body.data._id, body.data._id, 'an expired validation is not reused');
    const second = await latestCode(sandbox, who.email);
    if (second !== first) assert.equal((await checkEmail(renewed.body.data._id, first)).status, 403);
    assert.equal((await checkEmail(renewed.body.data._id, second)).status, 200);
  });

  test('validation errors: missing fields, unknown ids, another email, malformed codes', async () => {
    const { body } = await sendEmailCode(sandbox, who);
    const missing = await sandbox.api(
      'PUT',
      `/v2/email-validations/${body.data._id}`,
      { email: who.email },
      { token: who.token },
    );
    assert.deepEqual([missing.status, missing.body.code], [409, 'missing_email_and_otp']);
    const unknown = await checkEmail('64a1b2c3d4e5f67890123456', 123456);
    assert.deepEqual([unknown.status, unknown.body.code], [404, 'email_validation_not_found']);
    assert.equal((await checkEmail(body.data._id, 123456, 'other@example.com')).status, 404);
    for (const otp of ['12345', '1234567', 'abcdef', 1_000_000, -1, 1.5, null, {}]) {
      assert.equal((await checkEmail(body.data._id, otp)).status, 400, JSON.stringify(otp));
    }
    const other = await register(sandbox, project, flow);
    const crossed = await sandbox.api(
      'PUT',
      `/v2/email-validations/${body.data._id}`,
      { email: who.email, otp: 1 },
      { token: other.token },
    );
    assert.equal(crossed.status, 404, 'another registrant cannot try this validation');
  });

  test('creating a validation checks its body against the registration', async () => {
    const base = {
      project,
      projectFlow: flow,
      validationMethod: 'verificationCode',
      email: who.email,
      type: 'onboarding',
    };
    const send = (body: Record<string, unknown>) =>
      sandbox.api('POST', '/v2/email-validations/app-registration', body, { token: who.token });
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, project: undefined }, 409, 'MissingParameter'],
      [{ ...base, type: 'party' }, 400, 'INVALID_ENUM'],
      [{ ...base, validationMethod: 'carrier' }, 400, 'INVALID_ENUM'],
      [{ ...base, email: 'someone.else@example.com' }, 409, 'email_does_not_match_registration'],
      [{ ...base, project: '64a1b2c3d4e5f67890123456' }, 404, 'NotFound'],
      [{ ...base, validationMethod: 'manual' }, 409, 'validation_method_not_supported'],
    ];
    for (const [body, status, code] of cases) {
      const response = await send(body);
      assert.deepEqual([response.status, response.body.code], [status, code], JSON.stringify(body));
    }
    assert.equal(
      (await send({ ...base, email: ` ${who.email.toUpperCase()} ` })).status,
      200,
      'emails are compared lower-cased',
    );
  });

  test('phone codes go by the chosen gateway when the flow allows both, and validate without an id', async () => {
    const sent = await sendPhoneCode(sandbox, who, 'sms');
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.data.phoneGateway, 'sms');
    const outbox = await sandbox.api(
      'GET',
      `/dev/outbox?to=${encodeURIComponent(`${who.countryCode}${who.phone}`)}`,
      undefined,
      { token: null },
    );
    assert.equal(outbox.body.data[0].channel, 'sms');
    const check = (phone: string, otp: unknown) =>
      sandbox.api('PUT', '/v2/phone-validations', { phone, countryCode: who.countryCode, otp }, { token: who.token });
    assert.deepEqual(
      [(await check('3000000000', 123456)).status, (await check('3000000000', 123456)).body.code],
      [404, 'phone_validation_not_found'],
    );
    const code = outbox.body.data[0].code;
    assert.equal((await check(who.phone, wrong(code))).body.message, '403:otp_does_not_match@4');
    const ok = await check(who.phone, code);
    assert.equal(ok.status, 200);
    assert.equal(ok.body.data.status, 'validated');
  });

  test('a flow without phone codes refuses to send one', async () => {
    const emailOnly = await createFlow(sandbox, project, {
      signUpForm: { firstName: true, lastName: true, email: true, phone: true, phoneGateway: 'none' },
    });
    const person = await register(sandbox, project, emailOnly);
    const response = await sendPhoneCode(sandbox, person);
    assert.deepEqual([response.status, response.body.code], [409, 'phone_validation_not_enabled']);
  });

  test('a project in demo mode also accepts its demo code', async () => {
    const demoProject = await createProject(sandbox, { name: 'Demo bank', demoMode: true, demoOTP: '246810' });
    const demoFlow = await createFlow(sandbox, demoProject);
    const person = await register(sandbox, demoProject, demoFlow);
    const { body } = await sendEmailCode(sandbox, person);
    const response = await sandbox.api(
      'PUT',
      `/v2/email-validations/${body.data._id}`,
      { email: person.email, otp: 246810 },
      { token: person.token },
    );
    assert.equal(response.status, 200);
    const notDemo = await sendEmailCode(sandbox, who);
    assert.equal((await checkEmail(notDemo.body.data._id, 246810)).status, 403, 'other projects do not');
  });
});
