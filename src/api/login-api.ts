import { VerifikApiClient } from './client.js';
import type { ClientOs, RegistrantApi, SentValidation } from './registrant-api.js';
import { VerifikApiError } from './errors.js';

/**
 * What the code and selfie steps ask of the API, whichever flow they serve: the registrant API
 * in an onboarding flow, {@link LoginApi} in a login flow.
 */
export type IdentityChecks = Pick<
  RegistrantApi,
  'sendEmailCode' | 'checkEmailCode' | 'sendPhoneCode' | 'checkPhoneCode' | 'validateSelfie'
>;

/** A successful login: the AppLogin Verifik created and the signed login token. */
export interface LoginResult {
  appLoginId: string;
  token: string;
}

export interface LoginApiOptions {
  apiUrl: string;
  project: string;
  projectFlow: string;
  fetch: typeof fetch | undefined;
}

/** What a passed login check answers, as far as the widget reads it. */
interface LoginAnswer {
  /** The login token; or, when the face comes next, the session token that opens it. */
  token?: unknown;
  /** Present once the person is logged in. */
  appLogin?: { _id?: unknown };
}

/**
 * The Smart Access side of the Verifik API (Verifik's hosted sign-in calls, all public): email
 * and phone codes of `type: "login"`, and the face login (a liveness session, then the selfie,
 * searched among the project's enrolled faces). The check that logs the person in answers an
 * AppLogin and the login token: the login's {@link result}. A code followed by the face answers a
 * session token instead, which opens the face's session, so the face must be the person the code
 * identified.
 */
export class LoginApi implements IdentityChecks {
  private readonly api: VerifikApiClient;
  private passed: LoginResult | undefined;
  /** After a code, when the face comes next: the token that opens the face's session. */
  private codeSession: string | undefined;
  /** The open face session's token. */
  private faceSession: string | undefined;
  /** Phone codes are checked by the id their sending answered. */
  private phoneValidationId = '';

  constructor(private readonly options: LoginApiOptions) {
    this.api = new VerifikApiClient({
      baseUrl: options.apiUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** The login, once a check logged the person in. */
  get result(): LoginResult | undefined {
    return this.passed;
  }

  sendEmailCode(email: string, language: string, signal?: AbortSignal): Promise<SentValidation> {
    return this.post('/v2/email-validations', { ...this.codeRequest(language), email }, signal);
  }

  async checkEmailCode(validationId: string, email: string, code: string, signal?: AbortSignal): Promise<unknown> {
    const body = { emailValidationId: validationId, email, otp: code };
    return this.pass(await this.post<LoginAnswer>('/v2/email-validations/validate', body, signal));
  }

  async sendPhoneCode(
    phone: string,
    countryCode: string,
    gateway: 'sms' | 'whatsapp',
    language: string,
    signal?: AbortSignal,
  ): Promise<SentValidation> {
    const body = { ...this.codeRequest(language), phone, countryCode, phoneGateway: gateway };
    const sent = await this.post<SentValidation>('/v2/phone-validations', body, signal);
    this.phoneValidationId = sent._id;
    return sent;
  }

  async checkPhoneCode(_phone: string, _countryCode: string, code: string, signal?: AbortSignal): Promise<unknown> {
    const body = { phoneValidationId: this.phoneValidationId, otp: code };
    return this.pass(await this.post<LoginAnswer>('/v2/phone-validations/validate', body, signal));
  }

  /**
   * The face login: opens the liveness session (after a code, with its session token), then
   * sends the selfie; Verifik checks liveness and searches the face among the project's enrolled
   * people. A session that expired is opened again at the next selfie.
   */
  async validateSelfie(image: string, os: ClientOs, signal?: AbortSignal): Promise<unknown> {
    this.faceSession ??= await this.openFaceSession(signal);
    try {
      const answer = await this.post<LoginAnswer>(
        '/v2/biometric-validations/validate',
        { image, os },
        signal,
        this.faceSession,
      );
      return this.pass(answer);
    } catch (error) {
      if (error instanceof VerifikApiError && error.status === 401) this.faceSession = undefined;
      throw error;
    }
  }

  /** Forgets the login so far (the person starts over). */
  reset(): void {
    this.passed = undefined;
    this.codeSession = undefined;
    this.faceSession = undefined;
    this.phoneValidationId = '';
  }

  private async openFaceSession(signal?: AbortSignal): Promise<string> {
    const body = this.codeSession ? {} : this.flowRequest();
    const opened = await this.post<LoginAnswer>('/v2/biometric-validations/app-login', body, signal, this.codeSession);
    if (typeof opened?.token !== 'string') {
      throw new VerifikApiError(200, 'invalid_response', 'the liveness session has no token');
    }
    return opened.token;
  }

  private flowRequest() {
    return { project: this.options.project, projectFlow: this.options.projectFlow, type: 'login' };
  }

  private codeRequest(language: string) {
    return { ...this.flowRequest(), validationMethod: 'verificationCode', language };
  }

  private post<T>(path: string, body: unknown, signal?: AbortSignal, token?: string): Promise<T> {
    return this.api.request<T>(path, { method: 'POST', body, signal, ...(token ? { token } : {}) });
  }

  /** A passed check: logged in (an AppLogin and its token), or the face comes next (a session token). */
  private pass(answer: LoginAnswer): LoginAnswer {
    if (typeof answer?.token !== 'string') {
      throw new VerifikApiError(200, 'invalid_response', 'the login answer has no token');
    }
    const id = answer.appLogin?._id;
    if (typeof id === 'string') this.passed = { appLoginId: id, token: answer.token };
    else this.codeSession = answer.token;
    return answer;
  }
}
