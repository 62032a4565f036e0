import type { EnrollError } from '../errors/enroll-error.js';

/**
 * Messages from a step element to the root: they bubble to `<verifik-enroll>` but are not
 * composed, so the page never hears them; only the root fires public `verifik-*` events.
 */
export const STEP_COMPLETE = 'step-complete';
export const STEP_ERROR = 'step-error';
export const STEP_FIELDS = 'step-fields';
export const STEP_FAIL = 'step-fail';

/** The step is done. */
export const completeStep = (host: HTMLElement) =>
  host.dispatchEvent(new CustomEvent(STEP_COMPLETE, { bubbles: true }));

/**
 * One attempt at the step failed (a selfie refused, a document unreadable): the root counts it
 * against the step's `maxAttempts`, and ends the flow as failed when none is left. `final`: no
 * other attempt could succeed (a face already enrolled elsewhere, a face match that failed).
 */
export const failStep = (host: HTMLElement, final = false) =>
  host.dispatchEvent(new CustomEvent<{ final: boolean }>(STEP_FAIL, { detail: { final }, bubbles: true }));

/** Something failed in the step (it shows the message itself); the root reports it. */
export const reportStepError = (host: HTMLElement, error: EnrollError) =>
  host.dispatchEvent(new CustomEvent<EnrollError>(STEP_ERROR, { detail: error, bubbles: true }));

/** Values to keep for a reload (what the person typed, never codes). */
export const saveFields = (host: HTMLElement, fields: Record<string, string>) =>
  host.dispatchEvent(new CustomEvent<Record<string, string>>(STEP_FIELDS, { detail: fields, bubbles: true }));
