import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { clientGuard } from '../auth.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { isObjectId, newObjectId } from '../ids.js';
import type { WebhookRecord } from '../records.js';
import { httpUrl, objectId, text } from '../validation/fields.js';
import { parseOrThrow } from '../validation/issues.js';
import {
  type JsonObject,
  listEnvelope,
  mergeDeep,
  objectBody,
  paging,
  queryString,
  withoutServerFields,
} from './shared.js';

/**
 * Verifik's Webhook resource (`/v2/webhooks`, client token): a named target URL that flows
 * reference by id (`webhook`, v3 `integrations.webhook`) or that is linked to flows when created
 * (`link`). Events go to it while it exists and `isActive`; deleting it stops them, queued ones too.
 */

const webhookSchema = z.looseObject({
  name: text(120),
  url: httpUrl(),
  isActive: z.boolean().optional(),
  description: text(2000).optional(),
  link: z.array(objectId()).optional(),
});

export function webhookResourceRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { store } = context;
  const admin = { onRequest: clientGuard(context.client) };

  function ownedWebhook(clientId: string, id: string): WebhookRecord {
    const webhook = isObjectId(id) ? store.get(COLLECTIONS.webhooks, id) : undefined;
    if (!webhook || webhook.client !== clientId) throw notFound('webhook');
    return webhook;
  }

  /** The body checked; `link` names only the client's flows, answered as `projectFlow`. */
  function checked(clientId: string, body: JsonObject): Omit<JsonObject, 'link'> & { projectFlow?: string[] } {
    const { link, ...fields } = parseOrThrow(webhookSchema, body);
    if (link === undefined) return fields;
    link.forEach((id, index) => {
      const flow = store.get(COLLECTIONS.projectFlows, id);
      if (flow?.client === clientId) return;
      const field = `link[${index}]`;
      const message = `${field}: project flow ${id} does not exist`;
      throw new ApiError(404, 'INVALID_PROJECT_FLOW_ID', message, [
        { field, code: 'INVALID_PROJECT_FLOW_ID', message },
      ]);
    });
    return { ...fields, projectFlow: link };
  }

  app.post('/v2/webhooks', admin, async (request) => {
    const { clientId } = request;
    const fields = checked(clientId, withoutServerFields(objectBody(request.body)));
    const now = context.now().toISOString();
    const webhook = store.insert(COLLECTIONS.webhooks, {
      isActive: true,
      projectFlow: [],
      // Verifik's defaults; the sandbox sends no e-mail notifications.
      notification: { success: false, fail: true },
      statistics: {},
      ...(fields as Pick<WebhookRecord, 'name' | 'url'>),
      _id: newObjectId(context.now()),
      client: clientId,
      createdAt: now,
      updatedAt: now,
    });
    return { data: webhook };
  });

  app.get('/v2/webhooks', admin, async (request) => {
    const page = paging(request.query);
    const url = queryString(request.query, 'where_url');
    const { items, total } = store.list(COLLECTIONS.webhooks, request.clientId, url ? { url } : {}, page);
    return listEnvelope(items, total, page);
  });

  app.get<{ Params: { id: string } }>('/v2/webhooks/:id', admin, async (request) => ({
    data: ownedWebhook(request.clientId, request.params.id),
  }));

  /** A partial update (`isActive: false` pauses deliveries, as deleting does for good). */
  app.put<{ Params: { id: string } }>('/v2/webhooks/:id', admin, async (request) => {
    const { clientId } = request;
    const webhook = ownedWebhook(clientId, request.params.id);
    const { projectFlow: _linked, ...current } = webhook;
    const merged = mergeDeep(current, withoutServerFields(objectBody(request.body)));
    const fields = checked(clientId, withoutServerFields(merged));
    const updated = store.replace(COLLECTIONS.webhooks, {
      ...webhook,
      ...(fields as Partial<WebhookRecord>),
      updatedAt: context.now().toISOString(),
    });
    return { data: updated };
  });

  /** Deletes the webhook and answers it; flows that reference it send nothing more. */
  app.delete<{ Params: { id: string } }>('/v2/webhooks/:id', admin, async (request) => {
    const webhook = ownedWebhook(request.clientId, request.params.id);
    store.delete(COLLECTIONS.webhooks, webhook._id);
    return { data: webhook };
  });
}
