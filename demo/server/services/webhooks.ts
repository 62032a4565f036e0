import { createHmac } from 'node:crypto';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError } from '../errors.js';
import { isObjectId, newObjectId } from '../ids.js';
import type {
  AppLoginRecord,
  FlowRecord,
  RegistrationRecord,
  WebhookDeliveryRecord,
  WebhookEvent,
  WebhookRecord,
} from '../records.js';

/**
 * Webhooks: every registration status change (and, through {@link emitWebhookEvent}, any other
 * service's event) becomes a delivery queued in the database, in the same transaction as the
 * change, so an event is never lost and is sent at least once (see webhook-sender.ts). Each flow
 * signs its events with its own secret, shown once (Stripe's scheme: an HMAC-SHA256 over
 * `timestamp.body`, in the {@link SIGNATURE_HEADER} header).
 */

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`. */
export const SIGNATURE_HEADER = 'verifik-signature';

/** The event type sent when a registration's status changes. */
export const STATUS_CHANGED = 'app_registration.status_changed';

/** The event type sent when a person logs in through a login flow (an AppLogin is stored). */
export const APP_LOGIN_SUCCEEDED = 'app_login.succeeded';

/** Where a flow's events go, and the webhook resource that named it (null for a plain URL). */
export interface WebhookTarget {
  url: string;
  webhook: string | null;
}

/** The webhook resource `id` of the client, while it exists and is active. */
export function activeWebhook(context: SandboxContext, client: string, id: unknown): WebhookRecord | undefined {
  const webhook = typeof id === 'string' && isObjectId(id) ? context.store.get(COLLECTIONS.webhooks, id) : undefined;
  return webhook && webhook.client === client && webhook.isActive ? webhook : undefined;
}

/** The webhook resource a flow references: v2 `webhook`, v3 `integrations.webhook`. */
export function webhookReference(flow: Record<string, unknown>): unknown {
  const integrations = flow['integrations'] as { webhook?: unknown } | undefined;
  return flow['webhook'] ?? integrations?.webhook;
}

/**
 * A 404 `INVALID_WEBHOOK_ID` naming the field when `body` (a flow, or the changes to one)
 * references a webhook resource the client does not have.
 */
export function checkWebhookReferences(context: SandboxContext, client: string, body: Record<string, unknown>): void {
  const integrations = body['integrations'] as { webhook?: unknown } | undefined;
  const references = [
    ['webhook', body['webhook']],
    ['integrations.webhook', integrations?.webhook],
  ] as const;
  for (const [field, id] of references) {
    if (id === undefined || id === null) continue;
    const webhook = typeof id === 'string' && isObjectId(id) ? context.store.get(COLLECTIONS.webhooks, id) : undefined;
    if (webhook?.client === client) continue;
    const message = `${field}: webhook ${String(id)} does not exist`;
    throw new ApiError(404, 'INVALID_WEBHOOK_ID', message, [{ field, code: 'INVALID_WEBHOOK_ID', message }]);
  }
}

/** The active webhook resource that lists the flow among the flows it was linked to (`link`). */
const linkedWebhook = (context: SandboxContext, flow: FlowRecord) =>
  context.store
    .list(COLLECTIONS.webhooks, flow.client, {}, { offset: 0, limit: 100, order: 'asc' })
    .items.find((webhook) => webhook.isActive && webhook.projectFlow.includes(flow._id));

/**
 * Where a flow's events go: the active webhook resource its `webhook` references (or, without a
 * reference, one linked to it), else its v2 `webhookUrl` (v3's `integrations.webhookUrl` too). A
 * deleted or inactive webhook sends nothing.
 */
export function webhookTarget(context: SandboxContext, flow: FlowRecord): WebhookTarget | undefined {
  const reference = webhookReference(flow);
  const webhook =
    reference === undefined || reference === null
      ? linkedWebhook(context, flow)
      : activeWebhook(context, flow.client, reference);
  if (webhook) return { url: webhook.url, webhook: webhook._id };
  const integrations = flow['integrations'] as { webhookUrl?: unknown } | undefined;
  const url = flow['webhookUrl'] ?? integrations?.webhookUrl;
  return typeof url === 'string' && url !== '' ? { url, webhook: null } : undefined;
}

const secretKey = (flowId: string) => `webhookSecret:${flowId}`;

/**
 * A flow's signing secret, derived from the sandbox's key and the flow's secret generation (so
 * the database alone does not hold it); undefined before one was issued.
 */
export function flowWebhookSecret(context: SandboxContext, flowId: string): string | undefined {
  const generation = context.store.getMeta(secretKey(flowId));
  if (generation === undefined) return undefined;
  const mac = createHmac('sha256', context.secret('webhooks')).update(`${flowId}:${generation}`);
  return `whsec_${mac.digest('base64url')}`;
}

/**
 * Issues a new signing secret for the flow (the next generation: the earlier secret stops
 * working) and answers it: the only time it is shown.
 */
export function rollWebhookSecret(context: SandboxContext, flowId: string): string {
  const generation = Number(context.store.getMeta(secretKey(flowId)) ?? 0) + 1;
  context.store.setMeta(secretKey(flowId), String(generation));
  return flowWebhookSecret(context, flowId)!;
}

/**
 * The secret to show with a flow just created or changed: a new one the first time the flow has
 * a webhook target, else undefined (a secret is shown once; roll it to see a new one).
 */
export function issueWebhookSecret(context: SandboxContext, flow: FlowRecord): string | undefined {
  if (!webhookTarget(context, flow) || flowWebhookSecret(context, flow._id) !== undefined) return undefined;
  return rollWebhookSecret(context, flow._id);
}

/** The signature header's value for `body` sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * Queues `type` with `data` for the flow's webhook, if it has one; answers the event queued.
 * Call it inside the transaction that made the change, so both are kept or neither. For other
 * services (logins): `data` carries ids and statuses, never images or personal data.
 */
export function emitWebhookEvent(
  context: SandboxContext,
  about: { projectFlow: string; appRegistration?: string | undefined },
  type: string,
  data: WebhookEvent['data'],
): WebhookEvent | undefined {
  const flow = context.store.get(COLLECTIONS.projectFlows, about.projectFlow);
  const target = flow && webhookTarget(context, flow);
  if (!flow || !target) return undefined;
  const now = context.now();
  const id = newObjectId(now);
  const event: WebhookEvent = { id: `evt_${id}`, type, createdAt: now.toISOString(), data };
  context.store.insert(COLLECTIONS.webhookDeliveries, {
    _id: id,
    client: flow.client,
    appRegistration: about.appRegistration ?? null,
    projectFlow: flow._id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    url: target.url,
    webhook: target.webhook,
    event,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now.toISOString(),
    deliveredAt: null,
    log: [],
  });
  // After the caller's transaction: the sender runs on a later turn of the event loop.
  context.webhooks?.wake();
  return event;
}

/** Queues the registration's new status for its flow's webhook. */
export function registrationStatusChanged(
  context: SandboxContext,
  registration: RegistrationRecord,
  previousStatus: string | null,
): void {
  emitWebhookEvent(
    context,
    { projectFlow: registration.projectFlow, appRegistration: registration._id },
    STATUS_CHANGED,
    {
      appRegistration: registration._id,
      project: registration.project,
      projectFlow: registration.projectFlow,
      status: registration.status,
      previousStatus,
      reference: registration.reference ?? null,
    },
  );
}

/**
 * Queues a stored AppLogin for its login flow's webhook: its id, the factor that identified the
 * person and the registration that logged in (ids only, as for registrations).
 */
export function appLoginSucceeded(context: SandboxContext, appLogin: AppLoginRecord): void {
  const registration = context.store.get(COLLECTIONS.appRegistrations, appLogin.appRegistration);
  emitWebhookEvent(
    context,
    { projectFlow: appLogin.projectFlow, appRegistration: appLogin.appRegistration },
    APP_LOGIN_SUCCEEDED,
    {
      appLogin: appLogin._id,
      appRegistration: appLogin.appRegistration,
      project: appLogin.project,
      projectFlow: appLogin.projectFlow,
      type: appLogin.type,
      status: appLogin.status,
      reference: registration?.reference ?? null,
    },
  );
}

/** The client's latest deliveries, newest first (the playground's and `GET /dev/webhooks`' list). */
export function listDeliveries(
  context: SandboxContext,
  where: Partial<Record<'appRegistration' | 'status', string>>,
): WebhookDeliveryRecord[] {
  return context.store.list(COLLECTIONS.webhookDeliveries, context.client.id, where, { offset: 0, limit: 50 }).items;
}
