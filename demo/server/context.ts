import type { DevClient } from './auth.js';
import type { FaceAnalyzer } from './biometrics/face-pool.js';
import type { Store } from './db.js';
import type { WebhookSender } from './services/webhook-sender.js';
import type { OcrEngine } from './ocr/ocr-engine.js';
import type { CollectionName } from './records.js';
import type { TokenService } from './tokens.js';

/** Limits on one-time codes over a sliding time window. */
export interface CodeLimits {
  /** Codes sent to one email or phone, across every registration. */
  codesPerContact: number;
  /** Codes sent for one client (IP) address. */
  codesPerAddress: number;
  windowMinutes: number;
}

/** Operator settings (command-line options). */
export interface SandboxSettings {
  /** The URL people open the demo page at, for links in messages (never the request's `Host`). */
  publicUrl: () => string;
  limits: CodeLimits;
  /** Finished registrations older than this many days are erased; undefined keeps them. */
  retentionDays?: number | undefined;
}

/** What every route module is given. */
export interface SandboxContext {
  store: Store;
  client: DevClient;
  tokens: TokenService;
  /** Face analysis (worker threads in the sandbox), started on first use (about half a second). */
  faces: () => Promise<FaceAnalyzer>;
  /** The document reader (Tesseract in a worker thread), started on first use (a few seconds). */
  ocr: () => Promise<OcrEngine>;
  /** A random secret kept in the key file under `name`, created on first use. */
  secret: (name: string) => Buffer;
  /** The clock, injectable so tests can move time. */
  now: () => Date;
  settings: SandboxSettings;
  /** Sends webhook events (told when one is queued); without it, events wait in the database. */
  webhooks?: WebhookSender | undefined;
}

/** Collection names in the store. */
export const COLLECTIONS = {
  projects: 'projects',
  projectFlows: 'projectFlows',
  appRegistrations: 'appRegistrations',
  informationValidations: 'informationValidations',
  emailValidations: 'emailValidations',
  phoneValidations: 'phoneValidations',
  documentValidations: 'documentValidations',
  biometricValidations: 'biometricValidations',
  compareFaceVerifications: 'compareFaceVerifications',
  persons: 'persons',
  signatures: 'signatures',
  outbox: 'outbox',
  appLogins: 'appLogins',
  livenessSessions: 'livenessSessions',
  webhookDeliveries: 'webhookDeliveries',
  handoffs: 'handoffs',
  webhooks: 'webhooks',
} as const satisfies { [Name in CollectionName]: Name };
