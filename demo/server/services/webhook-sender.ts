import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { EventEmitter } from 'node:events';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { isLoopbackAddress } from '../routes/dev.js';
import type { WebhookAttempt, WebhookDeliveryRecord } from '../records.js';
import { activeWebhook, flowWebhookSecret, SIGNATURE_HEADER, signWebhook } from './webhooks.js';

/** How failed deliveries are retried. */
export interface WebhookRetry {
  /** Wait after the first failed attempt; each later wait doubles. */
  firstDelayMs: number;
  /** Longest wait between two attempts. */
  maxDelayMs: number;
  /** Attempts before a delivery is given up (it can still be redelivered by hand). */
  maxAttempts: number;
}

/** About 6 hours of retries: 10 s, 20 s, 40 s … capped at an hour, 12 attempts. */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetry = { firstDelayMs: 10_000, maxDelayMs: 3_600_000, maxAttempts: 12 };

export interface WebhookSenderOptions {
  retry?: WebhookRetry | undefined;
  /** Send to any host; by default only to this machine (no requests into the network around it). */
  allowAnyHost?: boolean | undefined;
  /** How long a receiver has to answer. */
  timeoutMs?: number | undefined;
}

/** Attempts kept in a delivery's log. */
const LOG_LENGTH = 20;
/** Deliveries sent per pass; the rest follow at once in the next pass. */
const BATCH = 20;

/** The wait before attempt `attempts + 1`, after `attempts` failures. */
const retryDelay = (retry: WebhookRetry, attempts: number): number =>
  Math.min(retry.maxDelayMs, retry.firstDelayMs * 2 ** Math.max(0, attempts - 1));

class TargetRefused extends Error {}

/**
 * A DNS lookup that refuses names resolving to addresses off this machine: the check is made on
 * the address the request connects to, so a name cannot resolve differently between check and use.
 */
