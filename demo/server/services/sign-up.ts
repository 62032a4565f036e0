import { isValidPhoneNumber } from 'libphonenumber-js';
import { z } from 'zod';
import type { NormalizedFlow } from '../../../src/flow/flow.types.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound, verifikError } from '../errors.js';
import { isObjectId, newObjectId } from '../ids.js';
import type { InformationRecord, RegistrationRecord } from '../records.js';
import { isFinished, normalizeStoredFlow } from './registration.js';
import { checkSecurity } from './security.js';
import { registrationStatusChanged } from './webhooks.js';

/** A sign-up as sent (already checked for types and lengths). */
export interface SignUpInput extends Partial<SignUpDetails> {
  project: string;
  projectFlow: string;
  language?: string | undefined;
  /** The integrator's own id for the person. */
  reference?: string | undefined;
}

/** The contact details and names a registration keeps. */
export type SignUpDetails = Pick<
  RegistrationRecord,
  'email' | 'phone' | 'countryCode' | 'firstName' | 'lastName' | 'fullName'
>;

/** Extra sign-up fields (company, role, location…) are kept, up to this size as JSON. */
export const MAX_EXTRA_BYTES = 8 * 1024;

const emailFormat = z.email();
const blank = (value: string | undefined) => (value ?? '').trim() === '';
const missing = (what: string) => new ApiError(409, 'MissingParameter', what);

/** The contact details and names of a sign-up, normalized and checked against the flow's form. */
export function signUpDetails(input: SignUpInput, flow: NormalizedFlow): SignUpDetails {
  const email = blank(input.email) ? undefined : input.email!.replace(/\s+/g, '').toLowerCase();
  const phone = blank(input.phone) ? undefined : input.phone!.replace(/[\s().-]/g, '');
  const countryCode = blank(input.countryCode) ? undefined : input.countryCode!.trim();
  const form = flow.signUpForm;

  if (!email && !phone) throw missing('Needs an email or a phone at least');
  if (form.email && !email) throw missing('missing email');
  if (form.phone && !phone) throw missing('missing phone');
  if (email && !emailFormat.safeParse(email).success) throw verifikError(409, 'invalid_email');
  if (phone) {
    if (!countryCode) throw missing('missing countryCode');
    if (!/^\+\d{1,3}$/.test(countryCode)) throw missing('Invalid countryCode format: a + and 1 to 3 digits');
    if (!/^\d+$/.test(phone) || !isValidPhoneNumber(`${countryCode}${phone}`)) throw verifikError(409, 'invalid_phone');
  }

  let { firstName, lastName, fullName } = input;
  if (form.nameStyle === 'separate') {
    if (blank(firstName)) throw missing('missing firstName');
    if (blank(lastName)) throw missing('missing lastName');
  }
  if (blank(fullName) && !blank(firstName)) {
    fullName = [firstName, lastName]
      .map((name) => name?.trim())
      .filter(Boolean)
      .join(' ');
  }
  if (form.nameStyle === 'together' && blank(fullName)) throw missing('missing fullName');
  [firstName, lastName, fullName] = [firstName, lastName, fullName].map((name) => name?.trim() || undefined);
  return {
    email,
    phone: phone && countryCode ? phone : undefined,
    countryCode: phone ? countryCode : undefined,
    firstName,
    lastName,
    fullName,
  };
}

/** Earlier, unexpired registrations of the same person in the same flow: by email, or by phone. */
export function earlierRegistrations(
  context: SandboxContext,
  client: string,
  projectFlow: string,
  details: SignUpDetails,
): { registration: RegistrationRecord; by: 'email' | 'phone' }[] {
  const page = { offset: 0, limit: 100 };
  const find = (where: Partial<Record<keyof RegistrationRecord, string>>) =>
    context.store.list(COLLECTIONS.appRegistrations, client, { projectFlow, ...where }, page).items;
  return [
    ...(details.email ? find({ email: details.email }) : []).map((registration) => ({
      registration,
      by: 'email' as const,
    })),
    ...(details.phone && details.countryCode
      ? find({ phone: details.phone, countryCode: details.countryCode })
      : []
    ).map((registration) => ({ registration, by: 'phone' as const })),
  ].filter(({ registration }) => registration.status !== 'EXPIRED');
}

/**
 * A new app registration. A second sign-up of the same email or phone in the same flow starts a
 * new registration; the unfinished earlier one expires (with its enrolled face) only once the new
 * one has passed a one-time code, so nobody can cancel someone else's registration by knowing
 * their email. Refused once one has finished.
 */
export function createRegistration(
  context: SandboxContext,
  input: SignUpInput,
  extra: Record<string, unknown>,
): { registration: RegistrationRecord; informationValidation: InformationRecord } {
  const { store } = context;
  const project = isObjectId(input.project) ? store.get(COLLECTIONS.projects, input.project) : undefined;
  if (!project) throw notFound('project');
  const rawFlow = isObjectId(input.projectFlow) ? store.get(COLLECTIONS.projectFlows, input.projectFlow) : undefined;
  if (!rawFlow || rawFlow.project !== project._id || rawFlow.type !== 'onboarding' || rawFlow.status !== 'active') {
    throw notFound('projectFlow');
  }
  const details = signUpDetails(input, normalizeStoredFlow(rawFlow));
  checkSecurity(rawFlow, details);
  if (JSON.stringify(extra).length > MAX_EXTRA_BYTES) {
    throw new ApiError(
      413,
      'PAYLOAD_TOO_LARGE',
      `extra sign-up fields must total at most ${MAX_EXTRA_BYTES} bytes of JSON`,
    );
  }

  return store.transaction(() => {
    const earlier = earlierRegistrations(context, project.client, rawFlow._id, details);
    for (const { registration, by } of earlier) {
      if (isFinished(registration)) throw verifikError(409, `${by}_is_registered_already`);
    }
    const now = context.now();
    const owner = { client: project.client, createdAt: now.toISOString(), updatedAt: now.toISOString() };
    const id = newObjectId(now);
    const names = { fullName: details.fullName, firstName: details.firstName, lastName: details.lastName };
    const informationValidation = store.insert(COLLECTIONS.informationValidations, {
      ...owner,
      _id: newObjectId(now),
      appRegistration: id,
      project: project._id,
      ...names,
    });
    const registration = store.insert(COLLECTIONS.appRegistrations, {
      ...owner,
      _id: id,
      project: project._id,
      projectFlow: rawFlow._id,
      status: 'STARTED',
      currentStep: '1',
      email: details.email,
      phone: details.phone,
      countryCode: details.countryCode,
      ...names,
      language: input.language ?? 'en',
      reference: input.reference,
      informationValidation: informationValidation._id,
      emailValidation: null,
      phoneValidation: null,
      documentValidation: null,
      biometricValidation: null,
      compareFaceVerification: null,
      person: null,
      signature: null,
      supersedes: earlier.map(({ registration }) => registration._id),
      failedValidations: 0,
      extra,
    });
    registrationStatusChanged(context, registration, null);
    return { registration, informationValidation };
  });
}
