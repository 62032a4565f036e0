import { fitWithin, type Pixels } from './pixels.js';

/**
 * Grabbing camera frames and encoding them for upload: the DOM side of `capture/image` (the
 * measurements themselves are pure, in `pixels.ts`).
 */

/** A region of a frame, in the frame's pixels. */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Anything a frame can be drawn from, with its natural size. */
export type FrameSource = HTMLVideoElement | HTMLCanvasElement | ImageBitmap | HTMLImageElement;

/** The natural size of a source (a video's stream size, an image's file size). */
export function sourceSize(source: FrameSource): { width: number; height: number } {
  if (source instanceof HTMLVideoElement) return { width: source.videoWidth, height: source.videoHeight };
  if (source instanceof HTMLImageElement) return { width: source.naturalWidth, height: source.naturalHeight };
  return { width: source.width, height: source.height };
}

/** Draws `region` of `source` (default: all of it) scaled so its long edge is at most `maxEdge`. */
export function drawFrame(source: FrameSource, maxEdge = Infinity, region?: Region): HTMLCanvasElement {
  const area = region ?? { x: 0, y: 0, ...sourceSize(source) };
  const size = fitWithin(area.width, area.height, maxEdge);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(source, area.x, area.y, area.width, area.height, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** The pixels of `region` of `source`, scaled down to at most `maxEdge` on the long edge. */
export function readPixels(source: FrameSource, maxEdge: number, region?: Region): Pixels {
  const canvas = drawFrame(source, maxEdge, region);
  return canvas.getContext('2d', { willReadFrequently: true })!.getImageData(0, 0, canvas.width, canvas.height);
}

const toBlob = (canvas: HTMLCanvasElement, quality: number) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode a JPEG'))),
      'image/jpeg',
      quality,
    ),
  );

export interface JpegBudget {
  /** Long edge of the encoded image, in pixels (smaller sources are not enlarged). */
  maxEdge: number;
  /** Largest acceptable file, in bytes. */
  maxBytes: number;
}

/**
 * A JPEG of `source` within `budget`: quality steps down from 0.92 to 0.5, then the image shrinks
 * by a fifth at a time, until it fits.
 */
export async function encodeJpeg(source: FrameSource, budget: JpegBudget): Promise<Blob> {
  let canvas = drawFrame(source, budget.maxEdge);
  for (;;) {
    for (const quality of [0.92, 0.85, 0.75, 0.65, 0.5]) {
      const blob = await toBlob(canvas, quality);
      if (blob.size <= budget.maxBytes) return blob;
    }
    if (Math.max(canvas.width, canvas.height) < 160) throw new Error('the image cannot fit the byte budget');
    canvas = drawFrame(canvas, Math.round(Math.max(canvas.width, canvas.height) * 0.8));
  }
}

/** A blob as a `data:` URL (what Verifik's image fields take). */
export function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('the image could not be read'));
    reader.readAsDataURL(blob);
  });
}
