import type { VERIFIK_CANCEL, VerifikCancelDetail } from './verifik-cancel.js';
import type { VERIFIK_COMPLETE, VerifikCompleteDetail } from './verifik-complete.js';
import type { VERIFIK_ERROR, VerifikErrorDetail } from './verifik-error.js';
import type { VERIFIK_READY, VerifikReadyDetail } from './verifik-ready.js';
import type { VERIFIK_STEP_CHANGE, VerifikStepChangeDetail } from './verifik-step-change.js';
import type { VERIFIK_STEP_COMPLETE, VerifikStepCompleteDetail } from './verifik-step-complete.js';

/** Every public event and its detail: `emit()` accepts nothing else. */
export interface VerifikEventDetails {
  [VERIFIK_READY]: VerifikReadyDetail;
  [VERIFIK_ERROR]: VerifikErrorDetail;
  [VERIFIK_STEP_CHANGE]: VerifikStepChangeDetail;
  [VERIFIK_STEP_COMPLETE]: VerifikStepCompleteDetail;
  [VERIFIK_COMPLETE]: VerifikCompleteDetail;
  [VERIFIK_CANCEL]: VerifikCancelDetail;
}

/**
 * Fires a public `verifik-*` event on `host`: bubbling and composed, so a listener anywhere on the
 * page hears it. A missing or mistyped `detail` is a compile error.
 */
export function emit<K extends keyof VerifikEventDetails>(
  host: HTMLElement,
  name: K,
  detail: VerifikEventDetails[K],
  options: { cancelable?: boolean } = {},
): boolean {
  return host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, ...options }));
}
