import { VerifikApiError } from '../api/errors.js';
import type { RegistrantApi, RegistrationAnswer } from '../api/registrant-api.js';

/**
 * The Verifik API's handoff endpoints, for a registrant API, beside the handoff controller and
 * screen that call them (they load on demand together).
 */

/** A camera step's progress, as the handoff status reports it. */
export type HandoffStepProgress = 'pending' | 'passed' | 'failed';

/** The registration's current handoff and the camera steps' progress. */
export interface HandoffStatus {
  handoff: {
    _id: string;
    status: 'waiting' | 'opened' | 'finished' | 'cancelled' | 'revoked' | 'expired';
    expiresAt: string;
    cancelledBy?: 'computer' | 'phone';
  } | null;
  steps: { document: HandoffStepProgress; liveness: HandoffStepProgress };
}

/** A new handoff: the single-use token for the phone's link, and when it expires. */
export interface HandoffIssued {
  token: string;
  handoff: NonNullable<HandoffStatus['handoff']>;
}

/**
 * On the phone: exchanges the link's handoff token (once) for a registrant token of its own;
 * `api` acts for that registration from then on. Resolves to the camera steps' progress.
 */
export async function exchangeHandoff(api: RegistrantApi, token: string, signal?: AbortSignal): Promise<HandoffStatus> {
  const answer = await api.publicCall<HandoffStatus & RegistrationAnswer>('/v2/handoffs/exchange', { token }, signal);
  const id = answer?.appRegistration?._id;
  if (typeof id !== 'string' || typeof answer.token !== 'string' || !answer.steps) {
    throw new VerifikApiError(200, 'invalid_response', 'the handoff answer has no registration or token');
  }
  api.resume(id, answer.token);
  return { handoff: answer.handoff, steps: answer.steps };
}

/** Issues a single-use handoff token (10 minutes) for the phone's link; an earlier one stops working. */
export const issueHandoff = (api: RegistrantApi, signal?: AbortSignal): Promise<HandoffIssued> =>
  api.callRegistration('/handoffs', 'POST', undefined, signal);

/** The current handoff's state and the camera steps' progress. */
export const handoffStatus = (api: RegistrantApi, signal?: AbortSignal): Promise<HandoffStatus> =>
  api.callRegistration('/handoffs/current', 'GET', undefined, signal);

/** Cancels the current handoff, from either side. */
export const cancelHandoff = (api: RegistrantApi): Promise<HandoffStatus> =>
  api.callRegistration('/handoffs/current', 'DELETE', undefined);

/** The phone ran its steps: the computer takes over. */
export const finishHandoff = (api: RegistrantApi): Promise<HandoffStatus> =>
  api.callRegistration('/handoffs/current', 'PUT', { status: 'finished' });
