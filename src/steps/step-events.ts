import type { EnrollError } from '../errors/enroll-error.js';

/**
 * Messages from a step element to the root: they bubble to `<verifik-enroll>` but are not
 * composed, so the page never hears them; only the root fires public `verifik-*` events.
 */
export interface StepEventDetails {
  /** The step is done. */
  'step-complete': null;
  /**
   * One attempt at the step failed (a selfie refused, a document unreadable): the root counts it
   * against the step's `maxAttempts`, and ends the flow as failed when none is left. `final`: no
   * other attempt could succeed (a face already enrolled elsewhere, a face match that failed).
   */
  'step-fail': { final: boolean };
  /** Something failed in the step (it shows the message itself); the root reports it. */
  'step-error': EnrollError;
  /** Values to keep for a reload (what the person typed, never codes). */
  'step-fields': Record<string, string>;
}

export type StepEventName = keyof StepEventDetails;

/** A step message as the root receives it. */
export type StepEvent<Name extends StepEventName> = CustomEvent<StepEventDetails[Name]>;

/** Sends a step message; a missing or mistyped `detail` is a compile error. */
export function dispatchStepEvent<Name extends StepEventName>(
  host: HTMLElement,
  name: Name,
  detail: StepEventDetails[Name],
): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
}

/** Sends `step-complete`. */
export const completeStep = (host: HTMLElement) => dispatchStepEvent(host, 'step-complete', null);

/** Sends `step-fail` (`final`: no other attempt could succeed). */
export const failStep = (host: HTMLElement, final = false) => dispatchStepEvent(host, 'step-fail', { final });

/** Sends `step-error`. */
export const reportStepError = (host: HTMLElement, error: EnrollError) => dispatchStepEvent(host, 'step-error', error);

/** Sends `step-fields`. */
export const saveFields = (host: HTMLElement, fields: Record<string, string>) =>
  dispatchStepEvent(host, 'step-fields', fields);
