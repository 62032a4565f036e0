import type { DetectedFace, FaceKeypoints } from './face-types.js';

/**
 * What the selfie guide tells the person about a frame. Pure: the detection (in frame-relative
 * units, whatever the detector) and a few numbers about the face's pixels in, one verdict out, so
 * every rule is tested on synthetic faces.
 */

export type FaceVerdict =
  'no-face' | 'multiple' | 'too-dark' | 'too-far' | 'too-close' | 'off-center' | 'turned' | 'blurry' | 'ok';

/** Measurements of the face region's pixels. */
export interface FrameFacts {
  /** Mean luminance (0–255) of the face region. */
  brightness?: number;
  /** Laplacian variance of the face region (see `capture/image/pixels.ts`). */
  sharpness?: number;
}

export interface FaceLimits {
  /** Face width as a share of the frame's width: below is too far, above too close. */
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

/**
 * Horizontal head turn from the keypoints: the nose tip's offset from the midpoint of the outer
 * eye corners, in eye-span units. About 0 when frontal; positive when the nose points to the
 * image's right, which is the person's own left (the camera faces them).
 */
export function faceYaw({ leftEyeOuter: left, rightEyeOuter: right, noseTip: nose }: FaceKeypoints): number {
  const span = right.x - left.x;
  return span === 0 ? 0 : (nose.x - (left.x + right.x) / 2) / Math.abs(span);
}

/**
 * The verdict for one frame, checked in the order a person can fix things: someone in view,
 * alone, enough light, the right distance, centred, facing the camera, then sharp. With
 * `allowTurn` (during a turn challenge) a turned head is fine.
 */
export function evaluateFace(
  faces: readonly DetectedFace[],
  facts: FrameFacts,
  limits: Readonly<FaceLimits> = FACE_LIMITS,
  allowTurn = false,
): FaceVerdict {
  if (faces.length === 0) return 'no-face';
  if (faces.length > 1) return 'multiple';
  const { box, keypoints } = faces[0]!;
  if (facts.brightness !== undefined && facts.brightness < limits.minBrightness) return 'too-dark';
  if (box.width < limits.minWidth) return 'too-far';
  if (box.width > limits.maxWidth) return 'too-close';
  const offsetX = Math.abs(box.x + box.width / 2 - 0.5);
  const offsetY = Math.abs(box.y + box.height / 2 - 0.5);
  if (offsetX > limits.maxOffsetX || offsetY > limits.maxOffsetY) return 'off-center';
  if (!allowTurn && Math.abs(faceYaw(keypoints)) > limits.maxYaw) return 'turned';
  if (facts.sharpness !== undefined && facts.sharpness < limits.minSharpness) return 'blurry';
  return 'ok';
}

/**
 * What to tell the person: the verdict, made specific where the measured position says which
 * way to go. Directions are the person's own (the camera faces them): a face on the image's right
 * is on their left, so they move to their right; a nose pointing to the image's right is a head
 * turned to their left, so they turn to their right.
 */
export type FaceHint =
  | Exclude<FaceVerdict, 'off-center' | 'turned'>
  | 'move-left'
  | 'move-right'
  | 'move-up'
  | 'move-down'
  | 'face-left'
  | 'face-right';

/** The hint for a frame's `verdict`, given the one face it found (if any). */
export function faceHint(verdict: FaceVerdict, faces: readonly DetectedFace[]): FaceHint {
  const face = faces[0];
  if (verdict === 'turned') return face && faceYaw(face.keypoints) > 0 ? 'face-right' : 'face-left';
  if (verdict !== 'off-center') return verdict;
  if (!face) return 'no-face';
  const { box } = face;
  const offsetX = box.x + box.width / 2 - 0.5;
  const offsetY = box.y + box.height / 2 - 0.5;
  // The larger miss, relative to its limit, is the one to fix first.
  if (Math.abs(offsetX) / FACE_LIMITS.maxOffsetX >= Math.abs(offsetY) / FACE_LIMITS.maxOffsetY) {
    return offsetX > 0 ? 'move-right' : 'move-left';
  }
  return offsetY > 0 ? 'move-up' : 'move-down';
}
