import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { FlowConfigError, normalizeFlow } from '../../src/flow/normalize-flow.js';

const FIXTURES = new URL('../fixtures/seed-flows/', import.meta.url);
const seed = (name: string): Record<string, unknown> => ({
  _id: '65a1d3e0c0ffee00000000aa',
  ...JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8')),
  project: '65a1d3e0c0ffee0000000001',
});

/** The field a FlowConfigError names, or 'no error'. */
function failure(raw: unknown): string {
  try {
    normalizeFlow(raw);
    return 'no error';
  } catch (error) {
    assert.ok(error instanceof FlowConfigError, String(error));
    assert.ok(error.message.startsWith(error.field), 'the message starts with the field');
    return error.field;
  }
}

describe('normalizeFlow', () => {
  const onboardingSeeds = readdirSync(FIXTURES).filter((name) => name.endsWith('.json') && !name.startsWith('login'));
  for (const name of onboardingSeeds) {
    test(`normalizes ${name} into one frozen model`, () => {
      const flow = normalizeFlow(seed(name));
      assert.ok(Object.isFrozen(flow) && Object.isFrozen(flow.steps) && Object.isFrozen(flow.signUpForm.extraFields));
      assert.equal(flow.projectId, '65a1d3e0c0ffee0000000001');
      assert.equal(flow.steps.signUpForm, 'mandatory');
      assert.ok(flow.signUpForm.email || flow.signUpForm.phone);
      assert.ok(flow.liveness.minScore > 0 && flow.liveness.minScore <= 1);
      assert.ok(flow.document.maxAttempts >= 1);
    });
  }

  test('seed 002: nested onboardingSettings', () => {
    const flow = normalizeFlow(seed('002-onboarding-settings.json'));
    assert.deepEqual(flow.steps, {
      signUpForm: 'mandatory',
      basicInformation: 'optional',
      document: 'optional',
      liveness: 'optional',
      form: 'optional',
    });
    assert.equal(flow.signUpForm.nameStyle, 'separate');
    assert.equal(flow.signUpForm.phoneGateway, 'whatsapp');
    assert.equal(flow.document.compareMinScore, 0.67);
    assert.equal(flow.document.maxAttempts, 10);
    assert.deepEqual(flow.liveness, { maxAttempts: 10, minScore: 0.65, searchMinScore: 0.85, searchMode: 'FAST' });
    assert.equal(flow.redirectUrl, 'https://google.com/');
    assert.equal(flow.status, 'active');
  });

  test('seed 002 with its sections at the top level reads the same', () => {
    const nested = normalizeFlow(seed('002-onboarding-settings.json'));
    const topLevel = normalizeFlow(seed('002-top-level-sections.json'));
    assert.deepEqual(topLevel, nested);
  });

  test('seed 003: the flat v3 shape', () => {
    const flow = normalizeFlow(seed('003-v3-flat.json'));
    assert.deepEqual(flow.steps, {
      signUpForm: 'mandatory',
      basicInformation: 'skip',
      document: 'mandatory',
      liveness: 'mandatory',
      form: 'skip',
    });
    assert.equal(flow.signUpForm.nameStyle, 'separate');
    assert.equal(flow.signUpForm.defaultCountry, 'US');
    assert.deepEqual(flow.document.categories, ['government_id']);
    assert.equal(flow.document.scan, true);
    assert.equal(flow.document.upload, false);
    assert.deepEqual(flow.liveness, { maxAttempts: 3, minScore: 0.65, searchMinScore: 0.8, searchMode: 'FAST' });
  });

  test('seed 001: the generic configuration + steps shape', () => {
    const flow = normalizeFlow(seed('001-generic-configuration-steps.json'));
    assert.equal(flow.signUpForm.email, true);
    assert.equal(flow.signUpForm.phone, true);
    assert.equal(flow.signUpForm.phoneGateway, 'sms');
    assert.equal(flow.steps.liveness, 'mandatory');
    assert.equal(flow.steps.document, 'skip');
  });

  test('seed 004: the tutorial flows fill every default', () => {
    const basic = normalizeFlow(seed('004-basic-enrollment.json'));
    assert.deepEqual(basic.steps, {
      signUpForm: 'mandatory',
      basicInformation: 'skip',
      document: 'optional',
      liveness: 'optional',
      form: 'skip',
    });
    assert.equal(basic.signUpForm.email, true);
    assert.equal(basic.signUpForm.emailGateway, 'mailgun');
    assert.equal(basic.signUpForm.phone, false);
    assert.deepEqual(basic.liveness, { maxAttempts: 3, minScore: 0.6, searchMinScore: 0.9, searchMode: 'ACCURATE' });
    assert.equal(basic.document.compareMinScore, 0.85);
    assert.equal(normalizeFlow(seed('004-full-verification.json')).steps.document, 'mandatory');
  });

  const v2 = seed('002-onboarding-settings.json');

  test('a flow that allows neither scan nor upload scans, as Verifik does', () => {
    const methods = (document: Record<string, unknown>) => {
      const { scan, upload } = normalizeFlow({ ...v2, onboardingSettings: { document } }).document;
      return { scan, upload };
    };
    assert.deepEqual(methods({ scanDocumentAllowed: false, uploadDocumentAllowed: false }), {
      scan: true,
      upload: false,
    });
    assert.deepEqual(methods({ scanDocumentAllowed: false, uploadDocumentAllowed: true }), {
      scan: false,
      upload: true,
    });
    assert.deepEqual(methods({}), { scan: true, upload: true });
    const v3 = seed('003-v3-flat.json');
    const v3Methods = normalizeFlow({ ...v3, documents: { verificationMethods: ['NFC'] } }).document;
    assert.deepEqual([v3Methods.scan, v3Methods.upload], [true, false]);
  });

  const broken: [string, unknown, string][] = [
    ['not an object', 'flow', ''],
    ['no id', { ...v2, _id: undefined }, '_id'],
    ['no project', { ...v2, project: undefined }, 'project'],
    ['a login flow', seed('login-settings.json'), 'type'],
    [
      'a step requirement out of the enum',
      { ...v2, onboardingSettings: { steps: { document: 'sometimes' } } },
      'onboardingSettings.steps.document',
    ],
    [
      'a score above 1',
      { ...v2, onboardingSettings: { liveness: { livenessMinScore: 1.5 } } },
      'onboardingSettings.liveness.livenessMinScore',
    ],
    [
      'a string score',
      { ...v2, onboardingSettings: { document: { compareMinScore: '0.8' } } },
      'onboardingSettings.document.compareMinScore',
    ],
    [
      'zero attempts',
      { ...v2, onboardingSettings: { document: { maxAttempts: 0 } } },
      'onboardingSettings.document.maxAttempts',
    ],
    [
      'no email and no phone',
      { ...v2, onboardingSettings: { signUpForm: { email: false, phone: false } } },
      'onboardingSettings.signUpForm',
    ],
    [
      'a bad gateway',
      { ...v2, signUpForm: { phone: true, phoneGateway: 'pager' }, onboardingSettings: undefined },
      'signUpForm.phoneGateway',
    ],
    ['a javascript: redirect', { ...v2, redirectUrl: 'javascript:alert(1)' }, 'redirectUrl'],
    [
      'a v3 redirect that is not http',
      { ...seed('003-v3-flat.json'), integrations: { redirectUrl: 'ftp://x' } },
      'integrations.redirectUrl',
    ],
    [
      'a v3 category out of the enum',
      {
        ...seed('003-v3-flat.json'),
        documents: { documentTypes: [{ configurations: [{ documentCategory: 'visa' }] }] },
      },
      'documents.documentTypes[0].configurations[0].documentCategory',
    ],
    [
      'a generic step of unknown type',
      { ...seed('001-generic-configuration-steps.json'), steps: [{ stepType: 'fax' }] },
      'steps[0].stepType',
    ],
    ['a section that is not an object', { ...v2, onboardingSettings: 'on' }, 'onboardingSettings'],
    [
      'an extra field without a name',
      { ...v2, onboardingSettings: { signUpForm: { extraFields: [{ label: 'x' }] } } },
      'onboardingSettings.signUpForm.extraFields[0]',
    ],
  ];
  for (const [what, raw, field] of broken) {
    test(`refuses ${what}, naming ${field || 'the flow'}`, () => {
      assert.equal(failure(raw), field);
    });
  }

  test('name styles: together, separate, none', () => {
    const form = (signUp: Record<string, unknown>) =>
      normalizeFlow({ ...v2, onboardingSettings: { signUpForm: signUp } }).signUpForm.nameStyle;
    assert.equal(form({ fullName: true }), 'together');
    assert.equal(form({ firstName: true, lastName: true }), 'separate');
    assert.equal(form({ fullName: true, fullNameStyle: 'separate' }), 'separate');
    assert.equal(form({ fullName: false, fullNameStyle: 'together' }), 'none');
    assert.equal(form({ email: true }), 'none');
  });

  test('extra fields from names or objects', () => {
    const flow = normalizeFlow({
      ...v2,
      onboardingSettings: { signUpForm: { extraFields: ['company', { name: 'role', label: 'Role', required: true }] } },
    });
    assert.deepEqual(flow.signUpForm.extraFields, [
      { name: 'company', label: 'company', type: 'text', required: false },
      { name: 'role', label: 'Role', type: 'text', required: true },
    ]);
  });
});
