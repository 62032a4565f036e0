import { expect } from '@open-wc/testing';
import { loadFaceDetector } from '../../../src/capture/face/load-detector.js';
import { cameraVideo, stopVideo } from '../../helpers/browser/camera-video.js';

/** Adds a Content-Security-Policy to the page (policies add up: each one is enforced). */
function addPolicy(policy: string): void {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = policy;
  document.head.append(meta);
}

/** Loads the detector from a fresh folder URL (a fresh engine, initialised under the policies so far) and detects once. */
async function detectUnder(folder: string) {
  const detector = await loadFaceDetector(new URL(folder, location.href).href);
  const video = await cameraVideo();
  try {
    return { stats: detector.stats(), faces: await detector.detect(video) };
  } finally {
    stopVideo(video);
  }
}

/**
 * A page whose CSP has no 'wasm-unsafe-eval': WebAssembly cannot compile in the page. Tests in
 * order: the second adds a policy to the first's.
 */
describe('face detector under a CSP without wasm', function () {
  // Camera frames and face models share 2 busy cores; the cpu backend takes seconds a frame there.
  this.timeout(120_000);

  it("detects in the Worker on wasm: a worker script from the page's origin has its own policy", async () => {
    addPolicy("script-src 'self' 'unsafe-inline'");
    expect(() => new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))).to.throw();
    const { stats, faces } = await detectUnder('/csp/face/');
    expect(stats).to.include({ thread: 'worker', backend: 'wasm' });
    expect(faces).to.have.length(1);
  });

  it('with no Worker allowed either, falls back to the main thread on the cpu backend and still detects', async () => {
    addPolicy("worker-src 'none'");
    const { stats, faces } = await detectUnder('/csp-no-worker/face/');
    expect(stats).to.include({ thread: 'main', backend: 'cpu' });
    expect(faces).to.have.length(1);
  });
});
