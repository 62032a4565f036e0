import type { FaceAssetUrls } from '../assets-url.js';
import type { DetectedFace } from '../face-types.js';

/** Messages between the page and the face Worker (`face/face-worker.js`). */

/** Page → Worker: load the engine module and the models, then detect on transferred frames. */
export type ToFaceWorker =
  { type: 'load'; engineUrl: string; urls: FaceAssetUrls } | { type: 'detect'; id: number; frame: ImageBitmap };

/** Worker → page: the engine's state after `load`, and one answer per `detect`. */
export type FromFaceWorker =
  | { type: 'ready'; backend: string }
  | { type: 'failed'; message: string }
  | { type: 'faces'; id: number; faces: DetectedFace[]; numTensors: number }
  | { type: 'error'; id: number; message: string };
