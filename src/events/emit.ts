import type { VERIFIK_ERROR, VerifikErrorDetail } from './verifik-error.js';
import type { VERIFIK_READY, VerifikReadyDetail } from './verifik-ready.js';

/** Every public event and its detail: `emit()` accepts nothing else. */
export interface VerifikEventDetails {
  [VERIFIK_READY]: VerifikReadyDetail;
  [VERIFIK_ERROR]: VerifikErrorDetail;
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
