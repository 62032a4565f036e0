import type { onRequestAsyncHookHandler } from 'fastify';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import type { RegistrationRecord } from '../records.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The app registration a registrant request acts for, as read when its headers arrived: for
     * its id and owner only. Decisions read it again inside the transaction that writes them.
     */
    registration: RegistrationRecord;
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
