import type { onRequestAsyncHookHandler } from 'fastify';
import { FlowConfigError, normalizeFlow } from '../../../src/flow/normalize-flow.js';
import type { NormalizedFlow } from '../../../src/flow/flow.types.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import type { StoredDoc } from '../db.js';
import { ApiError, notFound, verifikError } from '../errors.js';

/** App-registration statuses after which nothing more can be done. */
export const FINAL_STATUSES = ['COMPLETED', 'COMPLETED_WITHOUT_KYC', 'FAILED', 'NEEDS_MANUAL_VERIFICATION', 'EXPIRED'];

/** How long a registrant token lives (Verifik: 120 minutes). */
export const REGISTRANT_TOKEN_MINUTES = 120;

declare module 'fastify' {
  interface FastifyRequest {
    /** The app registration a registrant request acts for, set by {@link registrantGuard}. */
    registration: StoredDoc;
  }
}

/**
 * An `onRequest` hook for registrant routes: `Authorization: Bearer <registrant token>` (the
 * token create-app-registration returned) is required, valid and unexpired; 401 otherwise.
 */
export function registrantGuard(context: SandboxContext): onRequestAsyncHookHandler {
  return async (request) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw new ApiError(401, 'Unauthorized', 'Authorization: Bearer <registrant token> is required');
    const claims = await context.tokens.verify(match[1], 'registrant', context.now());
    const registration = context.store.get(COLLECTIONS.appRegistrations, claims.sub);
    if (!registration) throw notFound('AppRegistration');
    request.registration = registration;
    request.clientId = registration.client;
  };
}

/** A stored flow, normalized; a 409 naming the field when it cannot be run. */
export function normalizeStoredFlow(raw: StoredDoc): NormalizedFlow {
  try {
    return normalizeFlow(raw);
  } catch (error) {
    if (error instanceof FlowConfigError) throw new ApiError(409, 'projectFlow_invalid', error.message);
    throw error;
  }
}

/** The registration's flow, normalized. */
export function flowOf(context: SandboxContext, registration: StoredDoc): NormalizedFlow {
  const raw = context.store.get(COLLECTIONS.projectFlows, registration['projectFlow'] as string);
  if (!raw) throw notFound('projectFlow');
  return normalizeStoredFlow(raw);
}

/** A 409 once the registration has ended: its data can no longer change. */
export function requireOpen(registration: StoredDoc): void {
  if (FINAL_STATUSES.includes(registration['status'] as string)) {
    throw verifikError(409, 'appRegistration_already_finished', registration['status'] as string);
  }
}

/**
 * Applies `changes` to the registration as stored now, not to the copy a request read before its
 * awaits: no concurrent request's change is lost, and a registration that ended meanwhile refuses
 * them (409). better-sqlite3 is synchronous, so the read and the write cannot interleave.
 */
export function updateRegistration(
  context: SandboxContext,
  registration: StoredDoc,
  changes: Record<string, unknown>,
  options: { whenFinished?: 'refuse' | 'allow' } = {},
): StoredDoc {
  const current = context.store.get(COLLECTIONS.appRegistrations, registration._id) ?? registration;
  if (options.whenFinished !== 'allow') requireOpen(current);
  return context.store.replace(COLLECTIONS.appRegistrations, {
    ...current,
    ...changes,
    updatedAt: context.now().toISOString(),
  });
}

/** Removes every enrolled face of a registration (a restart, or a forced new selfie). */
export function deletePersons(context: SandboxContext, registration: StoredDoc): void {
  const { items } = context.store.list(
    COLLECTIONS.persons,
    registration.client,
    { appRegistration: registration._id },
    { offset: 0, limit: 1000 },
  );
  for (const person of items) context.store.delete(COLLECTIONS.persons, person._id);
}

/** Whether the contact checks the flow asks for (email and/or phone code) have passed. */
export function contactValidated(context: SandboxContext, registration: StoredDoc, flow: NormalizedFlow): boolean {
  const validated = (collection: string, id: unknown) =>
    typeof id === 'string' && context.store.get(collection, id)?.['status'] === 'validated';
  const { email, emailGateway, phone, phoneGateway } = flow.signUpForm;
  const emailOk =
    !email || emailGateway === 'none' || validated(COLLECTIONS.emailValidations, registration['emailValidation']);
  const phoneOk =
    !phone || phoneGateway === 'none' || validated(COLLECTIONS.phoneValidations, registration['phoneValidation']);
  return emailOk && phoneOk;
}

/** Counts the documents of `collection` that belong to a registration. */
export function countFor(context: SandboxContext, collection: string, registration: StoredDoc): number {
  return context.store.list(
    collection,
    registration.client,
    { appRegistration: registration._id },
    { offset: 0, limit: 1 },
  ).total;
}

/**
 * Once a registration has proved its contact, the unfinished registrations it restarts expire,
 * with their enrolled faces (see create-app-registration).
 */
export function expireSuperseded(context: SandboxContext, registration: StoredDoc): void {
  const ids = Array.isArray(registration['supersedes']) ? (registration['supersedes'] as string[]) : [];
  for (const id of ids) {
    const earlier = context.store.get(COLLECTIONS.appRegistrations, id);
    if (!earlier || FINAL_STATUSES.includes(earlier['status'] as string)) continue;
    deletePersons(context, earlier);
    updateRegistration(context, earlier, { status: 'EXPIRED', person: null });
  }
}
