import type { HandoffStatus } from '../api/registrant-api.js';
import type { NormalizedFlow } from '../flow/flow.types.js';
import { currentStep, initialState, type MachineState, type StepId } from '../flow/machine.js';

/**
 * Cross-device handoff as pure functions: the link, the steps a phone runs, how often the
 * waiting side asks, when the QR code is renewed. The element and its controller apply them.
 */

/** The query parameter of the phone's link that carries the handoff token. */
export const HANDOFF_PARAM = 'verifik-handoff';

/** The steps that need a camera: the ones a phone can take over. */
export const CAMERA_STEPS = ['document', 'liveness'] as const satisfies readonly StepId[];

export type CameraStep = (typeof CAMERA_STEPS)[number];

export const isCameraStep = (id: StepId): id is CameraStep => (CAMERA_STEPS as readonly StepId[]).includes(id);

/** `cross-device`: offer the phone (and go to it when there is no camera), always use it, or never. */
export type CrossDeviceMode = 'auto' | 'force' | 'off';

/** The phone's link: `base` (the integrator's page) with the token; other parameters kept. */
export function handoffLink(base: string, token: string): string {
  const link = new URL(base);
  link.searchParams.set(HANDOFF_PARAM, token);
  link.hash = '';
  return link.href;
}

/** The handoff token of a page address, if it is a phone's link. */
export function handoffToken(address: string): string | undefined {
  return new URL(address).searchParams.get(HANDOFF_PARAM) || undefined;
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
