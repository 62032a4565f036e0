import { faceAssetUrls } from './assets-url.js';
import type { FaceEngineDetector } from './face-engine-detector.js';
import { MainThreadFaceDetector } from './main-thread-detector.js';
import { canUseFaceWorker, WorkerFaceDetector } from './worker-detector.js';

/**
 * The face detector, loaded once per assets folder and shared: the liveness step asks for it, and
 * the root asks earlier (a prefetch) so the models are ready when the person gets there.
 * Detection runs in a Worker where one can run it, else on the main thread.
 */
const loading = new Map<string, Promise<FaceEngineDetector>>();

async function loadEngineDetector(assetsUrl: string): Promise<FaceEngineDetector> {
  const urls = faceAssetUrls(assetsUrl);
  if (canUseFaceWorker()) {
    try {
      return await WorkerFaceDetector.start(urls);
    } catch {
      // No Worker here (CSP, a worker that cannot import modules…): the main thread runs it.
    }
  }
  return MainThreadFaceDetector.load(urls);
}

export function loadFaceDetector(assetsUrl: string): Promise<FaceEngineDetector> {
  let detector = loading.get(assetsUrl);
  if (!detector) {
    detector = loadEngineDetector(assetsUrl);
    // A failed load may be retried later (e.g. after the network came back).
    detector.catch(() => loading.delete(assetsUrl));
    loading.set(assetsUrl, detector);
  }
  return detector;
}
