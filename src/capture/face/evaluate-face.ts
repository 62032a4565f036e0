import type { FaceObservation, Point } from './face-types.js';

/**
 * What the selfie guide tells the person about a frame. Pure: the detection and a few numbers
 * about the frame in, one verdict out, so every rule is tested on synthetic faces.
 */

export type FaceVerdict =
  'no-face' | 'multiple' | 'too-dark' | 'too-far' | 'too-close' | 'off-center' | 'turned' | 'blurry' | 'ok';

export interface FrameFacts {
  width: number;
  height: number;
  /** Mean luminance (0–255) of the face region. */
  brightness?: number;
  /** Laplacian variance of the face region (see `capture/image/pixels.ts`). */
  sharpness?: number;
}

export interface FaceLimits {
  /** Face width as a share of the frame width: below is too far, above too close. */
  minWidth: number;
  maxWidth: number;
  /** Largest distance of the face centre from the frame centre, as a share of width / height. */
  maxOffsetX: number;
  maxOffsetY: number;
  minBrightness: number;
  minSharpness: number;
  /** Largest |yaw| (see {@link faceYaw}) for a frontal selfie; below the turn challenge's 0.18. */
  maxYaw: number;
}

/**
 * Calibrated on the fake-camera selfie (a 640×480 frame, face ≈ 40 % of its width): yaw 0.03,
 * face-region brightness ≈ 120, sharpness ≈ 60–110 at a 128 px face crop; a 6 px Gaussian blur
 * brings sharpness under 10.
 */
export const FACE_LIMITS: Readonly<FaceLimits> = {
  minWidth: 0.22,
  maxWidth: 0.65,
  maxOffsetX: 0.15,
  maxOffsetY: 0.18,
  minBrightness: 60,
  minSharpness: 15,
  maxYaw: 0.15,
};

/** Landmark indices used for head pose. */
const NOSE_TIP = 30;
const LEFT_EYE_OUTER = 36;
const RIGHT_EYE_OUTER = 45;

/**
 * Horizontal head turn from the landmarks: the nose tip's offset from the midpoint of the outer
 * eye corners, in eye-span units. About 0 when frontal; positive when the nose points to the
 * image's right, which is the person's own left (the camera faces them).
 */
export function faceYaw(landmarks: readonly Point[]): number {
  const nose = landmarks[NOSE_TIP];
  const left = landmarks[LEFT_EYE_OUTER];
  const right = landmarks[RIGHT_EYE_OUTER];
  if (!nose || !left || !right) return 0;
  const span = right.x - left.x;
  return span === 0 ? 0 : (nose.x - (left.x + right.x) / 2) / Math.abs(span);
}

/**
 * The verdict for one frame, checked in the order a person can fix things: someone in view,
 * alone, enough light, the right distance, centred, facing the camera, then sharp. With
 * `allowTurn` (during a turn challenge) a turned head is fine.
 */
export function evaluateFace(
  faces: readonly FaceObservation[],
  frame: FrameFacts,
  limits: Readonly<FaceLimits> = FACE_LIMITS,
  allowTurn = false,
): FaceVerdict {
  if (faces.length === 0) return 'no-face';
  if (faces.length > 1) return 'multiple';
  const { box, landmarks } = faces[0]!;
  if (frame.brightness !== undefined && frame.brightness < limits.minBrightness) return 'too-dark';
  const widthShare = box.width / frame.width;
  if (widthShare < limits.minWidth) return 'too-far';
  if (widthShare > limits.maxWidth) return 'too-close';
  const offsetX = Math.abs(box.x + box.width / 2 - frame.width / 2) / frame.width;
  const offsetY = Math.abs(box.y + box.height / 2 - frame.height / 2) / frame.height;
  if (offsetX > limits.maxOffsetX || offsetY > limits.maxOffsetY) return 'off-center';
  if (!allowTurn && Math.abs(faceYaw(landmarks)) > limits.maxYaw) return 'turned';
  if (frame.sharpness !== undefined && frame.sharpness < limits.minSharpness) return 'blurry';
  return 'ok';
}
