import type { FrameMetrics } from '../image/pixels.js';

/**
 * The face-detector port: what the selfie guide needs from any detector, in units of the frame
 * (0–1 of its width and height), so the guidance rules never depend on a model, its landmark
 * layout or the frame's pixel size.
 */

/** A point as a share of the frame's width (`x`) and height (`y`). */
export interface Point {
  x: number;
  y: number;
}

/** A rectangle in pixels (for crops) or, in a {@link DetectedFace}, as shares of the frame. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The few named points the rules read. Left and right are the image's, not the person's. */
export interface FaceKeypoints {
  /** Outer corner of the eye on the image's left. */
  leftEyeOuter: Point;
  /** Outer corner of the eye on the image's right. */
  rightEyeOuter: Point;
  noseTip: Point;
}

/** One face found in a frame. */
export interface DetectedFace {
  /** The face's box, as shares of the frame's width and height. */
  box: Box;
  /** Detector confidence, 0–1. */
  score: number;
  keypoints: FaceKeypoints;
}

/**
 * Finds faces in a video frame. The face-api adapter is the real one (loaded on demand); tests
 * can script their own.
 */
export interface FaceDetector {
  /** Every face in `source`. One call at a time. */
  detect(source: HTMLVideoElement | HTMLCanvasElement): Promise<DetectedFace[]>;
}

/** One camera frame as the selfie guide sees it. */
export interface AnalysedFrame {
  faces: DetectedFace[];
  /** Light and sharpness of the face's box when exactly one face was found, else undefined. */
  facts: FrameMetrics | undefined;
  /** The frame as analysed (scaled to the requested long edge): the selfie, if it is kept. */
  still: ImageBitmap | HTMLCanvasElement;
}

/**
 * Analyses the frame a playing `<video>` shows: faces, the single face's light and sharpness, and
 * the still they were found on. Where a Worker runs it, the frame's pixels are read there: the
 * page's main thread only hands the frame over.
 */
export interface FrameAnalyser {
  /** One call at a time; `maxEdge` is the still's long edge, in pixels. */
  analyseFrame(video: HTMLVideoElement, maxEdge: number): Promise<AnalysedFrame>;
}
