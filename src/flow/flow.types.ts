/**
 * One model of a project flow, whatever shape Verifik stored it in (generic `configuration` +
 * `steps[]`, v2 `onboardingSettings`, v3 flat). Built by `normalizeFlow()`, frozen, defaults
 * filled: nothing after it needs to know which shape a flow was written in.
 */

/** How a step is required: done by everyone, skippable by the person, or left out. */
export type Requirement = 'mandatory' | 'optional' | 'skip';

/** The configurable stages, in the order they run. */
export const FLOW_STAGES = ['signUpForm', 'basicInformation', 'document', 'liveness', 'form'] as const;
export type FlowStage = (typeof FLOW_STAGES)[number];

export type EmailGateway = 'mailgun' | 'none';
export type PhoneGateway = 'sms' | 'whatsapp' | 'both' | 'none';
export type SearchMode = 'FAST' | 'ACCURATE';
export type DocumentCategory = 'government_id' | 'passport' | 'license';

/** `separate`: first and last name fields; `together`: one full-name field; `none`: no name asked. */
export type NameStyle = 'separate' | 'together' | 'none';

export interface ExtraField {
  name: string;
  label: string;
  type: 'text' | 'email' | 'tel' | 'number' | 'date';
  required: boolean;
}

export interface SignUpFormSettings {
  nameStyle: NameStyle;
  email: boolean;
  emailGateway: EmailGateway;
  phone: boolean;
  phoneGateway: PhoneGateway;
  /** ISO 3166 alpha-2 country to preselect for the phone number, when the flow names one. */
  defaultCountry: string | undefined;
  showTermsAndConditions: boolean;
  showPrivacyNotice: boolean;
  extraFields: readonly ExtraField[];
}

export interface BasicInformationSettings {
  fullName: boolean;
  dateOfBirth: boolean;
  age: boolean;
  gender: boolean;
  address: boolean;
  postalCode: boolean;
  legalDocument: boolean;
}

/** The documents a flow accepts from one issuing country (v3 `documents.documentTypes[]`). */
export interface CountryDocuments {
  /** The country as the flow names it (`"Colombia"`, `"United States"`). */
  country: string;
  /** Its active configurations' categories, in the flow's order, without repeats. */
  categories: readonly DocumentCategory[];
}

export interface DocumentSettings {
  maxAttempts: number;
  /** Minimum document-vs-selfie similarity (0–1) for the face match to pass. */
  compareMinScore: number;
  scan: boolean;
  upload: boolean;
  categories: readonly DocumentCategory[];
  /**
   * Per issuing country (v3 flows that list `documentTypes`): the person chooses the country,
   * then one of its documents. Empty when the flow names no country.
   */
  countries: readonly CountryDocuments[];
  /** The document's text is read (OCR, and the MRZ where there is one). */
  includeOCR: boolean;
  /** The names read on the document must match the sign-up names. */
  verifyNames: boolean;
  verifyCriminalHistory: boolean;
}

export interface LivenessSettings {
  maxAttempts: number;
  /** Minimum liveness score (0–1); a selfie passes when its score is above it. */
  minScore: number;
  /** Similarity (0–1) at or above which two faces count as the same person in the duplicate search. */
  searchMinScore: number;
  searchMode: SearchMode;
}

/** Smart Access: how a login flow lets the person prove who they are (`loginSettings`). */
export interface LoginSettings {
  /** A code sent to the registered email. */
  email: boolean;
  /** A code sent to the registered phone (its gateway is the flow's `signUpForm.phoneGateway`, as for a sign-up). */
  phone: boolean;
  /** A selfie checked for liveness, then searched among the project's enrolled faces. */
  faceLiveness: boolean;
  /** Selfies allowed before the login fails. */
  maxAttempts: number;
}

export interface NormalizedFlow {
  id: string;
  /** `onboarding` (Smart Enroll) or `login` (Smart Access). */
  kind: 'onboarding' | 'login';
  /** Onboarding: whether the first screen hides "Already registered? Log in" (Verifik's `hiddenLoginOption`). */
  hiddenLoginOption: boolean;
  /** Login flows: the ways to log in (all off in onboarding flows). */
  login: Readonly<LoginSettings>;
  projectId: string;
  name: string | undefined;
  version: number;
  status: 'draft' | 'active' | 'paused';
  /** Where to send the person after completion (http(s) only), or undefined. */
  redirectUrl: string | undefined;
  steps: Readonly<Record<FlowStage, Requirement>>;
  signUpForm: Readonly<SignUpFormSettings>;
  basicInformation: Readonly<BasicInformationSettings>;
  document: Readonly<DocumentSettings>;
  liveness: Readonly<LivenessSettings>;
  requiresSignature: boolean;
}
