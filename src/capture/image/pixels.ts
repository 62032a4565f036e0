/**
 * Pure measurements of a frame's pixels: how sharp, how bright, how much is blown out. They run
 * on a small copy of the frame (see `readPixels()`), so thresholds do not depend on the camera's
 * resolution and a measurement costs well under a millisecond per frame.
 */

/** RGBA pixels, row by row; an `ImageData` is one. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

export interface FrameMetrics {
  /** Variance of the Laplacian of the luminance: high when edges are crisp, low when blurred. */
  sharpness: number;
  /** Mean luminance, 0 (black) to 255 (white). */
  brightness: number;
  /** Share of pixels, 0–1, whose luminance is at least {@link GLARE_LUMINANCE}. */
  glare: number;
}

/** `width`×`height` scaled down (never up) so the long edge is at most `maxEdge`, in whole pixels (at least 1). */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number } {
  const scale = Math.min(1, maxEdge / Math.max(width, height, 1));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Luminance at or above which a pixel counts as blown out. */
export const GLARE_LUMINANCE = 250;

/** Rec. 601 luminance of every pixel. */
export function luminance({ width, height, data }: Pixels): Float32Array {
  const out = new Float32Array(width * height);
  for (let index = 0; index < out.length; index++) {
    const offset = index * 4;
    out[index] = 0.299 * data[offset]! + 0.587 * data[offset + 1]! + 0.114 * data[offset + 2]!;
  }
  return out;
}

/** Variance of the 4-neighbour Laplacian over the interior pixels (0 for images under 3×3). */
export function laplacianVariance(gray: Float32Array, width: number, height: number): number {
  let sum = 0;
  let sumOfSquares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const index = y * width + x;
      const value =
        4 * gray[index]! - gray[index - 1]! - gray[index + 1]! - gray[index - width]! - gray[index + width]!;
      sum += value;
      sumOfSquares += value * value;
      count++;
    }
  }
  if (count === 0) return 0;
  const mean = sum / count;
  return sumOfSquares / count - mean * mean;
}

/** Sharpness, brightness and glare of a frame. */
export function measureFrame(pixels: Pixels): FrameMetrics {
  const gray = luminance(pixels);
  let total = 0;
  let blown = 0;
  for (const value of gray) {
    total += value;
    if (value >= GLARE_LUMINANCE) blown++;
  }
  const count = Math.max(gray.length, 1);
  return {
    sharpness: laplacianVariance(gray, pixels.width, pixels.height),
    brightness: total / count,
    glare: blown / count,
  };
}
