/**
 * Scores computed from face-api's output. Pure functions, so the calibration is testable.
 */

/** Euclidean distance between two 128-d face descriptors. */
export function descriptorDistance(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - (b[i] ?? 0)) ** 2;
  return Math.sqrt(sum);
}

/**
 * Similarity 0–1 from descriptor distance: a logistic centred on 0.5 with scale 0.072, measured on
 * face-api's demo photos to put 97 % of same-face pairs at or above 0.8 and 99 % of
 * different-person pairs below 0.5 (ENVIRONMENT.md). A starting calibration, not a biometric
 * certification.
 */
export function faceSimilarity(a: readonly number[], b: readonly number[]): number {
  return similarityOfDistance(descriptorDistance(a, b));
}

/** The similarity of a descriptor distance (see {@link faceSimilarity}). */
export function similarityOfDistance(distance: number): number {
  return 1 / (1 + Math.exp((distance - 0.5) / 0.072));
}

export interface LivenessInput {
  /** Detector confidence, 0–1. */
  confidence: number;
  /** Face width over image width. */
  faceWidthRatio: number;
  /** Laplacian variance of the face (see FaceEngine). */
  sharpness: number;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * The sandbox's stand-in for a liveness score: a face-quality score, NOT anti-spoofing. Half
 * detector confidence, a quarter face size (full marks from 30 % of the frame width), a quarter
 * sharpness (full marks from a Laplacian variance of 100). A printed photo held up to the camera
 * can pass it; Verifik's real liveness check is a different, trained model.
 */
export function livenessStandIn({ confidence, faceWidthRatio, sharpness }: LivenessInput): number {
  const score = 0.5 * clamp01(confidence) + 0.25 * clamp01(faceWidthRatio / 0.3) + 0.25 * clamp01(sharpness / 100);
  return Math.round(score * 1000) / 1000;
}
