import type { NormalizedFlow } from '../flow/flow.types.js';
import { currentStep, initialState, type MachineState } from '../flow/machine.js';
import { HANDOFF_PARAM, isCameraStep } from './cross-device.js';
import type { HandoffStatus } from './handoff-api.js';

/**
 * Cross-device handoff as pure functions: the link, the steps a phone runs, how often the waiting
 * side asks, when the QR code is renewed. The handoff controller and screen apply them; what the
 * root element needs before they load (reading a link, the camera steps) is in `cross-device.ts`.
 */

/** The phone's link: `base` (the integrator's page) with the token; other parameters kept. */
export function handoffLink(base: string, token: string): string {
  const link = new URL(base);
  link.searchParams.set(HANDOFF_PARAM, token);
  link.hash = '';
  return link.href;
}

/**
 * The phone's state: the plan of the flow, at its first camera step the computer has not passed,
 * every step before it counted as passed (the computer ran them). Past the camera steps the
 * phone's part is over.
 */
export function phoneState(flow: NormalizedFlow, steps: HandoffStatus['steps']): MachineState {
  const state = initialState(flow);
  const first = state.steps.findIndex(({ id }) => isCameraStep(id) && steps[id] !== 'passed');
  const index = first === -1 ? state.steps.length - 1 : first;
  const outcomes = Object.fromEntries(state.steps.slice(0, index).map(({ id }) => [id, 'passed' as const]));
  return { ...state, index, outcomes };
}

/** Whether the phone's part is over: its camera steps are behind it (or the flow ended there). */
export const phonePartOver = (state: MachineState): boolean =>
  state.status !== 'running' || !isCameraStep(currentStep(state).id);

/** First pause between status requests of the waiting side, and the longest one. */
export const POLL_FIRST_MS = 1000;
export const POLL_MAX_MS = 8000;

/** The pause before the next status request: longer while nothing changes, back to the first after a change. */
export const nextPollDelay = (previous: number | undefined, changed: boolean): number =>
  changed || previous === undefined ? POLL_FIRST_MS : Math.min(POLL_MAX_MS, Math.round(previous * 1.5));

/** A QR code is renewed this long before its token expires, so a scan never meets an expired one. */
export const RENEW_BEFORE_MS = 60_000;

/** Milliseconds from `now` until the code expiring at `expiresAt` should be renewed (never negative). */
export const renewIn = (expiresAt: string, now: number): number =>
  Math.max(0, Date.parse(expiresAt) - RENEW_BEFORE_MS - now);
