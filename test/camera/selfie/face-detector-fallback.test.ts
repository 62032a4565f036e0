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
      // The selfie guide's frames too: the still is a canvas here, and the face is measured.
      const { faces, facts, still } = await detector.analyseFrame(video, 640);
      expect(faces).to.have.length(1);
      expect(still).to.be.instanceOf(HTMLCanvasElement);
      expect(Math.max(still.width, still.height)).to.equal(
        Math.min(640, Math.max(video.videoWidth, video.videoHeight)),
      );
      expect(facts?.brightness).to.be.within(40, 220);
    } finally {
      stopVideo(video);
    }
  });
});
