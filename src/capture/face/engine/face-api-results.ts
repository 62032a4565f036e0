import type { DetectedFace, Point } from '../face-types.js';

/**
 * How the face engine runs face-api, and how its answers become the detector port's: shared by
 * the engine (in the browser) and the tests that run face-api in Node on the same settings.
 */

/**
 * Input size of the tiny detector: 224 finds a selfie-sized face in about 25 ms on wasm; 160 is
 * faster but misses faces further than arm's length, 128 misses many.
 */
export const DETECTOR_INPUT_SIZE = 224;
/**
 * Long edge, in pixels, at which the engine is given a frame. The detector looks at it at 224 and
 * the landmarks at each face's box at 112, so a larger frame only adds copying; at 320 a face that
 * fills a third of the frame's width is still wider than the landmarks' input.
 */
export const DETECT_EDGE = 320;
/** The tiny detector's score below which a box is no face. */
export const DETECTOR_SCORE_THRESHOLD = 0.5;

/** Indices of the 68-point iBUG 300-W landmarks the port's keypoints come from. */
const LANDMARK = { leftEyeOuter: 36, rightEyeOuter: 45, noseTip: 30 } as const;

/** One face as face-api answers `detectAllFaces(…).withFaceLandmarks(true)`, in pixels. */
export interface FaceApiResult {
  detection: { box: { x: number; y: number; width: number; height: number }; score: number };
  landmarks: { positions: Point[] };
}

/** face-api's answer for a `width`×`height` frame, in the port's shares of the frame. */
export function toDetectedFaces(results: readonly FaceApiResult[], width: number, height: number): DetectedFace[] {
  const point = ({ x, y }: Point): Point => ({ x: x / width, y: y / height });
  return results.map(({ detection: { box, score }, landmarks: { positions } }) => ({
    box: { x: box.x / width, y: box.y / height, width: box.width / width, height: box.height / height },
    score,
    keypoints: {
      leftEyeOuter: point(positions[LANDMARK.leftEyeOuter]!),
      rightEyeOuter: point(positions[LANDMARK.rightEyeOuter]!),
      noseTip: point(positions[LANDMARK.noseTip]!),
    },
  }));
}
