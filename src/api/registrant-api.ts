import { VerifikApiClient } from './client.js';
import type { DocumentCategory } from '../flow/flow.types.js';
import { VerifikApiError } from './errors.js';

/** The person's platform, as the biometric endpoint wants it. */
export type ClientOs = 'DESKTOP' | 'IOS' | 'ANDROID';

/** The platform a user agent string names. */
export function clientOs(userAgent: string): ClientOs {
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'IOS';
  if (/Android/i.test(userAgent)) return 'ANDROID';
  return 'DESKTOP';
}

/** The face match answer. */
export interface FaceComparison {
  compareFaceVerification?: {
    status?: string;
    result?: { score?: number; passed?: boolean; compare_min_score?: number };
  };
}

/** The photos of an ID document and how they were taken. */
export interface DocumentPhotos {
  /** The front (the side with the portrait). */
  image: string;
  /** The back, for documents that have one. */
  backImage?: string;
  documentCategory: DocumentCategory;
  /** The issuing country the person chose, as the flow names it (flows that list countries). */
  country?: string;
  /** `CAMERA` when both sides were taken with the camera, else `FILE_UPLOAD` (Verifik's hosted client's value). */
  inputMethod: 'CAMERA' | 'FILE_UPLOAD';
  /** The portrait cut from the front (a JPEG data URL), for the face match; absent when none was found. */
  documentFace?: string;
}

/** The document validation answer, as far as the widget reads it. */
export interface DocumentValidationAnswer {
  documentValidation?: { _id?: string; status?: string; failReason?: string };
}

/** Verifik's name validation answer, as far as the widget reads it. */
export interface NameValidationAnswer {
  nameValidation?: { overallMatch?: boolean };
}

/** The criminal-history check's answer, as far as the widget reads it. */
export interface BackgroundCheckAnswer {
  backgroundCheck?: { status?: string };
}

/** What the sign-up form collected. */
export interface SignUpInput {
  email?: string;
  phone?: string;
  countryCode?: string;
  firstName?: string;
  lastName?: string;
  fullName?: string;
  language: string;
  /** The flow's extra fields, by name. */
  extra?: Record<string, string>;
}

export interface RegistrantApiOptions {
  apiUrl: string;
  project: string;
  projectFlow: string;
  /** The integrator's own id for the person, sent with the sign-up. */
  reference?: string | undefined;
  /** The integrator's endpoint; without it the widget signs up at Verifik directly. */
  tokenEndpoint: string | undefined;
  fetch: typeof fetch | undefined;
  /** Called whenever the registrant token changes (sign-up, refresh), e.g. to save it. */
  onToken: (appRegistrationId: string, token: string) => void;
}

export interface SentValidation {
  _id: string;
  expiresAt?: string;
  resendAvailableAt?: string;
}

/**
 * The registrant's side of the Verifik API: sign-up through the integrator's token endpoint (or
 * Verifik directly), then every call with the registrant token, refreshed once through the token
 * endpoint when Verifik answers 401.
 */
export class RegistrantApi {
  private readonly api: VerifikApiClient;
  private readonly tokenEndpoint: VerifikApiClient | undefined;
  private token: string | undefined;
  private registrationIdValue: string | undefined;

  constructor(private readonly options: RegistrantApiOptions) {
    this.api = new VerifikApiClient({ baseUrl: options.apiUrl, fetch: options.fetch });
    this.tokenEndpoint = options.tokenEndpoint
      ? new VerifikApiClient({ baseUrl: options.tokenEndpoint, fetch: options.fetch, credentials: 'same-origin' })
      : undefined;
  }

  /** Continues an earlier session. */
  resume(appRegistrationId: string, token: string): void {
    this.registrationIdValue = appRegistrationId;
    this.token = token;
  }

  /** Creates the app registration; resolves to its id. */
  async signUp(input: SignUpInput, signal?: AbortSignal): Promise<string> {
    const { extra, ...fields } = input;
    const { project, projectFlow, reference } = this.options;
    const body = { ...extra, ...fields, project, projectFlow, ...(reference ? { reference } : {}) };
    const request = { method: 'POST' as const, body, signal };
    const data = await (this.tokenEndpoint
      ? this.tokenEndpoint.request<RegistrationAnswer>('', request)
      : this.api.request<RegistrationAnswer>('/v2/app-registrations', request));
    const id = data?.appRegistration?._id;
    if (typeof id !== 'string' || typeof data.token !== 'string') {
      throw new VerifikApiError(200, 'invalid_response', 'the sign-up answer has no registration or token');
    }
    this.registrationIdValue = id;
    this.setToken(data.token);
    return id;
  }

  sendEmailCode(email: string, language: string, signal?: AbortSignal): Promise<SentValidation> {
    return this.call(
      '/v2/email-validations/app-registration',
      'POST',
      { ...this.codeRequest(language), email },
      signal,
    );
  }

  checkEmailCode(validationId: string, email: string, code: string, signal?: AbortSignal): Promise<unknown> {
    return this.call(
      `/v2/email-validations/${encodeURIComponent(validationId)}`,
      'PUT',
      { email, otp: Number(code) },
      signal,
    );
  }

  sendPhoneCode(
    phone: string,
    countryCode: string,
    gateway: 'sms' | 'whatsapp',
    language: string,
    signal?: AbortSignal,
  ): Promise<SentValidation> {
    const body = { ...this.codeRequest(language), phone, countryCode, phoneGateway: gateway };
    return this.call('/v2/phone-validations/app-registration', 'POST', body, signal);
  }

