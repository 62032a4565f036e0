import type { onRequestAsyncHookHandler } from 'fastify';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import type { RegistrationRecord } from '../records.js';
import { handoffOpen } from '../services/handoff.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The app registration a registrant request acts for, as read when its headers arrived: for
     * its id and owner only. Decisions read it again inside the transaction that writes them.
     */
    registration: RegistrationRecord;
    /** The handoff a phone's registrant token was exchanged for; undefined for the computer's own token. */
    handoffId: string | undefined;
  }
}

/**
 * An `onRequest` hook for registrant routes: `Authorization: Bearer <registrant token>` (the
 * token create-app-registration returned) is required, valid and unexpired; 401 otherwise. A
 * phone's token (exchanged for a handoff) acts only while its handoff is open (401
 * `handoff_closed` once finished or cancelled), unless `closedHandoff` is `allow` (the status).
 */
export function registrantGuard(
  context: SandboxContext,
  options: { closedHandoff?: 'allow' } = {},
): onRequestAsyncHookHandler {
  return async (request) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) throw new ApiError(401, 'Unauthorized', 'Authorization: Bearer <registrant token> is required');
    const claims = await context.tokens.verify(match[1], 'registrant', context.now());
    const registration = context.store.get(COLLECTIONS.appRegistrations, claims.sub);
    if (!registration) throw notFound('AppRegistration');
    if (claims.handoff && options.closedHandoff !== 'allow' && !handoffOpen(context, claims.handoff)) {
      throw new ApiError(401, 'Unauthorized', 'handoff_closed');
    }
    request.registration = registration;
    request.handoffId = claims.handoff;
    request.clientId = registration.client;
  };
}
