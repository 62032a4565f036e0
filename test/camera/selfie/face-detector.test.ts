import { expect } from '@open-wc/testing';
import { DEFAULT_ASSETS_URL } from '../../../src/capture/face/assets-url.js';
import { evaluateFace, faceYaw } from '../../../src/capture/face/evaluate-face.js';
import type { FaceEngineDetector } from '../../../src/capture/face/face-engine-detector.js';
import { loadFaceDetector } from '../../../src/capture/face/load-detector.js';
import { cameraVideo, faceFacts, stopVideo } from '../../helpers/browser/camera-video.js';

describe('face detector on the fake camera (one frontal face)', function () {
  // Camera frames, face models and the sandbox's face engine share 2 busy cores: seconds per image.
  this.timeout(120_000);

  let detector: FaceEngineDetector;
  let video: HTMLVideoElement;

  before(async () => {
    detector = await loadFaceDetector(DEFAULT_ASSETS_URL);
    video = await cameraVideo();
  });
  after(() => stopVideo(video));

  it('runs in a Worker on the wasm backend and finds one frontal, sharp face that passes the guide', async () => {
    expect(detector.stats()).to.include({ backend: 'wasm', thread: 'worker' });
    const faces = await detector.detect(video);
    expect(faces).to.have.length(1);
    const [face] = faces;
    // The port speaks in shares of the frame: every keypoint lies inside the face's box.
    for (const { x, y } of Object.values(face!.keypoints)) {
      expect(x).to.be.within(face!.box.x, face!.box.x + face!.box.width);
      expect(y).to.be.within(face!.box.y, face!.box.y + face!.box.height);
    }
    const { videoWidth: width, videoHeight: height } = video;
    const { box } = face!;
    const facts = faceFacts(video, {
      x: box.x * width,
      y: box.y * height,
      width: box.width * width,
      height: box.height * height,
    });
    const yaw = faceYaw(face!.keypoints);
    // Measured: face 328 px wide in 640 (0.51), yaw 0.024, brightness 99, sharpness 169.
    expect(Math.abs(yaw)).to.be.lessThan(0.1);
    expect(evaluateFace(faces, facts)).to.equal('ok');
  });

  it('keeps the tensor count flat over 300 frames', async function () {
    // About 12 s on an idle machine; more while other work shares the cores.
    this.timeout(90_000);
    await detector.detect(video);
    const before = detector.stats().numTensors;
    for (let frame = 0; frame < 300; frame++) await detector.detect(video);
    expect(detector.stats().numTensors).to.equal(before);
  });

  it('is loaded once per assets folder', async () => {
    expect(await loadFaceDetector(DEFAULT_ASSETS_URL)).to.equal(detector);
  });
});
