import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Enrollment } from '../../src/enroll/enrollment.js';
import { normalizeProjectFlow } from '../../src/flow/normalize-flow.js';

const project = { _id: '65a1d3e0c0ffee0000000001', name: 'Bank' };
const flow = (redirectUrl?: string) => ({
  _id: '65a1d3e0c0ffee0000000002',
  project: project._id,
  type: 'onboarding',
  status: 'active',
  ...(redirectUrl === undefined ? {} : { redirectUrl }),
  onboardingSettings: { steps: { document: 'optional' } },
});
const options = { apiUrl: 'https://api.example.test', tokenEndpoint: undefined, fetch: undefined, persist: false };

describe('Enrollment', () => {
  test('redirects Verifik’s way: the flow’s URL with type=onboarding and the final token', () => {
    const enrollment = new Enrollment(
      project,
      normalizeProjectFlow(flow('https://bank.example/done?from=kyc')),
      options,
    );
    assert.equal(enrollment.redirectTarget('a.b.c'), 'https://bank.example/done?from=kyc&type=onboarding&token=a.b.c');
    assert.equal(
      new Enrollment(project, normalizeProjectFlow(flow('')), options).redirectTarget('t'),
      undefined,
      'no redirect without a URL',
    );
  });

  test('a flow that cannot run is an invalid_flow error naming the field', () => {
    assert.throws(
      () => new Enrollment(project, normalizeProjectFlow(flow('javascript:alert(1)')), options),
      (error: Error & { code?: string }) => error.code === 'invalid_flow' && error.message.startsWith('redirectUrl'),
    );
  });

  test('finish answers Verifik’s final status, and refuses a status it does not know', async () => {
    let status = 'NEEDS_MANUAL_VERIFICATION';
    const answering: typeof fetch = async () =>
      new Response(JSON.stringify({ data: { token: 'final', status } }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    const enrollment = new Enrollment(project, normalizeProjectFlow(flow()), { ...options, fetch: answering });
    enrollment.api.resume('65a1d3e0c0ffee00000000aa', 'registrant');
    const result = await enrollment.finish();
    assert.deepEqual(result, {
      type: 'onboarding',
      appRegistrationId: '65a1d3e0c0ffee00000000aa',
      status,
      token: 'final',
    });
    status = 'ONGOING';
    await assert.rejects(enrollment.finish(), (error: Error & { code?: string }) => error.code === 'invalid_response');
  });

  test('restart forgets progress and typed values', () => {
    const enrollment = new Enrollment(project, normalizeProjectFlow(flow()), options);
    enrollment.apply({ type: 'COMPLETE' });
    enrollment.keep({ email: 'ana@example.com' });
    enrollment.restart();
    assert.equal(enrollment.machine.index, 0);
    assert.deepEqual(enrollment.fields, {});
  });
});
