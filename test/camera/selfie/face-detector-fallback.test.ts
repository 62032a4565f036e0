import { expect } from '@open-wc/testing';
import { loadFaceDetector } from '../../../src/capture/face/load-detector.js';
import { cameraVideo, stopVideo } from '../../helpers/browser/camera-video.js';

/**
 * A page whose Content-Security-Policy refuses every Worker (`worker-src 'none'`): the detector
 * cannot run off the main thread, so it must load the same engine into the page and still guide.
 */
describe('face detector where no Worker may run', function () {
  // Camera frames and face models share 2 busy cores with the other engineers' tests.
  this.timeout(120_000);

  it('runs the engine on the main thread, on wasm, and finds the face', async () => {
    const refused: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => refused.push(event.effectiveDirective));
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "worker-src 'none'";
    document.head.append(policy);

    const detector = await loadFaceDetector(new URL('/no-worker/face/', location.href).href);
    expect(refused, 'the page refused the Worker').to.include('worker-src');
    expect(detector.stats()).to.include({ thread: 'main', backend: 'wasm' });
    const video = await cameraVideo();
    try {
      expect(await detector.detect(video)).to.have.length(1);
    } finally {
      stopVideo(video);
    }
  });
});