function loopbackLookup(
  hostname: string,
  options: { all?: boolean },
  callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const offMachine = addresses.find(({ address }) => !isLoopbackAddress(address));
    if (offMachine) return callback(new TargetRefused(`${hostname} is not this machine`), []);
    if (options.all) return callback(null, addresses);
    return callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

/**
 * Why a target is refused before any connection: not http(s), or an address off this machine
 * (names are checked as they resolve, by {@link loopbackLookup}).
 */
function refusal(url: URL, options: WebhookSenderOptions): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} is not http or https`;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowAnyHost && isIP(host) && !isLoopbackAddress(host)) return `${host} is not this machine`;
  return undefined;
}

/** One POST; answers the status, or throws when the receiver cannot be reached. */
function post(url: URL, headers: Record<string, string>, body: string, options: WebhookSenderOptions): Promise<number> {
  const refused = refusal(url, options);
  if (refused) return Promise.reject(new TargetRefused(refused));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
    timeout: options.timeoutMs ?? 10_000,
    ...(options.allowAnyHost ? {} : { lookup: loopbackLookup as RequestOptions['lookup'] }),
  };
  return new Promise((resolve, reject) => {
    const request = send(url, requestOptions, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('timeout', () => request.destroy(new Error('no answer in time')));
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * Sends the queued webhook deliveries: each due one in turn, a failed one again after a doubling
 * wait. Everything it knows is in the database, so a restart picks up where it stopped; a delivery
 * cut short by a stop is sent again (at least once: receivers deduplicate on the event id).
 * Emits `attempt` with the delivery after each attempt.
 */
export class WebhookSender extends EventEmitter {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private readonly retry: WebhookRetry;

  constructor(
    private readonly context: SandboxContext,
    private readonly options: WebhookSenderOptions = {},
  ) {
    super();
    this.retry = options.retry ?? DEFAULT_WEBHOOK_RETRY;
  }

  /** Sends what is due now (events just queued, retries whose time has come). */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.pass())
      .catch((error: unknown) => console.error('webhook delivery failed:', error))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        } else this.schedule();
      });
  }

  /** Stops sending; what is still queued waits in the database for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Sends one delivery now, by hand, whatever its status; answers it as updated. */
  async redeliver(delivery: WebhookDeliveryRecord): Promise<WebhookDeliveryRecord> {
    return this.attempt(delivery, true);
  }

  private pending(): WebhookDeliveryRecord[] {
    return this.context.store.list(
      COLLECTIONS.webhookDeliveries,
      undefined,
      { status: 'pending' },
      { offset: 0, limit: 1000, order: 'asc' },
    ).items;
  }

  private async pass(): Promise<void> {
    const now = this.context.now().toISOString();
    const due = this.pending().filter(({ nextAttemptAt }) => nextAttemptAt !== null && nextAttemptAt <= now);
    for (const delivery of due.slice(0, BATCH)) {
      if (this.closed) return;
      await this.attempt(delivery, false);
    }
    if (due.length > BATCH) this.again = true;
  }

  /** Waits for the earliest retry (the timer does not keep the process alive). */
  private schedule(): void {
    if (this.closed) return;
    const next = this.pending()
      .map(({ nextAttemptAt }) => Date.parse(nextAttemptAt ?? ''))
      .filter(Number.isFinite)
      .sort((a, b) => a - b)[0];
    if (next === undefined) return;
    const wait = Math.max(0, next - this.context.now().getTime());
    this.timer = setTimeout(() => this.wake(), Math.min(wait, 2 ** 31 - 1)).unref();
  }

  private async attempt(delivery: WebhookDeliveryRecord, manual: boolean): Promise<WebhookDeliveryRecord> {
    const secret = flowWebhookSecret(this.context, delivery.projectFlow);
    const body = JSON.stringify(delivery.event);
    const started = this.context.now();
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'verifik-sandbox-webhooks/1',
      'idempotency-key': delivery.event.id,
      'verifik-event-id': delivery.event.id,
      'verifik-delivery-attempt': String(delivery.attempts + 1),
      ...(secret ? { [SIGNATURE_HEADER]: signWebhook(secret, Math.floor(started.getTime() / 1000), body) } : {}),
    };
    const begin = performance.now();
    let result: Pick<WebhookAttempt, 'statusCode' | 'error'>;
    let refused = false;
    try {
      if (delivery.webhook && !activeWebhook(this.context, delivery.client, delivery.webhook)) {
        throw new TargetRefused(`webhook ${delivery.webhook} was deleted or deactivated`);
      }
      const statusCode = await post(new URL(delivery.url), headers, body, this.options);
      result = statusCode >= 200 && statusCode < 300 ? { statusCode } : { statusCode, error: `answered ${statusCode}` };
    } catch (error) {
      // A target the sandbox may not call fails at once: retrying would not change the answer.
      refused = error instanceof TargetRefused;
      const message = error instanceof Error ? error.message || error.name : String(error);
      result = { statusCode: null, error: refused ? `target not allowed: ${message}` : message };
    }
    const attempt: WebhookAttempt = {
      at: started.toISOString(),
      ...result,
      durationMs: Math.round(performance.now() - begin),
      ...(manual ? { manual } : {}),
    };
    const updated = this.record(delivery, attempt, refused);
    this.emit('attempt', updated);
    return updated;
  }

  /** Records an attempt on the delivery as stored now (if it was not erased meanwhile), and what comes next. */
  private record(delivery: WebhookDeliveryRecord, attempt: WebhookAttempt, giveUp: boolean): WebhookDeliveryRecord {
    const { store } = this.context;
    return store.transaction(() => {
      const current = store.get(COLLECTIONS.webhookDeliveries, delivery._id);
      if (!current) return delivery;
      const attempts = current.attempts + 1;
      const delivered = attempt.error === undefined;
      const now = this.context.now();
      let next: Pick<WebhookDeliveryRecord, 'status' | 'nextAttemptAt' | 'deliveredAt'>;
      if (delivered) next = { status: 'delivered', nextAttemptAt: null, deliveredAt: now.toISOString() };
      else if (current.status === 'delivered') next = current;
      else if (giveUp || attempts >= this.retry.maxAttempts)
        next = { status: 'failed', nextAttemptAt: null, deliveredAt: null };
      else {
        // Counted from when the attempt began, so a slow receiver does not shift the schedule.
        const at = new Date(Date.parse(attempt.at) + retryDelay(this.retry, attempts)).toISOString();
        next = { status: 'pending', nextAttemptAt: at, deliveredAt: null };
      }
      return store.replace(COLLECTIONS.webhookDeliveries, {
        ...current,
        ...next,
        attempts,
        log: [...current.log, attempt].slice(-LOG_LENGTH),
        updatedAt: now.toISOString(),
      });
    });
  }
}
