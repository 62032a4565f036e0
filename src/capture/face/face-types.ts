/** What a face detector reports for one face, in the frame's pixels. */

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FaceObservation {
  box: Box;
  /** Detector confidence, 0–1. */
  score: number;
  /** The 68 landmarks of the iBUG 300-W scheme (jaw 0–16, nose 27–35, eyes 36–47, mouth 48–67). */
  landmarks: readonly Point[];
}

/**
 * Finds faces in a video frame. The face-api adapter is the real one (loaded on demand); tests
 * can script their own.
 */
export interface FaceDetector {
  /** The tfjs backend in use (`wasm`, `webgl` or `cpu`). */
  readonly backend: string;
  /** Every face in `source`, with landmarks. One call at a time. */
  detect(source: HTMLVideoElement | HTMLCanvasElement): Promise<FaceObservation[]>;
  /** Tensors alive in the backend (a leak shows as growth across frames). */
  numTensors(): number;
}
