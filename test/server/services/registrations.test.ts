import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { COLLECTIONS, type SandboxContext } from '../../../demo/server/context.js';
import { ApiError } from '../../../demo/server/errors.js';
import { checkJsonText } from '../../../demo/server/json-bounds.js';
import { DEMO_IDS } from '../../../demo/server/seed.js';
import { registrationOwner, sendCode, verifyCode } from '../../../demo/server/services/codes.js';
import { eraseRegistration, purgeFinished } from '../../../demo/server/services/erasure.js';
import { resendLink } from '../../../demo/server/services/link-tokens.js';
import { readOutbox } from '../../../demo/server/services/outbox.js';
import { readPopulates } from '../../../demo/server/services/populate.js';
import { createRegistration, signUpDetails } from '../../../demo/server/services/sign-up.js';
import { syncRegistration, syncTransition } from '../../../demo/server/services/sync.js';
import { normalizeFlow } from '../../../src/flow/normalize-flow.js';
import { serviceContext } from '../../helpers/node/context.js';

/** The sandbox's business rules called directly, on a real database, without HTTP. */

const code = (error: unknown) => (error instanceof ApiError ? error.code : String(error));

describe('registration services', () => {
  let context: SandboxContext;
  let clock: { offset: number };
  let close: () => void;
  let people = 0;

  before(async () => ({ context, clock, close } = await serviceContext()));
  after(() => close());

  const signUp = (overrides: Record<string, string> = {}) =>
    createRegistration(
      context,
      {
        project: DEMO_IDS.project,
        projectFlow: DEMO_IDS.basicFlow,
        email: `p${++people}@example.com`,
        phone: `300 ${2_000_000 + people}`,
        countryCode: '+57',
        firstName: ' Ana ',
        lastName: 'García',
        ...overrides,
      },
      {},
    ).registration;

  test('sign-up details are normalized and checked against the form', () => {
    const flow = normalizeFlow(context.store.get(COLLECTIONS.projectFlows, DEMO_IDS.basicFlow));
    const details = signUpDetails(
      {
        project: '',
        projectFlow: '',
        email: ' Ana@Example.COM ',
        phone: '(300) 123-4567',
        countryCode: '+57',
        firstName: ' Ana ',
        lastName: 'García',
      },
      flow,
    );
    assert.deepEqual(details, {
      email: 'ana@example.com',
      phone: '3001234567',
      countryCode: '+57',
      firstName: 'Ana',
      lastName: 'García',
      fullName: 'Ana García',
    });
    assert.throws(
      () =>
        signUpDetails(
          {
            project: '',
            projectFlow: '',
            email: 'a@b.co',
            phone: '1',
            countryCode: '+57',
            firstName: 'A',
            lastName: 'B',
          },
          flow,
        ),
      /invalid_phone/,
    );
  });

  test('a second sign-up supersedes the unfinished one; a finished one refuses it', () => {
    const first = signUp({ email: 'same@example.com', phone: '3001112233' });
    const second = signUp({ email: 'same@example.com', phone: '3001112234' });
    assert.deepEqual(second.supersedes, [first._id]);
    syncRegistration(context, second._id, 'instructions', 'ONGOING');
    context.store.replace(COLLECTIONS.appRegistrations, { ...second, status: 'FAILED' });
    assert.throws(
      () => signUp({ email: 'same@example.com', phone: '3001112235' }),
      (error) => code(error) === 'email_is_registered_already',
    );
  });

  test('the sync state machine', () => {
    assert.equal(syncTransition('end', 'COMPLETED'), 'COMPLETED');
    assert.throws(
      () => syncTransition('nowhere', 'ONGOING'),
      (error) => code(error) === 'step_not_supported',
    );
    assert.throws(
      () => syncTransition('end', 'ONGOING'),
      (error) => code(error) === 'status_not_allowed_for_step',
    );
    const who = signUp();
    assert.throws(
      () => syncRegistration(context, who._id, 'signUpForm', 'ONGOING'),
      /signUpForm_validation_not_passed/,
    );
    assert.equal(syncRegistration(context, who._id, 'end', 'FAILED').registration.status, 'FAILED');
    assert.throws(
      () => syncRegistration(context, who._id, 'end', 'FAILED'),
      (error) => code(error) === 'appRegistration_already_finished',
    );
  });

  test('codes: throttled, sent sealed to the outbox, checked by HMAC', () => {
    const who = signUp();
    const send = () =>
      sendCode(
        context,
        COLLECTIONS.emailValidations,
        registrationOwner(who),
        { email: who.email! },
        { type: 'onboarding', validationMethod: 'verificationCode' },
        { channel: 'email', to: who.email! },
        '10.0.0.1',
      );
    const validation = send();
    assert.throws(
      () => send(),
      (error) => code(error) === 'otp_resend_too_soon',
    );
    const [message] = readOutbox(context, { to: who.email! });
    assert.match(message!.code!, /^\d{6}$/);
    assert.ok(
      !JSON.stringify(context.store.list(COLLECTIONS.outbox, undefined, {}, { offset: 0, limit: 100 })).includes(
        message!.code!,
      ),
    );
    assert.throws(
      () =>
        verifyCode(
          context,
          COLLECTIONS.emailValidations,
          validation,
          message!.code === '000000' ? '000001' : '000000',
          'email',
        ),
      /otp_does_not_match/,
    );
    const stored = context.store.get(COLLECTIONS.emailValidations, validation._id)!;
    assert.equal(
      verifyCode(context, COLLECTIONS.emailValidations, stored, message!.code!, 'email').status,
      'validated',
    );
  });

  test('resend-link builds the link on the configured public URL', async () => {
    const who = signUp();
    const { link } = await resendLink(context, who, {});
    assert.ok(link.startsWith('https://kyc.example/?project='), link);
  });

  test('erasure and retention', () => {
    const gone = signUp();
    eraseRegistration(context, gone._id);
    assert.equal(context.store.get(COLLECTIONS.appRegistrations, gone._id), undefined);
    assert.equal(context.store.get(COLLECTIONS.informationValidations, gone.informationValidation), undefined);
    const finished = signUp();
    syncRegistration(context, finished._id, 'end', 'FAILED');
    const open = signUp();
    clock.offset += 8 * 86_400_000;
    assert.ok(purgeFinished(context, 7) >= 1);
    assert.equal(context.store.get(COLLECTIONS.appRegistrations, finished._id), undefined);
    assert.ok(context.store.get(COLLECTIONS.appRegistrations, open._id));
  });

  test('populates are deduplicated and bounded', () => {
    assert.deepEqual(readPopulates({ 'populates[]': Array(50).fill('failedDocumentValidations') }), [
      'failedDocumentValidations',
    ]);
    assert.deepEqual(readPopulates({ populates: 'project,project,projectFlow' }), ['project', 'projectFlow']);
    assert.throws(() => readPopulates({ 'populates[]': Array(200).fill('project') }), /at most 100/);
  });

  test('JSON bounds: depth and key count, strings ignored', () => {
    assert.doesNotThrow(() => checkJsonText(`{"a":"${'{'.repeat(100)}"}`));
    assert.throws(
      () => checkJsonText(`${'['.repeat(25)}${']'.repeat(25)}`),
      (error) => code(error) === 'JSON_TOO_DEEP',
    );
    assert.throws(
      () => checkJsonText(JSON.stringify(Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [i, 0])))),
      (error) => code(error) === 'JSON_TOO_MANY_KEYS',
    );
  });
});
