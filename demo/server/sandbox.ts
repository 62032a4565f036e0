import type { FastifyInstance } from 'fastify';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { type DevClient, ensureDevClient } from './auth.js';
import { FacePool } from './biometrics/face-pool.js';
import { COLLECTIONS, type CodeLimits, type SandboxContext } from './context.js';
import { Store } from './db.js';
import { Keys } from './keys.js';
import { OcrEngine } from './ocr/ocr-engine.js';
import { releasePendingAttempts } from './services/biometrics.js';
import { purgeFinished } from './services/erasure.js';
import { purgeExpiredMessages } from './services/outbox.js';
import { onAppLogin } from './services/login-events.js';
import { WebhookSender, type WebhookSenderOptions } from './services/webhook-sender.js';
import { appLoginSucceeded } from './services/webhooks.js';
import { sandboxFlows } from './integrator/sandbox-flows.js';
import { seedDemo } from './seed.js';
import { TokenService } from './tokens.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SandboxOptions {
  /** Folder of the SQLite file and the client-token file. Default `.sandbox-data` in the package. */
  dataDir?: string;
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Use this client token instead of issuing one. */
  clientToken?: string;
  /** Clock, for tests. */
  now?: () => Date;
  /** The URL people open the demo at, for links in messages. Default: the URL it listens on. */
  publicUrl?: string | undefined;
  /** Limits on one-time codes; default {@link DEFAULT_CODE_LIMITS}. */
  limits?: CodeLimits | undefined;
  /** Erase finished registrations this many days after they ended. Default: keep them. */
  retentionDays?: number | undefined;
  /** Adds hooks or routes before the sandbox's own (tests hold requests at a chosen point with it). */
  configureApp?: (app: FastifyInstance) => void;
  /** Webhook retries and targets; by default only this machine is called (see WebhookSender). */
  webhooks?: WebhookSenderOptions | undefined;
}

export interface Sandbox {
  url: string;
  client: DevClient;
  dataDir: string;
  app: FastifyInstance;
  /** True when this start created the demo project. */
  seeded: boolean;
  /** Sends the queued webhook events; `wake()` sends what is due now. */
  webhooks: WebhookSender;
  close(): Promise<void>;
}

/**
 * Codes per contact and per client address in an hour. The address limit leaves room for the
 * benchmark's load run (3,000 sign-ups from loopback); the contact limit is what keeps one
 * person's codes from being guessed.
 */
export const DEFAULT_CODE_LIMITS: CodeLimits = { codesPerContact: 10, codesPerAddress: 5000, windowMinutes: 60 };

/** How often expired messages and, with a retention setting, finished registrations are erased. */
const MAINTENANCE_MS = 60 * 60_000;

/** Opens the database, seeds the demo on first start, and listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dataDir = resolve(options.dataDir ?? join(ROOT, '.sandbox-data'));
  const store = Store.open(dataDir);
  let maintenance: NodeJS.Timeout | undefined;
  let stopLoginEvents: (() => void) | undefined;
  try {
    const client = ensureDevClient(store, dataDir, options.clientToken);
    const keys = Keys.open(dataDir, store);
    let faces: FacePool | undefined;
    let ocr: Promise<OcrEngine> | undefined;
    let url = '';
    const context: SandboxContext = {
      store,
      client,
      tokens: await TokenService.load(keys),
      faces: async () => (faces ??= new FacePool()),
      ocr: () => (ocr ??= OcrEngine.load()),
      secret: (name) => keys.secret(name),
      now: options.now ?? (() => new Date()),
      settings: {
        publicUrl: () => options.publicUrl ?? url,
        limits: options.limits ?? DEFAULT_CODE_LIMITS,
        retentionDays: options.retentionDays,
      },
    };
    const webhooks = new WebhookSender(context, options.webhooks);
    context.webhooks = webhooks;
    // Logins go to their flow's webhook. The listeners are shared by every sandbox in the
    // process: only this one's AppLogins (those in its database) are its to send.
    stopLoginEvents = onAppLogin(({ appLogin }) => {
      if (store.get(COLLECTIONS.appLogins, appLogin._id)) appLoginSucceeded(context, appLogin);
    });
    const seeded = seedDemo(context);
    // A stopped process leaves nothing behind that counts: attempts never analysed, expired messages.
    releasePendingAttempts(context);
    const maintain = () => {
      purgeExpiredMessages(context);
      if (options.retentionDays !== undefined) purgeFinished(context, options.retentionDays);
    };
    maintain();
    maintenance = setInterval(maintain, MAINTENANCE_MS).unref();
    const app = await buildApp(context, {
      configure: options.configureApp,
      demoRoot: join(ROOT, 'demo'),
      distRoot: join(ROOT, 'dist'),
      cdnRoot: join(ROOT, 'cdn'),
      integrator: {
        apiUrl: () => process.env['VERIFIK_API_URL'] ?? url,
        clientToken: () => process.env['VERIFIK_CLIENT_TOKEN'] ?? client.token,
        webhookSecret: () => process.env['VERIFIK_WEBHOOK_SECRET'],
        flows: sandboxFlows(
          () => process.env['VERIFIK_API_URL'] ?? url,
          () => process.env['VERIFIK_CLIENT_TOKEN'] ?? client.token,
        ),
      },
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port ?? 8787, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    // Deliveries a stopped process left queued (or cut short) are sent again.
    webhooks.wake();
    return {
      url,
      client,
      dataDir,
      app,
      seeded,
      webhooks,
      async close() {
        clearInterval(maintenance);
        stopLoginEvents?.();
        await webhooks.close();
        await app.close();
        await faces?.close();
        // The reader's worker thread would keep the process alive.
        await ocr?.then(
          (engine) => engine.close(),
          () => undefined,
        );
        store.close();
      },
    };
  } catch (error) {
    clearInterval(maintenance);
    stopLoginEvents?.();
    store.close();
    throw error;
  }
}
