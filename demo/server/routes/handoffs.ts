import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { ApiError } from '../errors.js';
import { endHandoff, exchangeHandoff, handoffStatus, issueHandoff } from '../services/handoff.js';
import { text } from '../validation/fields.js';
import { parseRegistrantBody } from './registrant-body.js';
import { registrantGuard } from './registrant-guard.js';

/**
 * Cross-device handoff (the sandbox's own API; see docs/integration.md): the computer issues a
 * token for its registration, the phone exchanges it, both read the status and either cancels.
 */

const exchangeSchema = z.looseObject({ token: text(200) });
const endSchema = z.looseObject({ status: z.literal('finished') });

/** The registration in the path must be the token's own: no one acts on another's handoff. */
function ownRegistration(request: FastifyRequest<{ Params: { id: string } }>) {
  if (request.params.id !== request.registration._id) throw new ApiError(403, 'Forbidden', 'not_your_registration');
  return request.registration;
}

export function handoffRoutes(app: FastifyInstance, context: SandboxContext): void {
  const guard = registrantGuard(context);
  const current = '/v2/app-registrations/:id/handoffs/current';

  app.post<{ Params: { id: string } }>('/v2/app-registrations/:id/handoffs', { onRequest: guard }, async (request) => {
    // A phone cannot hand off further: only the registration's own session issues tokens.
    if (request.handoffId) throw new ApiError(403, 'Forbidden', 'handoff_cannot_issue');
    return { data: issueHandoff(context, ownRegistration(request)) };
  });

  app.get<{ Params: { id: string } }>(
    current,
    { onRequest: registrantGuard(context, { closedHandoff: 'allow' }) },
    async (request) => ({ data: handoffStatus(context, ownRegistration(request), request.handoffId) }),
  );

  app.delete<{ Params: { id: string } }>(current, { onRequest: guard }, async (request) => ({
    data: endHandoff(
      context,
      ownRegistration(request),
      { status: 'cancelled', by: request.handoffId ? 'phone' : 'computer' },
      request.handoffId,
    ),
  }));

  app.put<{ Params: { id: string } }>(current, { onRequest: guard }, async (request) => {
    parseRegistrantBody(endSchema, request.body);
    if (!request.handoffId) throw new ApiError(403, 'Forbidden', 'only_the_phone_finishes');
    return { data: endHandoff(context, ownRegistration(request), { status: 'finished' }, request.handoffId) };
  });

  app.post('/v2/handoffs/exchange', async (request) => {
    const { token } = parseRegistrantBody(exchangeSchema, request.body);
    return { data: await exchangeHandoff(context, token, request.ip) };
  });
}
