import type { FaceDetector } from './face-types.js';

/**
 * The face detector, loaded once per assets folder and shared: the liveness step asks for it, and
 * the root asks earlier (a prefetch) so the models are ready when the person gets there. The
 * adapter itself is a separate chunk, fetched only by flows with a selfie.
 */
const loading = new Map<string, Promise<FaceDetector>>();

export function loadFaceDetector(assetsUrl: string): Promise<FaceDetector> {
  let detector = loading.get(assetsUrl);
  if (!detector) {
    detector = import('./face-api-detector.js').then(({ loadFaceApiDetector }) => loadFaceApiDetector(assetsUrl));
    // A failed load may be retried later (e.g. after the network came back).
    detector.catch(() => loading.delete(assetsUrl));
    loading.set(assetsUrl, detector);
  }
  return detector;
}
