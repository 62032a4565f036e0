import type { NormalizedFlow } from '../../../src/flow/flow.types.js';
import type { SandboxContext } from '../context.js';
import { ApiError, verifikError } from '../errors.js';
import type { RegistrationRecord, RegistrationStatus } from '../records.js';
import { evidenceOf, kycIsMandatory, missingForCompletion } from './completion.js';
import { enrolForLogin } from './login-faces.js';
import { contactValidated, currentRegistration, flowOf, requireOpen, updateRegistration } from './registration.js';

/** Allowed statuses per sync step (Verifik's table). A Map: steps come from the request. */
const SYNC_STEPS = new Map<string, readonly RegistrationStatus[]>([
  ['instructions', ['ONGOING']],
  ['signUpForm', ['ONGOING']],
  ['basicInformation', ['ONGOING']],
  ['document', ['ONGOING']],
  ['liveness', ['ONGOING']],
  ['form', ['ONGOING']],
  ['skipKYC', ['COMPLETED_WITHOUT_KYC']],
  ['end', ['COMPLETED', 'FAILED', 'NEEDS_MANUAL_VERIFICATION']],
]);

/** The status a sync step may set: a 400 for an unknown step, a 409 for a status it does not allow. */
export function syncTransition(step: string, status: string): RegistrationStatus {
  const allowed = SYNC_STEPS.get(step);
  if (!allowed) throw verifikError(400, 'step_not_supported', step);
  const next = allowed.find((candidate) => candidate === status);
  if (!next) throw verifikError(409, 'status_not_allowed_for_step', `${step}:${status}`);
  return next;
}

/** Whether the step ends the registration (the answer then carries a final token). */
export const isFinalStep = (step: string): boolean => step === 'end' || step === 'skipKYC';

/**
 * Records a sync step. Every check reads the registration and its evidence inside the transaction
 * that writes the new status, so a capture replaced while the request was in flight is seen.
 */
export function syncRegistration(
  context: SandboxContext,
  id: string,
  step: string,
  status: string,
): { registration: RegistrationRecord; flow: NormalizedFlow } {
  const next = syncTransition(step, status);
  const result = context.store.transaction(() => {
    const registration = currentRegistration(context, id);
    requireOpen(registration);
    const flow = flowOf(context, registration);
    const finishing = step === 'end' && next === 'COMPLETED';
    if (step !== 'instructions' && (step !== 'end' || finishing) && !contactValidated(context, registration, flow)) {
      throw new ApiError(409, 'Conflict', 'signUpForm_validation_not_passed');
    }
    if (step === 'skipKYC' && kycIsMandatory(flow)) throw verifikError(409, 'kyc_is_mandatory');
    if (finishing) {
      const missing = missingForCompletion(evidenceOf(context, registration), flow);
      if (missing) throw verifikError(409, 'mandatory_step_not_completed', missing);
    }
    return { registration: updateRegistration(context, id, { currentStep: step, status: next }), flow };
  });
  // Only once the transaction has committed: a completed person can now log in with their face.
  enrolForLogin(context, result.registration);
  return result;
}
