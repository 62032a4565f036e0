import type { VerifikErrorCode } from '../../errors/error-codes.js';

/** Why the camera could not start; each has its own recovery screen. */
export type CameraProblem =
  /** The person or the browser's policy refused the camera (incl. an iframe without `allow="camera"`). */
  | 'denied'
  /** No camera on this device. */
  | 'not-found'
  /** Another application or tab holds the camera. */
  | 'in-use'
  /** The page is not served over https (or localhost): browsers offer no camera there. */
  | 'insecure'
  /** The browser has no camera API at all. */
  | 'unsupported'
  /** Anything else. */
  | 'failed';

/** The problem a `getUserMedia()` rejection means (a pure mapping of the DOMException names). */
export function cameraProblem(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'not-found';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'in-use';
    default:
      return 'failed';
  }
}

/** The `verifik-error` code of each camera problem, and whether trying again can help. */
export const CAMERA_ERRORS: Record<CameraProblem, [VerifikErrorCode, boolean]> = {
  denied: ['camera_denied', true],
  'not-found': ['camera_not_found', false],
  'in-use': ['camera_in_use', true],
  insecure: ['camera_insecure', false],
  unsupported: ['camera_unsupported', false],
  failed: ['camera_failed', true],
};
