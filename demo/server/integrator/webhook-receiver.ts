import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A reference webhook receiver for YOUR server: it checks that an event comes from Verifik (the
 * signature over the timestamp and the exact body, with your flow's secret), refuses old or
 * replayed requests, and hands each event to your code once, however often it is delivered.
 * Verifik delivers at least once: a retry or a manual redeliver repeats the same event id.
 */

/** The event as sent (see the sandbox's webhooks service). */
export interface ReceivedEvent {
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, unknown>;
}

/** Why a request was refused. */
export type WebhookRefusal = 'signature_missing' | 'signature_malformed' | 'timestamp_too_old' | 'signature_mismatch';

export class WebhookSignatureError extends Error {
  constructor(readonly reason: WebhookRefusal) {
    super(reason);
    this.name = 'WebhookSignatureError';
  }
}

/** How far a request's timestamp may be from your clock: an older request is a replay. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Checks the `Verifik-Signature` header (`t=<unix seconds>,v1=<hex>`) against the raw body, as
 * received (parse it only afterwards), and answers the event. Throws a {@link WebhookSignatureError}.
 */
export function verifyWebhook(
  secret: string,
  header: string | undefined,
  rawBody: string,
  { now = Date.now(), toleranceSeconds = DEFAULT_TOLERANCE_SECONDS } = {},
): ReceivedEvent {
  if (!header) throw new WebhookSignatureError('signature_missing');
  const parts = new Map<string, string[]>();
  for (const item of header.split(',')) {
    const [key, value] = item.trim().split('=', 2);
    if (key && value) parts.set(key, [...(parts.get(key) ?? []), value]);
  }
  const timestamp = Number(parts.get('t')?.[0]);
  const signatures = parts.get('v1') ?? [];
  if (!Number.isInteger(timestamp) || signatures.length === 0) throw new WebhookSignatureError('signature_malformed');
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) throw new WebhookSignatureError('timestamp_too_old');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest();
  // Several v1 entries are allowed (while a secret is being rolled): one must match.
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new WebhookSignatureError('signature_mismatch');
  return JSON.parse(rawBody) as ReceivedEvent;
}

/** Remembers the events already handled. Use your database (a unique key on the event id) in production. */
export interface HandledEvents {
  has(id: string): boolean | Promise<boolean>;
  add(id: string): unknown;
}

export interface WebhookReceiverOptions {
  /** Your flow's signing secret (shown once when the flow got its webhook URL). */
  secret: () => string | undefined;
  /** Your code: update the user's verification state. Throw to have Verifik retry later. */
  handle: (event: ReceivedEvent) => void | Promise<void>;
  handled?: HandledEvents;
  now?: () => number;
}

/**
 * A receiver: answers `{status, body}` for a request's signature header and raw body. 400 for a
 * request that is not from Verifik (or too old), 200 for an event handled now or before, 500 when
 * `handle` failed (Verifik retries), 503 when no secret is configured.
 */
export function webhookReceiver(options: WebhookReceiverOptions) {
  const handled = options.handled ?? new Set<string>();
  const underway = new Set<string>();
  return async (signature: string | undefined, rawBody: string): Promise<{ status: number; body: object }> => {
    const secret = options.secret();
    if (!secret) return { status: 503, body: { error: 'webhook_secret_not_configured' } };
    let event: ReceivedEvent;
    try {
      event = verifyWebhook(secret, signature, rawBody, { now: options.now?.() ?? Date.now() });
    } catch (error) {
      if (error instanceof WebhookSignatureError) return { status: 400, body: { error: error.reason } };
      return { status: 400, body: { error: 'body_not_json' } };
    }
    // The same event twice (a retry that crossed our answer, a redeliver): handled once.
    if (underway.has(event.id) || (await handled.has(event.id))) return { status: 200, body: { duplicate: true } };
    underway.add(event.id);
    try {
      await options.handle(event);
      await handled.add(event.id);
    } catch {
      return { status: 500, body: { error: 'handler_failed' } };
    } finally {
      underway.delete(event.id);
    }
    return { status: 200, body: { received: true } };
  };
}
