import type { FrameMetrics } from '../../image/pixels.js';
import type { FaceAssetUrls } from '../assets-url.js';
import type { DetectedFace } from '../face-types.js';

/** Messages between the page and the face Worker (`face/face-worker.js`). */

/**
 * Page → Worker: load the engine module and the models, then analyse transferred frames (a
 * camera's `VideoFrame`, or a bitmap), each scaled to at most `maxEdge` on its long edge, and
 * given to the engine at most `readEdge` on its long edge.
 */
export type ToFaceWorker =
  | { type: 'load'; engineUrl: string; urls: FaceAssetUrls }
  | { type: 'analyse'; id: number; frame: VideoFrame | ImageBitmap; maxEdge: number; readEdge: number };

/**
 * Worker → page: the engine's state after `load`, and one answer per `analyse`: the faces, the
 * single face's light and sharpness, and the still they were found on (transferred back).
 */
export type FromFaceWorker =
  | { type: 'ready'; backend: string }
  | { type: 'failed'; message: string }
  | {
      type: 'analysed';
      id: number;
      faces: DetectedFace[];
      facts: FrameMetrics | undefined;
      still: ImageBitmap;
      numTensors: number;
    }
  | { type: 'error'; id: number; message: string };
