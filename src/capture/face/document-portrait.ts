import { expandRegion } from '../image/document-quality.js';
import { drawFrame, encodeJpeg, type Region, toDataUrl } from '../image/frame.js';
import type { DetectedFace, FaceDetector } from './face-types.js';

/**
 * The portrait on an ID document: found with the selfie's face detector on the photo of the
 * front, cut with a margin and sent as Verifik's `documentFace`, so the face match compares the
 * selfie with the holder's photo rather than searching the whole card (Verifik's hosted client
 * cuts it the same way).
 */

/**
 * Share of the face box added on every side: the whole head, hair and chin included, as the
 * server's own detector expects to find a face with some background around it.
 */
export const PORTRAIT_MARGIN = 0.4;

/** The crop is sent as a JPEG of at most 480 px and 120 KB: a face needs no more. */
const PORTRAIT_BUDGET = { maxEdge: 480, maxBytes: 120_000 };

/**
 * The crop of the largest face of `faces` (boxes as shares of a `width`×`height` photo) with
 * {@link PORTRAIT_MARGIN}, in pixels, kept inside the photo; undefined when there is no face.
 */
export function portraitRegion(faces: readonly DetectedFace[], width: number, height: number): Region | undefined {
  const largest = [...faces].sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height)[0];
  if (!largest) return undefined;
  const { box } = largest;
  const face = { x: box.x * width, y: box.y * height, width: box.width * width, height: box.height * height };
  return expandRegion(face, PORTRAIT_MARGIN, width, height);
}

/**
 * The portrait on `photo` as a JPEG data URL, or undefined when `detector` finds no face there
 * (the server then searches the whole photo, as without a crop).
 */
export async function cropPortrait(detector: FaceDetector, photo: HTMLCanvasElement): Promise<string | undefined> {
  const region = portraitRegion(await detector.detect(photo), photo.width, photo.height);
  if (!region) return undefined;
  return toDataUrl(await encodeJpeg(drawFrame(photo, Infinity, region), PORTRAIT_BUDGET));
}
