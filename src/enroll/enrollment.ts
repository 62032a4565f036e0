import type { IdentityChecks, LoginApi } from '../api/login-api.js';
import { RegistrantApi } from '../api/registrant-api.js';
import type { KycProject } from '../api/types.js';
import type { NormalizedFlow } from '../flow/flow.types.js';
import { initialState, type MachineEvent, type MachineState, restoreState, transition } from '../flow/machine.js';
import { KYC_STEP_IDS } from '../flow/steps.js';
import { SessionStore } from '../session/session-store.js';
import { VerifikApiError } from '../api/errors.js';
import { VERIFIK_FINAL_STATUSES, type VerifikCompleteDetail } from '../events/verifik-complete.js';
import type { VerifikErrorCode } from '../errors/error-codes.js';
import type { Failure, FinishResult } from '../context/enrollment-context.js';

export interface EnrollmentOptions {
  apiUrl: string;
  tokenEndpoint: string | undefined;
  /** The integrator's own id for the person, sent with the sign-up. */
  reference?: string | undefined;
  fetch: typeof fetch | undefined;
  /** Keep the session in sessionStorage so a reload resumes. */
  persist: boolean;
  /** The sign-up values the integrator already knows, read whenever a run starts. */
  prefill?: () => Record<string, string>;
  /** The login API's class, required by a login flow (a chunk loaded only for one). */
  loginApi?: typeof LoginApi;
}

/**
 * One person's run through a flow: the normalized flow, the step machine, the registrant API and
 * the saved session, kept in step. Framework-free, so the element stays about rendering. A login
 * flow runs the same way, its codes and selfie checked by the {@link LoginApi} and nothing saved.
 */
export class Enrollment {
  readonly api: RegistrantApi;
  /** Where the code and selfie steps send their checks: the registrant API, or the login API. */
  readonly checks: IdentityChecks;
  /** The login API, in a login flow. */
  private readonly login: LoginApi | undefined;
  machine: MachineState;
  fields: Record<string, string>;
  /** The last error a step reported: the reason shown if the flow then fails. */
  lastError: VerifikErrorCode | undefined;
  /** Why the flow failed, once it has. */
  failure: Failure | undefined;
  /** The answer of {@link finish}, once the registration ended. */
  result: FinishResult | undefined;
  private token: string | undefined;
  private readonly store: SessionStore;

  /** `flow`: the project's flow as `normalizeProjectFlow()` reads it. */
  constructor(
    readonly project: KycProject,
    readonly flow: NormalizedFlow,
    private readonly options: EnrollmentOptions,
  ) {
    const isLogin = this.flow.kind === 'login';
    // A login is short and its token is a credential: it never outlives the page.
    this.store = new SessionStore(options.persist && !isLogin ? sessionStorage : undefined, project._id, this.flow.id);
    this.api = new RegistrantApi({
      apiUrl: options.apiUrl,
      project: project._id,
      projectFlow: this.flow.id,
      tokenEndpoint: options.tokenEndpoint,
      reference: options.reference,
      fetch: options.fetch,
      onToken: (_id, token) => {
        this.token = token;
        this.save();
      },
    });
    if (isLogin && !options.loginApi) throw new TypeError('a login flow needs options.loginApi');
    this.login =
      isLogin && options.loginApi
        ? new options.loginApi({
            apiUrl: options.apiUrl,
            project: project._id,
            projectFlow: this.flow.id,
            fetch: options.fetch,
          })
        : undefined;
    this.checks = this.login ?? this.api;
    const saved = this.store.load();
    const resumed = saved && restoreState(saved.machine, this.flow);
    if (saved && resumed) {
      this.api.resume(saved.appRegistrationId, saved.token);
      this.token = saved.token;
      this.machine = resumed;
      this.fields = saved.fields;
    } else {
      this.machine = initialState(this.flow);
      this.fields = this.prefilled();
    }
  }

  /** Applies a machine event; answers whether the state changed. */
  apply(event: MachineEvent): boolean {
    const next = transition(this.machine, event);
    if (next === this.machine) return false;
    this.machine = next;
    if (next.status === 'failed' && event.type === 'FAIL') {
      this.failure = { code: this.lastError, attemptsUsed: !event.final };
    }
    this.save();
    return true;
  }

  /** Keeps values the person typed. */
  keep(fields: Record<string, string>): void {
    this.fields = { ...this.fields, ...fields };
    this.save();
  }

  /**
   * Ends the registration at Verifik and forgets the session; resolves to the final token and
   * status. A login has nothing to end: it resolves to its AppLogin and token, or to undefined when
   * it failed (no one logged in).
   */
  async finish(signal?: AbortSignal): Promise<VerifikCompleteDetail | undefined> {
    const { outcomes, status } = this.machine;
    if (this.login) {
      const passed = status === 'failed' ? undefined : this.login.result;
      if (status !== 'failed' && !passed) throw new VerifikApiError(200, 'invalid_response', 'no login token');
      this.result = passed && { type: 'login', ...passed };
      return this.result;
    }
    const didKyc = KYC_STEP_IDS.some((step) => outcomes[step] === 'passed');
    const answer =
      status === 'failed'
        ? await this.api.sync('end', 'FAILED', signal)
        : didKyc
          ? await this.api.sync('end', 'COMPLETED', signal)
          : await this.api.sync('skipKYC', 'COMPLETED_WITHOUT_KYC', signal);
    const ended = VERIFIK_FINAL_STATUSES.find((known) => known === answer.status);
    if (!ended) throw new VerifikApiError(200, 'invalid_response', `the registration ended as "${answer.status}"`);
    this.store.clear();
    this.result = {
      type: 'onboarding',
      appRegistrationId: this.api.appRegistrationId!,
      status: ended,
      token: answer.token,
    };
    return this.result;
  }

  /**
   * Where to send the person after completion, Verifik's way: the flow's `redirectUrl` (already
   * checked to be http(s)) with `type=onboarding` (or `login`) and the final token; undefined
   * without one.
   */
  redirectTarget(token: string): string | undefined {
    if (!this.flow.redirectUrl) return undefined;
    const target = new URL(this.flow.redirectUrl);
    target.searchParams.set('type', this.flow.kind);
    target.searchParams.set('token', token);
    return target.href;
  }

  /** Forgets the saved session and what was typed, and starts the flow over (with the prefill again). */
  restart(): void {
    this.store.clear();
    this.machine = initialState(this.flow);
    this.fields = this.prefilled();
    this.lastError = undefined;
    this.failure = undefined;
    this.result = undefined;
    this.login?.reset();
  }

  /** The integrator's sign-up values: a login starts empty (the person names their own account). */
  private prefilled(): Record<string, string> {
    return this.login ? {} : (this.options.prefill?.() ?? {});
  }

  private save(): void {
    const appRegistrationId = this.api.appRegistrationId;
    if (!appRegistrationId || !this.token) return;
    this.store.save({ appRegistrationId, token: this.token, machine: this.machine, fields: this.fields });
  }
}
