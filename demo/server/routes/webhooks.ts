import type { FastifyInstance } from 'fastify';
import { clientGuard } from '../auth.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { isObjectId } from '../ids.js';
import { listDeliveries, rollWebhookSecret } from '../services/webhooks.js';
import { DEV_ONLY } from './dev.js';

/**
 * Webhooks: the delivery log and a manual redeliver for developers (`/dev/`, behind the same
 * guard as the other development routes), and a new signing secret for a flow (client token).
 */
export function webhookRoutes(app: FastifyInstance, context: SandboxContext): void {
  /** The latest deliveries (event, target, attempts), newest first; `appRegistration` and `status` filter. */
  app.get('/dev/webhooks', { config: DEV_ONLY }, async (request) => {
    const where: Partial<Record<'appRegistration' | 'status', string>> = {};
    for (const field of ['appRegistration', 'status'] as const) {
      const value = (request.query as Record<string, unknown>)[field];
      if (typeof value === 'string') where[field] = value;
      else if (value !== undefined) throw new ApiError(400, 'INVALID_TYPE', `${field} must be given once`);
    }
    return { data: listDeliveries(context, where) };
  });

  /** Sends a delivery again now, whatever its status; answers it with the attempt logged. */
  app.post<{ Params: { id: string } }>('/dev/webhooks/:id/redeliver', { config: DEV_ONLY }, async (request) => {
    const { id } = request.params;
    const delivery = isObjectId(id) ? context.store.get(COLLECTIONS.webhookDeliveries, id) : undefined;
    if (!delivery || delivery.client !== context.client.id) throw notFound('webhookDelivery');
    if (!context.webhooks) throw new ApiError(503, 'Unavailable', 'webhooks are not sent by this server');
    return { data: await context.webhooks.redeliver(delivery) };
  });

  /** A new signing secret for the flow's webhooks, shown this once; the earlier one stops working. */
  app.post<{ Params: { id: string } }>(
    '/v2/project-flows/:id/webhook-secret',
    { onRequest: clientGuard(context.client) },
    async (request) => {
      const { id } = request.params;
      const flow = isObjectId(id) ? context.store.get(COLLECTIONS.projectFlows, id) : undefined;
      if (!flow || flow.client !== request.clientId) throw notFound('projectFlow');
      return { data: { _id: flow._id, webhookSecret: rollWebhookSecret(context, flow._id) } };
    },
  );
}
