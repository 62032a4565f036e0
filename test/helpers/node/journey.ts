import assert from 'node:assert/strict';
import type { TestSandbox } from './sandbox.js';

/** Helpers that walk an app registration through the sandbox over HTTP. */

/** A v2 flow with email and phone codes, document and liveness, merged with `settings`. */
export async function createFlow(
  sandbox: TestSandbox,
  project: string,
  settings: Record<string, unknown> = {},
  top: Record<string, unknown> = {},
): Promise<string> {
  const onboardingSettings = {
    steps: {
      signUpForm: 'mandatory',
      basicInformation: 'skip',
      document: 'mandatory',
      liveness: 'mandatory',
      form: 'skip',
    },
    signUpForm: {
      firstName: true,
      lastName: true,
      email: true,
      emailGateway: 'mailgun',
      phone: true,
      phoneGateway: 'both',
    },
    document: { compareMinScore: 0.8, maxAttempts: 3 },
    liveness: { livenessMinScore: 0.6, searchMinScore: 0.85, searchMode: 'FAST', maxAttempts: 3 },
    ...settings,
  };
  const response = await sandbox.api('POST', '/v2/project-flows', {
    project,
    type: 'onboarding',
    status: 'active',
    name: 'Test flow',
    onboardingSettings,
    ...top,
  });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body.data._id;
}

let people = 0;

/** A sign-up body for a new person. */
export function signUp(project: string, projectFlow: string, overrides: Record<string, unknown> = {}) {
  people++;
  return {
    project,
    projectFlow,
    firstName: 'Ana',
    lastName: 'García',
    email: `ana.${people}.${Date.now()}@example.com`,
    countryCode: '+57',
    phone: `30012${String(34500 + people).padStart(5, '0')}`,
    language: 'es',
    ...overrides,
  };
}

export interface Registrant {
  id: string;
  token: string;
  email: string;
  phone: string;
  countryCode: string;
  project: string;
  projectFlow: string;
}

/** Creates an app registration (public endpoint) and returns its id and registrant token. */
export async function register(
  sandbox: TestSandbox,
  project: string,
  projectFlow: string,
  overrides: Record<string, unknown> = {},
): Promise<Registrant> {
  const body = signUp(project, projectFlow, overrides);
  const response = await sandbox.api('POST', '/v2/app-registrations', body, { token: null });
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return {
    id: response.body.data.appRegistration._id,
    token: response.body.data.token,
    email: body.email,
    phone: body.phone,
    countryCode: body.countryCode,
    project,
    projectFlow,
  };
}

/** The newest code the dev outbox holds for `to`. */
export async function latestCode(sandbox: TestSandbox, to: string): Promise<string> {
  const response = await sandbox.api('GET', `/dev/outbox?to=${encodeURIComponent(to)}`, undefined, { token: null });
  assert.equal(response.status, 200);
  const [message] = response.body.data;
  assert.ok(message, `a message was sent to ${to}`);
  assert.match(message.code, /^\d{6}$/);
  return message.code;
}

/** Sends an email code and returns the validation id. */
export async function sendEmailCode(sandbox: TestSandbox, who: Registrant) {
  return sandbox.api(
    'POST',
    '/v2/email-validations/app-registration',
    {
      project: who.project,
      projectFlow: who.projectFlow,
      validationMethod: 'verificationCode',
      email: who.email,
      type: 'onboarding',
    },
    { token: who.token },
  );
}

/** Sends a phone code over `gateway`. */
export async function sendPhoneCode(sandbox: TestSandbox, who: Registrant, gateway = 'whatsapp') {
  return sandbox.api(
    'POST',
    '/v2/phone-validations/app-registration',
    {
      project: who.project,
      projectFlow: who.projectFlow,
      validationMethod: 'verificationCode',
      phone: who.phone,
      countryCode: who.countryCode,
      type: 'onboarding',
      phoneGateway: gateway,
    },
    { token: who.token },
  );
}

/** Validates the email with the code from the outbox. */
export async function passEmailCheck(sandbox: TestSandbox, who: Registrant): Promise<void> {
  const email = await sendEmailCode(sandbox, who);
  assert.equal(email.status, 200, JSON.stringify(email.body));
  const otp = Number(await latestCode(sandbox, who.email));
  const checked = await sandbox.api(
    'PUT',
    `/v2/email-validations/${email.body.data._id}`,
    { email: who.email, otp },
    { token: who.token },
  );
  assert.equal(checked.status, 200, JSON.stringify(checked.body));
}

/** Validates the phone with the code from the outbox. */
export async function passPhoneCheck(sandbox: TestSandbox, who: Registrant): Promise<void> {
  const phone = await sendPhoneCode(sandbox, who);
  assert.equal(phone.status, 200, JSON.stringify(phone.body));
  const otp = Number(await latestCode(sandbox, `${who.countryCode}${who.phone}`));
  const checked = await sandbox.api(
    'PUT',
    '/v2/phone-validations',
    { phone: who.phone, countryCode: who.countryCode, otp },
    { token: who.token },
  );
  assert.equal(checked.status, 200, JSON.stringify(checked.body));
}

/** Validates email and phone with the codes from the outbox. */
export async function passContactChecks(sandbox: TestSandbox, who: Registrant): Promise<void> {
  await passEmailCheck(sandbox, who);
  await passPhoneCheck(sandbox, who);
}
