/**
 * What each collection stores. Projects and flows keep every field they were sent (as Verifik
 * does), so they stay open objects; the records the sandbox writes itself are closed types.
 */

/** Every stored record has an id and belongs to a Verifik client (account). */
export interface BaseRecord {
  _id: string;
  client: string;
  createdAt: string;
  updatedAt: string;
}

/** A record the API was sent as JSON and stores as given. */
export interface OpenRecord extends BaseRecord {
  [field: string]: unknown;
}

export interface ProjectRecord extends OpenRecord {
  name?: string;
  demoMode?: boolean;
  demoOTP?: string;
}

export interface FlowRecord extends OpenRecord {
  project: string;
  type: string;
  status: string;
  version: number;
}

export type RegistrationStatus =
  'STARTED' | 'ONGOING' | 'COMPLETED' | 'COMPLETED_WITHOUT_KYC' | 'FAILED' | 'NEEDS_MANUAL_VERIFICATION' | 'EXPIRED';

/** A record that belongs to one app registration. */
export interface RegistrationPart extends BaseRecord {
  appRegistration: string;
}

export interface RegistrationRecord extends BaseRecord {
  project: string;
  projectFlow: string;
  status: RegistrationStatus;
  currentStep: string;
  email?: string | undefined;
  phone?: string | undefined;
  countryCode?: string | undefined;
  fullName?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  language: string;
  /** The integrator's own id for the person, as sent with the sign-up. */
  reference?: string | undefined;
  informationValidation: string;
  emailValidation: string | null;
  phoneValidation: string | null;
  documentValidation: string | null;
  biometricValidation: string | null;
  compareFaceVerification: string | null;
  person: string | null;
  signature: string | null;
  basicInformation?: Record<string, unknown>;
  /** Unfinished registrations of the same person: they expire once this one proves the contact. */
  supersedes: string[];
  failedValidations: number;
  /** Extra sign-up fields (company, role…), bounded at the edge. */
  extra: Record<string, unknown>;
}

export interface InformationRecord extends RegistrationPart {
  project: string;
  fullName?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  [answer: string]: unknown;
}

/** An email or phone one-time code; only its HMAC is stored. */
export interface CodeRecord extends RegistrationPart {
  project: string;
  projectFlow: string;
  status: 'sent' | 'validated';
  email?: string;
  phone?: string;
  countryCode?: string;
  type: string;
  validationMethod: string;
  emailGateway?: string;
  phoneGateway?: string;
  sentAt: string;
  sentCount: number;
  expiresAt: string;
  resendAvailableAt: string;
  wrongAttempts: number;
  attemptsLeft: number;
  validatedAt?: string;
  _codeSalt: string;
  _codeHash: string;
}

/** A face found by the engine, kept private for later comparisons. */
export interface StoredFace {
  box: { x: number; y: number; width: number; height: number };
  score: number;
  descriptor: number[];
}

/** ASSESSING: a document read, its names still to be checked (the name validation decides). */
export type AttemptStatus = 'PENDING' | 'ASSESSING' | 'VALIDATED' | 'FAILED';

/** One try of the document or selfie step. */
export interface AttemptRecord extends RegistrationPart {
  project: string;
  projectFlow: string;
  status: AttemptStatus;
  attempt: number;
  attemptsLeft: number;
  failReason?: string;
  _face?: StoredFace | null;
  [detail: string]: unknown;
}

export interface CompareRecord extends RegistrationPart {
  type: 'compare';
  search_mode: string;
  /** The document validation compared. */
  gallery: string[];
  /** The selfie (biometric validation) compared. */
  probe: string[];
  result: { score: number; passed: boolean; compare_min_score: number; faces: unknown[] };
  comparedAt: string;
  status: 'PASSED' | 'FAILED';
}

/** An enrolled face, searched for duplicates across the project. */
export interface PersonRecord extends RegistrationPart {
  project: string;
  _descriptor: number[];
}

export interface SignatureRecord extends RegistrationPart {
  method: 'drawn' | 'typed';
  typedName: string | null;
  _image: string | null;
}

/** A message the sandbox "sent"; its text is sealed (it may hold a code) and it lives as long as its content. */
export interface OutboxRecord extends BaseRecord {
  appRegistration: string;
  channel: 'email' | 'sms' | 'whatsapp';
  to: string;
  expiresAt: string;
  validation?: string;
  _sealed: string;
}

