import type { Region } from '../image/frame.js';
import { measureFrame, type FrameMetrics, type Pixels } from '../image/pixels.js';
import type { Box, DetectedFace } from './face-types.js';

/**
 * The light and sharpness of the one face in a frame: the part of the frame analysis that both
 * the face Worker and the main-thread fallback run, each reading pixels its own way.
 */

/** Long edge of the face crop measured for light and sharpness. */
export const MEASURE_EDGE = 128;

/** `box` (shares of the frame) in whole pixels of a `width`×`height` frame, limited to it. */
export function boxInPixels(box: Box, width: number, height: number): Region | undefined {
  const x = Math.max(0, Math.floor(box.x * width));
  const y = Math.max(0, Math.floor(box.y * height));
  const right = Math.min(width, Math.ceil((box.x + box.width) * width));
  const bottom = Math.min(height, Math.ceil((box.y + box.height) * height));
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}

/**
 * Light and sharpness of the face when `faces` (found on a `width`×`height` frame) holds exactly
 * one; `read` answers a region's pixels scaled to at most `maxEdge` on its long edge.
 */
export function faceFacts(
  faces: readonly DetectedFace[],
  width: number,
  height: number,
  read: (region: Region, maxEdge: number) => Pixels,
): FrameMetrics | undefined {
  const region = faces.length === 1 ? boxInPixels(faces[0]!.box, width, height) : undefined;
  return region ? measureFrame(read(region, MEASURE_EDGE)) : undefined;
}
