/**
 * Name of the event fired when the registration ends. Cancelable: `preventDefault()` stops the
 * redirect to the flow's `redirectUrl`. Check `token` on your backend before trusting it.
 */
export const VERIFIK_COMPLETE = 'verifik-complete';

export interface VerifikCompleteDetail {
  appRegistrationId: string;
  /** `COMPLETED`, `COMPLETED_WITHOUT_KYC` or `FAILED`. */
  status: string;
  /** Verifik's final token, to send to your backend. */
  token: string;
}

export type VerifikCompleteEvent = CustomEvent<VerifikCompleteDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    [VERIFIK_COMPLETE]: VerifikCompleteEvent;
  }
}
