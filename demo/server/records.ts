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
] as const satisfies readonly CollectionName[];
