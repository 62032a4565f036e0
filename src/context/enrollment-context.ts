import type { VerifikCompleteDetail } from '../events/verifik-complete.js';
import { createContext } from '@lit/context';
import type { IdentityChecks } from '../api/login-api.js';
import type { RegistrantApi } from '../api/registrant-api.js';
import type { KycProject } from '../api/types.js';
import type { NormalizedFlow } from '../flow/flow.types.js';
import type { MachineState } from '../flow/machine.js';
import type { VerifikErrorCode } from '../errors/error-codes.js';

/** How the registration ended at Verifik. */
export type FinishResult = VerifikCompleteDetail;

/** Why the flow failed, for the failure screen. */
export interface Failure {
  /** The last error the failing step reported. */
  code: VerifikErrorCode | undefined;
  /** The step used every attempt (rather than failing once for good, like a face mismatch). */
  attemptsUsed: boolean;
}

/**
 * What every step reads of the person's enrollment, provided by the root element to the steps
 * inside it (instead of one property each).
 */
export interface EnrollmentContext {
  readonly project: KycProject;
  readonly flow: NormalizedFlow;
  /** The registrant API of this registration. */
  readonly api: RegistrantApi;
  /** Where the code and selfie steps send their checks: the registrant API, or the login API in a login flow. */
  readonly checks: IdentityChecks;
  /** Values the person typed earlier (sign-up fields, the email validation id), for a resumed session. */
  readonly fields: Readonly<Record<string, string>>;
  /** The step machine's state: the plan, the current step, outcomes and attempts. */
  readonly machine: MachineState;
  /** Why the flow failed, once it has. */
  readonly failure?: Failure | undefined;
  /** How the registration ended at Verifik, once it has. */
  readonly result?: FinishResult | undefined;
}

/** The context key of {@link EnrollmentContext}. */
export const enrollmentContext = createContext<EnrollmentContext>(Symbol.for('verifik-enroll/enrollment'));
