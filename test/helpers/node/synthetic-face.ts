import type { DetectedFace } from '../../../src/capture/face/face-types.js';

/** The frame synthetic faces are placed in (the fake camera's size), in pixels. */
const FRAME = { width: 640, height: 480 };

/**
 * A detected face made up for tests, placed in pixels of a 640×480 frame (default: centred, 256
 * wide) and answered in the detector port's frame-relative units, with outer eye corners and a
 * nose tip that give the requested yaw.
 */
export function syntheticFace({
  x,
  y,
  width = 256,
  height = width * 1.2,
  yaw = 0,
}: { x?: number; y?: number; width?: number; height?: number; yaw?: number } = {}): DetectedFace {
  const left = x ?? FRAME.width / 2 - width / 2;
  const top = y ?? FRAME.height / 2 - height / 2;
  const centre = left + width / 2;
  const span = width * 0.6;
  const point = (px: number, py: number) => ({ x: px / FRAME.width, y: py / FRAME.height });
  return {
    box: { x: left / FRAME.width, y: top / FRAME.height, width: width / FRAME.width, height: height / FRAME.height },
    score: 0.9,
    keypoints: {
      leftEyeOuter: point(centre - span / 2, top + height * 0.4),
      rightEyeOuter: point(centre + span / 2, top + height * 0.4),
      noseTip: point(centre + yaw * span, top + height * 0.6),
    },
  };
}
