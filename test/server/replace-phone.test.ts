import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  createFlow,
  passContactChecks,
  passEmailCheck,
  passPhoneCheck,
  register,
  sendPhoneCode,
  type Registrant,
} from '../helpers/node/journey.js';
import { createProject, startTestSandbox, type TestSandbox } from '../helpers/node/sandbox.js';

/**
 * `PUT /v2/app-registrations/{id}` with `{countryCode, phone, replacePhone: true}`: a registrant
 * corrects their number on the same registration (the widget's Back to the sign-up).
 */
describe('replacing the phone of a registration', () => {
  let sandbox: TestSandbox;
  let project: string;
  let flow: string;

  before(async () => {
    sandbox = await startTestSandbox();
    project = await createProject(sandbox);
    flow = await createFlow(sandbox, project);
  });
  after(() => sandbox.close());

  const replace = (who: Registrant, body: Record<string, unknown>) =>
    sandbox.api('PUT', `/v2/app-registrations/${who.id}`, { replacePhone: true, ...body }, { token: who.token });
  const me = async (who: Registrant) =>
    (await sandbox.api('GET', '/v2/app-registrations/me', undefined, { token: who.token })).body.data;

  test('the new number replaces the old one; the email code stands, a new phone code is needed', async () => {
    const who = await register(sandbox, project, flow);
    await passEmailCheck(sandbox, who);
    const phone = who.phone.replace(/^300/, '301');
    const answer = await replace(who, { phone: ` ${phone} `, countryCode: '+57' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const registration = await me(who);
    assert.equal(registration._id, who.id);
    assert.deepEqual([registration.phone, registration.countryCode], [phone, '+57']);
    assert.notEqual(registration.emailValidation, null, 'the email stays verified');
    const toOld = await sendPhoneCode(sandbox, who);
    assert.deepEqual([toOld.status, toOld.body.code], [409, 'phone_does_not_match_registration']);
    await passPhoneCheck(sandbox, { ...who, phone });
  });

  test('a code passed for the old number no longer counts', async () => {
    const who = await register(sandbox, project, flow);
    await passContactChecks(sandbox, who);
    assert.notEqual((await me(who)).phoneValidation, null);
    const answer = await replace(who, { phone: who.phone.replace(/^300/, '302'), countryCode: '+57' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal((await me(who)).phoneValidation, null);
  });

  test('bad numbers are refused with the field named, and the registration keeps its number', async () => {
    const who = await register(sandbox, project, flow);
    for (const [body, code, message] of [
      [{ phone: '123', countryCode: '+57' }, 'invalid_phone', undefined],
      [{ countryCode: '+57' }, 'MissingParameter', 'missing phone'],
      [{ phone: who.phone }, 'MissingParameter', 'missing countryCode'],
    ] as const) {
      const answer = await replace(who, body);
      assert.equal(answer.status, 409, JSON.stringify(answer.body));
      assert.equal(answer.body.code, code);
      if (message) assert.equal(answer.body.message, message);
    }
    assert.equal((await me(who)).phone, who.phone);
  });

  test("another person's token cannot change the registration", async () => {
    const [who, other] = [await register(sandbox, project, flow), await register(sandbox, project, flow)];
    const answer = await sandbox.api(
      'PUT',
      `/v2/app-registrations/${who.id}`,
      { replacePhone: true, phone: '3019999999', countryCode: '+57' },
      { token: other.token },
    );
    assert.equal(answer.status, 403);
    assert.equal((await me(who)).phone, who.phone);
  });
});
