import type { FaceObservation, Point } from '../../../src/capture/face/face-types.js';

/**
 * A face observation made up for tests: a box (default: centred in 640×480, 256 wide) and 68
 * landmarks whose outer eye corners and nose tip give the requested yaw.
 */
export function syntheticFace({
  x,
  y,
  width = 256,
  height = width * 1.2,
  yaw = 0,
}: { x?: number; y?: number; width?: number; height?: number; yaw?: number } = {}): FaceObservation {
  const left = x ?? 320 - width / 2;
  const top = y ?? 240 - height / 2;
  const centre = { x: left + width / 2, y: top + height / 2 };
  const landmarks: Point[] = Array.from({ length: 68 }, () => ({ ...centre }));
  const span = width * 0.6;
  landmarks[36] = { x: centre.x - span / 2, y: top + height * 0.4 };
  landmarks[45] = { x: centre.x + span / 2, y: top + height * 0.4 };
  landmarks[30] = { x: centre.x + yaw * span, y: top + height * 0.6 };
  return { box: { x: left, y: top, width, height }, score: 0.9, landmarks };
}
