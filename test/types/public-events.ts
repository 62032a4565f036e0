/**
 * Type tests of the public events, compiled (never run) by `npm test`'s type-check: each
 * `@ts-expect-error` line is a value the exported unions must refuse.
 */
import type { VerifikCompleteDetail, VerifikErrorDetail } from '../../src/index.js';

const complete: VerifikCompleteDetail = {
  type: 'onboarding',
  appRegistrationId: 'r',
  status: 'NEEDS_MANUAL_VERIFICATION',
  token: 't',
};
const login: VerifikCompleteDetail = { type: 'login', appLoginId: 'l', token: 't' };
// @ts-expect-error a login has no registration status
const loginWithStatus: VerifikCompleteDetail = { ...login, status: 'COMPLETED' };
// @ts-expect-error a status Verifik never ends a registration with
const unknownStatus: VerifikCompleteDetail = { ...complete, status: 'DONE' };

const error: VerifikErrorDetail = { code: 'network_error', message: 'm', step: 'setup', recoverable: true };
const atStep: VerifikErrorDetail = { ...error, step: 'liveness' };
// @ts-expect-error not a step id, nor setup
const unknownStep: VerifikErrorDetail = { ...error, step: 'selfie' };

// A listener narrows on the kind of flow, then on the status, without a cast.
document.addEventListener('verifik-complete', ({ detail }) => {
  // @ts-expect-error a login has no status: narrow on `type` first
  if (detail.status === 'COMPLETED') return;
  if (detail.type === 'login') return;
  if (detail.status === 'COMPLETED_WITHOUT_KYC') return;
  // @ts-expect-error the union leaves no room for a misspelling
  if (detail.status === 'COMPLETE') return;
});

export { unknownStatus, loginWithStatus, atStep, unknownStep };
