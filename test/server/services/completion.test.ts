import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kycIsMandatory, missingForCompletion, type Evidence } from '../../../demo/server/services/completion.js';
import type { AttemptRecord, CompareRecord, RegistrationRecord } from '../../../demo/server/records.js';
import { normalizeFlow } from '../../../src/flow/normalize-flow.js';

/** Completion derived from the widget's plan, without HTTP or a database. */

const flow = (steps: Record<string, string>, extra: Record<string, unknown> = {}) =>
  normalizeFlow({
    _id: '65a1d3e0c0ffee00000000aa',
    project: '65a1d3e0c0ffee0000000001',
    type: 'onboarding',
    onboardingSettings: {
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'skip',
        liveness: 'skip',
        form: 'skip',
        ...steps,
      },
      signUpForm: { email: true, emailGateway: 'mailgun' },
      ...extra,
    },
  });

const registration = { _id: 'r', basicInformation: undefined, signature: null } as unknown as RegistrationRecord;
const capture = (id: string, status = 'VALIDATED') => ({ _id: id, status }) as unknown as AttemptRecord;
const match = (gallery: string, probe: string, passed: boolean) =>
  ({ gallery: [gallery], probe: [probe], result: { passed } }) as unknown as CompareRecord;

describe('completion', () => {
  const full = flow({ document: 'mandatory', liveness: 'mandatory' });

  test('a mandatory capture without proof names the first missing step of the plan', () => {
    assert.equal(missingForCompletion({ registration }, full), 'document');
    assert.equal(missingForCompletion({ registration, document: capture('d') }, full), 'liveness');
    assert.equal(
      missingForCompletion({ registration, document: capture('d'), selfie: capture('s') }, full),
      'faceMatch',
    );
  });

  test('a match counts only for the document and selfie it compared', () => {
    const evidence: Evidence = {
      registration,
      document: capture('d2'),
      selfie: capture('s'),
      compare: match('d1', 's', true),
    };
    assert.equal(missingForCompletion(evidence, full), 'faceMatch');
    assert.equal(missingForCompletion({ ...evidence, compare: match('d2', 's', true) }, full), undefined);
    assert.equal(missingForCompletion({ ...evidence, compare: match('d2', 's', false) }, full), 'faceMatch');
  });

  test('optional captures may be missing, but a failed match of optional ones still blocks', () => {
    const optional = flow({ document: 'optional', liveness: 'optional' });
    assert.equal(missingForCompletion({ registration }, optional), undefined);
    const unmatched: Evidence = {
      registration,
      document: capture('d'),
      selfie: capture('s'),
      compare: match('d', 's', false),
    };
    assert.equal(missingForCompletion(unmatched, optional), 'faceMatch');
  });

  test('basic information and a required signature', () => {
    assert.equal(missingForCompletion({ registration }, flow({ basicInformation: 'mandatory' })), 'basicInformation');
    assert.equal(missingForCompletion({ registration }, flow({}, { requiresSignature: true })), 'form');
    const signed = { ...registration, signature: 'sig' };
    assert.equal(missingForCompletion({ registration: signed }, flow({}, { requiresSignature: true })), undefined);
  });

  test('KYC can be skipped only when no KYC step of the plan is mandatory', () => {
    assert.equal(kycIsMandatory(flow({ document: 'optional', liveness: 'optional' })), false);
    assert.equal(kycIsMandatory(full), true);
    assert.equal(kycIsMandatory(flow({}, { requiresSignature: true })), true);
  });
});
