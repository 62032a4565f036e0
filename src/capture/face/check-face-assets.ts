import { faceAssetUrls, type FaceAssetUrls } from './assets-url.js';
import { loadFaceDetector } from './load-detector.js';

/**
 * Asks the server for every face asset (`HEAD`, nothing downloaded) and answers the first URL
 * that does not answer 2xx, or `undefined` when all are there. A misplaced asset otherwise shows
 * only at the selfie, as a silent fallback to a manual photo; checked on the step before it, the
 * integrator hears of it (`face_assets_unreachable`) while the person still fills in the form.
 * Inlined assets (`data:` URLs a bundler made) need no check.
 */
export async function findUnreachableFaceAsset(
  urls: FaceAssetUrls,
  fetchImpl: typeof fetch = fetch,
): Promise<string | undefined> {
  const remote = Object.values(urls).filter((url) => !url.startsWith('data:'));
  const reachable = await Promise.all(
    remote.map((url) =>
      fetchImpl(url, { method: 'HEAD', credentials: 'same-origin' }).then(
        (response) => response.ok,
        () => false,
      ),
    ),
  );
  return remote[reachable.indexOf(false)];
}

/**
 * On the step before a selfie: checks the face assets, then loads the face guide in the
 * background so it is ready when the person gets there. `onUnreachable` hears of the first asset
 * that is missing (the selfie step would fall back to a manual photo).
 */
export async function prefetchFaceGuide(assetsUrl: string, onUnreachable: (url: string) => void): Promise<void> {
  const unreachable = await findUnreachableFaceAsset(faceAssetUrls(assetsUrl));
  if (unreachable) onUnreachable(unreachable);
  // Any other failure is reported by the selfie step, which tries again.
  else await loadFaceDetector(assetsUrl).catch(() => undefined);
}
