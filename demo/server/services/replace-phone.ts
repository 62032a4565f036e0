import { COLLECTIONS, type SandboxContext } from '../context.js';
import { verifikError } from '../errors.js';
import type { RegistrationRecord } from '../records.js';
import { isFinished, normalizeStoredFlow, updateRegistration } from './registration.js';
import { checkSecurity } from './security.js';
import { earlierRegistrations, signUpDetails } from './sign-up.js';

/**
 * A registrant corrects their phone number (Back to the sign-up, a mistyped number) on the same
 * registration, as Verifik's hosted page does with `PUT /v2/app-registrations/{id}`
 * `{countryCode, phone, replacePhone: true}`: what was already proved (the email code) stands.
 * The number is checked as at sign-up (format, the flow's security lists, not finished by someone
 * else in the flow), and a code passed for the old number no longer counts.
 */
export function replacePhone(
  context: SandboxContext,
  registration: RegistrationRecord,
  input: { phone: string; countryCode: string },
): RegistrationRecord {
  const rawFlow = context.store.get(COLLECTIONS.projectFlows, registration.projectFlow)!;
  const flow = normalizeStoredFlow(rawFlow);
  if (!flow.signUpForm.phone) throw verifikError(409, 'phone_validation_not_enabled');
  // The names and email as stored: only the number is new.
  const details = signUpDetails({ ...registration, ...input }, flow);
  checkSecurity(rawFlow, details);
  return context.store.transaction(() => {
    const taken = earlierRegistrations(context, registration.client, registration.projectFlow, details).some(
      (earlier) =>
        earlier.by === 'phone' && earlier.registration._id !== registration._id && isFinished(earlier.registration),
    );
    if (taken) throw verifikError(409, 'phone_is_registered_already');
    if (details.phone === registration.phone && details.countryCode === registration.countryCode) {
      return registration;
    }
    return updateRegistration(context, registration._id, {
      phone: details.phone,
      countryCode: details.countryCode,
      phoneValidation: null,
    });
  });
}
