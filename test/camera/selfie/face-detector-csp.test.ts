import { expect } from '@open-wc/testing';
import { FaceApiDetector } from '../../../src/capture/face/face-api-detector.js';
import { loadFaceDetector } from '../../../src/capture/face/load-detector.js';
import { cameraVideo, stopVideo } from '../../helpers/browser/camera-video.js';

/**
 * A page whose Content-Security-Policy has no 'wasm-unsafe-eval': WebAssembly cannot compile, so
 * the detector must fall back to another tfjs backend and still find the face.
 */
describe('face-api detector under a CSP without wasm', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  it('falls back from wasm and still detects', async () => {
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "script-src 'self' 'unsafe-inline'";
    document.head.append(policy);
    expect(() => new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]))).to.throw();

    // Another folder URL: a fresh copy of face-api and tfjs, initialised under the policy.
    const detector = await loadFaceDetector(new URL('/csp/face/', location.href).href);
    expect(detector).to.be.instanceOf(FaceApiDetector);
    expect((detector as FaceApiDetector).stats().backend).to.be.oneOf(['webgl', 'cpu']);
    const video = await cameraVideo();
    try {
      expect(await detector.detect(video)).to.have.length(1);
    } finally {
      stopVideo(video);
    }
  });
});
