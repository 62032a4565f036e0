/**
 * Name of the event fired when the registration ends, or the login succeeds. Cancelable:
 * `preventDefault()` stops the redirect to the flow's `redirectUrl`. Check `token` on your backend
 * before trusting it.
 */
export const VERIFIK_COMPLETE = 'verifik-complete';

/** The statuses a registration can end with at Verifik. */
export const VERIFIK_FINAL_STATUSES = [
  'COMPLETED',
  'COMPLETED_WITHOUT_KYC',
  'FAILED',
  'NEEDS_MANUAL_VERIFICATION',
] as const;

/**
 * How the registration ended: `COMPLETED` (identity checks passed), `COMPLETED_WITHOUT_KYC` (a
 * flow whose checks are optional, finished without them), `FAILED`, or `NEEDS_MANUAL_VERIFICATION`
 * (Verifik's reviewers decide).
 */
export type VerifikCompletionStatus = (typeof VERIFIK_FINAL_STATUSES)[number];

/** An onboarding flow (Smart Enroll) ended. */
export interface VerifikOnboardingCompleteDetail {
  /** The kind of flow that ended. */
  type: 'onboarding';
  /** The app registration at Verifik. */
  appRegistrationId: string;
  /** How the registration ended; trust only the status your backend reads from the token. */
  status: VerifikCompletionStatus;
  /** Verifik's final token, to send to your backend. */
  token: string;
}

/** A login flow (Smart Access) let the person in. */
export interface VerifikLoginCompleteDetail {
  /** The kind of flow that ended. */
  type: 'login';
  /** The AppLogin Verifik created for this login. */
  appLoginId: string;
  /** The login token (`type: login`; it names the person's registration), to send to your backend. */
  token: string;
}

/** What `verifik-complete` carries: narrow on `type`. */
export type VerifikCompleteDetail = VerifikOnboardingCompleteDetail | VerifikLoginCompleteDetail;

export type VerifikCompleteEvent = CustomEvent<VerifikCompleteDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    [VERIFIK_COMPLETE]: VerifikCompleteEvent;
  }
}
