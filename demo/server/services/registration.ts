import { FlowConfigError, normalizeFlow } from '../../../src/flow/normalize-flow.js';
import type { NormalizedFlow } from '../../../src/flow/flow.types.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound, verifikError } from '../errors.js';
import type { FlowRecord, RegistrationRecord, RegistrationStatus } from '../records.js';
import { registrationStatusChanged } from './webhooks.js';

/** App-registration statuses after which nothing more can be done. */
export const FINAL_STATUSES: readonly RegistrationStatus[] = [
  'COMPLETED',
  'COMPLETED_WITHOUT_KYC',
  'FAILED',
  'NEEDS_MANUAL_VERIFICATION',
  'EXPIRED',
];

/** How long a registrant token lives (Verifik: 120 minutes). */
export const REGISTRANT_TOKEN_MINUTES = 120;

/** Whether a registration has ended. */
export const isFinished = (registration: RegistrationRecord): boolean => FINAL_STATUSES.includes(registration.status);

/** A stored flow, normalized; a 409 naming the field when it cannot be run. */
export function normalizeStoredFlow(raw: FlowRecord): NormalizedFlow {
  try {
    return normalizeFlow(raw);
  } catch (error) {
    if (error instanceof FlowConfigError) throw new ApiError(409, 'projectFlow_invalid', error.message);
    throw error;
  }
}

/** The registration's flow, normalized. */
export function flowOf(context: SandboxContext, registration: RegistrationRecord): NormalizedFlow {
  const raw = context.store.get(COLLECTIONS.projectFlows, registration.projectFlow);
  if (!raw) throw notFound('projectFlow');
  return normalizeStoredFlow(raw);
}

/** A 409 once the registration has ended: its data can no longer change. */
export function requireOpen(registration: RegistrationRecord): void {
  if (isFinished(registration)) throw verifikError(409, 'appRegistration_already_finished', registration.status);
}

/** The registration as stored now; a 404 once it has been erased. */
export function currentRegistration(context: SandboxContext, id: string): RegistrationRecord {
  const registration = context.store.get(COLLECTIONS.appRegistrations, id);
  if (!registration) throw notFound('AppRegistration');
  return registration;
}

/**
 * Applies `changes` to the registration as stored now, not to the copy a request read before its
 * awaits: no concurrent request's change is lost, and a registration that ended meanwhile refuses
 * them (409). Call it inside the transaction that took the decision (a status change queues its
 * webhook event in that transaction too).
 */
export function updateRegistration(
  context: SandboxContext,
  id: string,
  changes: Partial<RegistrationRecord>,
  options: { whenFinished?: 'refuse' | 'allow' } = {},
): RegistrationRecord {
  const current = currentRegistration(context, id);
  if (options.whenFinished !== 'allow') requireOpen(current);
  const updated = context.store.replace(COLLECTIONS.appRegistrations, {
    ...current,
    ...changes,
    updatedAt: context.now().toISOString(),
  });
  if (updated.status !== current.status) registrationStatusChanged(context, updated, current.status);
  return updated;
}

/** Whether the contact checks the flow asks for (email and/or phone code) have passed. */
export function contactValidated(
  context: SandboxContext,
  registration: RegistrationRecord,
  flow: NormalizedFlow,
): boolean {
  const { email, emailGateway, phone, phoneGateway } = flow.signUpForm;
  const emailOk =
    !email ||
    emailGateway === 'none' ||
    (registration.emailValidation !== null &&
      context.store.get(COLLECTIONS.emailValidations, registration.emailValidation)?.status === 'validated');
  const phoneOk =
    !phone ||
    phoneGateway === 'none' ||
    (registration.phoneValidation !== null &&
      context.store.get(COLLECTIONS.phoneValidations, registration.phoneValidation)?.status === 'validated');
  return emailOk && phoneOk;
}

/**
 * Once a registration has proved its contact, the unfinished registrations it restarts expire,
 * with their enrolled faces (see the sign-up).
 */
export function expireSuperseded(context: SandboxContext, registration: RegistrationRecord): void {
  for (const id of registration.supersedes) {
    const earlier = context.store.get(COLLECTIONS.appRegistrations, id);
    if (!earlier || isFinished(earlier)) continue;
    context.store.deleteWhere(COLLECTIONS.persons, 'appRegistration', earlier._id);
    updateRegistration(context, earlier._id, { status: 'EXPIRED', person: null });
  }
}