  checkPhoneCode(phone: string, countryCode: string, code: string, signal?: AbortSignal): Promise<unknown> {
    return this.call('/v2/phone-validations', 'PUT', { phone, countryCode, otp: Number(code) }, signal);
  }

  /**
   * Replaces the registration's phone number before it is verified (Verifik's hosted page does
   * the same): the registration, and the email code it passed, stand.
   */
  replacePhone(phone: string, countryCode: string, signal?: AbortSignal): Promise<unknown> {
    return this.callRegistration('', 'PUT', { countryCode, phone, replacePhone: true }, signal);
  }

  /** Saves the basic-information answers on the registration. */
  saveBasicInformation(answers: Record<string, string | number>, signal?: AbortSignal): Promise<unknown> {
    return this.callRegistration('', 'PUT', { basicInformation: answers }, signal);
  }

  /**
   * Sends the ID document's photos (data URLs of JPEGs) for validation. Verifik answers 200 with
   * the validation's `status` (`VALIDATED`, or `FAILED` with a `failReason`) and counts the
   * attempt against the flow's `maxAttempts`.
   */
  validateDocument(document: DocumentPhotos, signal?: AbortSignal): Promise<DocumentValidationAnswer> {
    return this.call('/v2/document-validations/app-registration', 'POST', document, signal);
  }

  /**
   * Verifik's name validation: the names read on document validation `id` against the sign-up
   * names (flows with `verifyNames`); `force` runs it again for a new reading.
   */
  validateNames(id: string, signal?: AbortSignal): Promise<NameValidationAnswer> {
    return this.call(
      `/v2/document-validations/${encodeURIComponent(id)}/validate`,
      'PUT',
      { _id: id, force: true },
      signal,
    );
  }

  /**
   * Verifik's criminal-history check of the person, on the number read from their validated
   * document (flows with `verifyCriminalHistory`). It is addressed by the registration's
   * information validation, read from the registration itself so that a resumed session has it.
   */
  async checkBackground(signal?: AbortSignal): Promise<BackgroundCheckAnswer> {
    const registration = await this.call<{ informationValidation?: unknown }>(
      '/v2/app-registrations/me',
      'GET',
      undefined,
      signal,
    );
    const id = registration?.informationValidation;
    if (typeof id !== 'string') {
      throw new VerifikApiError(200, 'invalid_response', 'the registration has no informationValidation');
    }
    return this.call(`/v2/information-validations/${encodeURIComponent(id)}/background-check`, 'PUT', {}, signal);
  }

  /** Saves the signature: a drawn PNG (data URI) or a typed full name. */
  saveSignature(signature: { image: string } | { typedName: string }, signal?: AbortSignal): Promise<unknown> {
    return this.call('/v2/signatures/app-registration', 'POST', signature, signal);
  }

  /**
   * Sends the selfie (base64 JPEG) for the liveness check and the duplicate search; `os` is the
   * person's platform as Verifik names it.
   */
  validateSelfie(image: string, os: ClientOs, signal?: AbortSignal): Promise<unknown> {
    return this.call('/v2/biometric-validations/app-registration', 'POST', { image, os }, signal);
  }

  /** Compares the selfie with the document's portrait; the flow's `compareMinScore` decides. */
  compareFaces(signal?: AbortSignal): Promise<FaceComparison> {
    return this.call('/v2/face-recognition/compare/app-registration', 'POST', {}, signal);
  }

  /** Reports progress; `end` and `skipKYC` answer the final token. */
  sync(step: string, status: string, signal?: AbortSignal): Promise<{ token: string; status: string }> {
    return this.callRegistration('/sync', 'PUT', { step, status }, signal);
  }

  /**
   * A registrant call to `path` under this registration (`/v2/app-registrations/{id}`): its own
   * endpoints, here and beside the features that load on demand (the handoff's, in
   * `handoff/handoff-api.ts`).
   */
  callRegistration<T>(
    path: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    body: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    return this.call(`/v2/app-registrations/${encodeURIComponent(this.registrationId())}${path}`, method, body, signal);
  }

  /** A POST to a public endpoint (no registrant token), e.g. the phone's handoff exchange. */
  publicCall<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    return this.api.request<T>(path, { method: 'POST', body, signal });
  }

  private codeRequest(language: string) {
    return {
      project: this.options.project,
      projectFlow: this.options.projectFlow,
      validationMethod: 'verificationCode',
      type: 'onboarding',
      language,
    };
  }

  private registrationId(): string {
    if (!this.registrationIdValue) throw new VerifikApiError(0, 'no_registration', 'sign up first');
    return this.registrationIdValue;
  }

  private setToken(token: string): void {
    this.token = token;
    this.options.onToken(this.registrationId(), token);
  }

  /** The registration this client acts for, once signed up or resumed. */
  get appRegistrationId(): string | undefined {
    return this.registrationIdValue;
  }

  /** A registrant call; on a 401, one refresh through the token endpoint and one more try. */
  private async call<T>(
    path: string,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    body: unknown,
    signal?: AbortSignal,
  ): Promise<T> {
    const send = () => this.api.request<T>(path, { method, body, token: this.token, signal });
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof VerifikApiError) || error.status !== 401 || !this.tokenEndpoint) throw error;
      const refreshed = await this.tokenEndpoint.request<RegistrationAnswer>('', {
        method: 'POST',
        body: { appRegistrationId: this.registrationId(), refresh: true },
        signal,
      });
      if (typeof refreshed?.token !== 'string') throw error;
      this.setToken(refreshed.token);
      return send();
    }
  }
}

/** What creating (or joining) a registration answers, as far as the widget reads it. */
export interface RegistrationAnswer {
  appRegistration?: { _id?: unknown };
  token?: unknown;
}