/** How a login identified the person: a code to their email or phone, or their face alone. */
export type LoginType = 'email' | 'phone' | 'faceLiveness';

/** A successful login (Verifik's AppLogin), of the registration it identified. */
export interface AppLoginRecord extends RegistrationPart {
  name: string;
  status: 'completed';
  project: string;
  projectFlow: string;
  type: LoginType;
  emailValidation: string | null;
  phoneValidation: string | null;
  biometricValidation: string | null;
  face: null;
  accessControlLog: null;
}

/**
 * A face-login session: a few selfie attempts for one login flow. `appRegistration` is the person a
 * code already identified ('' for a face-only login until a face matches).
 */
export interface LivenessSessionRecord extends RegistrationPart {
  project: string;
  projectFlow: string;
  identifier: string | null;
  status: 'active' | 'closed';
  expiresAt: string;
  attempts: number;
  /** The code validation that identified the person, when there was one. */
  codeValidation: { type: 'email' | 'phone'; id: string } | null;
}

/** What a webhook tells the integrator: never images, never personal data beyond the ids. */
export interface WebhookEvent {
  /** Unique per event and repeated on every delivery of it: the receiver's idempotency key. */
  id: string;
  type: string;
  createdAt: string;
  data: Record<string, string | number | boolean | null>;
}

/**
 * A webhook target of the client (`/v2/webhooks`), referenced by a flow's `webhook` (v3:
 * `integrations.webhook`): while it exists and is active, the flow's events go to its `url`.
 */
export interface WebhookRecord extends OpenRecord {
  name: string;
  url: string;
  isActive: boolean;
  /** The flows it was linked to when created (`link`), as Verifik answers them. */
  projectFlow: string[];
}

/** One try to deliver a webhook event. */
export interface WebhookAttempt {
  at: string;
  /** The receiver's HTTP status, or null when it could not be reached. */
  statusCode: number | null;
  error?: string;
  durationMs: number;
  manual?: boolean;
}

/** A webhook event for one flow's target, and its deliveries so far. */
export interface WebhookDeliveryRecord extends BaseRecord {
  /** The registration the event is about (for a login, the one that logged in); null for other events. */
  appRegistration: string | null;
  projectFlow: string;
  url: string;
  /** The webhook resource the URL came from (none for a flow's `webhookUrl`): deleting it stops the delivery. */
  webhook?: string | null;
  event: WebhookEvent;
  /** `pending` while attempts remain, `delivered` once the receiver answered 2xx, else `failed`. */
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  /** When the next automatic attempt is due; null once delivered or failed. */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** The latest attempts, newest last. */
  log: WebhookAttempt[];
}

/**
 * A cross-device handoff: a single-use token (kept only as an HMAC) that lets a phone continue
 * the registration's camera steps. `waiting` until exchanged, then `opened`; it ends `finished`
 * (the phone ran its steps), `cancelled` (by either side) or `revoked` (replaced by a new one).
 */
export interface HandoffRecord extends RegistrationPart {
  status: 'waiting' | 'opened' | 'finished' | 'cancelled' | 'revoked';
  expiresAt: string;
  exchangedAt?: string;
  /** Which side cancelled, once one has. */
  cancelledBy?: 'computer' | 'phone';
  _tokenHash: string;
}

/** Every collection and the record it holds. */
export interface Collections {
  projects: ProjectRecord;
  projectFlows: FlowRecord;
  appRegistrations: RegistrationRecord;
  informationValidations: InformationRecord;
  emailValidations: CodeRecord;
  phoneValidations: CodeRecord;
  documentValidations: AttemptRecord;
  biometricValidations: AttemptRecord;
  compareFaceVerifications: CompareRecord;
  persons: PersonRecord;
  signatures: SignatureRecord;
  outbox: OutboxRecord;
  appLogins: AppLoginRecord;
  livenessSessions: LivenessSessionRecord;
  webhookDeliveries: WebhookDeliveryRecord;
  handoffs: HandoffRecord;
  webhooks: WebhookRecord;
}

export type CollectionName = keyof Collections;

/** The collections whose records belong to one registration (erased with it). */
export const REGISTRATION_PARTS = [
  'informationValidations',
  'emailValidations',
  'phoneValidations',
  'documentValidations',
  'biometricValidations',
  'compareFaceVerifications',
  'persons',
  'signatures',
  'outbox',
  'appLogins',
  'livenessSessions',
  'webhookDeliveries',
  'handoffs',
] as const satisfies readonly CollectionName[];
