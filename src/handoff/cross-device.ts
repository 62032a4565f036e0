import type { StepId } from '../flow/machine.js';

/**
 * What the root element knows of cross-device handoff before the handoff controller loads: the
 * `cross-device` modes, the steps a phone can take over, and how a phone's link is read. Small
 * and pure, so the core carries it; the controller, its plan and the handoff screen load on demand.
 */

/** `cross-device`: offer the phone (and go to it when there is no camera), always use it, or never. */
export type CrossDeviceMode = 'auto' | 'force' | 'off';

/** The query parameter of the phone's link that carries the handoff token. */
export const HANDOFF_PARAM = 'verifik-handoff';

/** The steps that need a camera: the ones a phone can take over. */
export const CAMERA_STEPS = ['document', 'liveness'] as const satisfies readonly StepId[];

export type CameraStep = (typeof CAMERA_STEPS)[number];

export const isCameraStep = (id: StepId): id is CameraStep => (CAMERA_STEPS as readonly StepId[]).includes(id);

/** Whether a phone may take step `id` over: a camera step, with `cross-device` not `off`. */
export const mayHandOff = (id: StepId, mode: CrossDeviceMode): boolean => mode !== 'off' && isCameraStep(id);

/** The handoff token of a page address, if it is a phone's link. */
export function handoffToken(address: string): string | undefined {
  return new URL(address).searchParams.get(HANDOFF_PARAM) || undefined;
}
