import { expect } from '@open-wc/testing';
import { DEFAULT_ASSETS_URL } from '../../../src/capture/face/assets-url.js';
import { evaluateFace, faceYaw } from '../../../src/capture/face/evaluate-face.js';
import type { FaceDetector } from '../../../src/capture/face/face-types.js';
import { loadFaceDetector } from '../../../src/capture/face/load-detector.js';
import { cameraVideo, faceFacts, stopVideo } from '../../helpers/browser/camera-video.js';

describe('face-api detector on the fake camera (one frontal face)', () => {
  let detector: FaceDetector;
  let video: HTMLVideoElement;

  before(async () => {
    detector = await loadFaceDetector(DEFAULT_ASSETS_URL);
    video = await cameraVideo();
  });
  after(() => stopVideo(video));

  it('runs on the wasm backend and finds one frontal, sharp face that passes the guide', async () => {
    expect(detector.backend).to.equal('wasm');
    const faces = await detector.detect(video);
    expect(faces).to.have.length(1);
    const [face] = faces;
    expect(face!.landmarks).to.have.length(68);
    const facts = faceFacts(video, face!.box);
    const yaw = faceYaw(face!.landmarks);
    // Measured: face 328 px wide in 640, yaw 0.024, brightness 99, sharpness 169.
    expect(Math.abs(yaw)).to.be.lessThan(0.1);
    expect(evaluateFace(faces, { width: video.videoWidth, height: video.videoHeight, ...facts })).to.equal('ok');
  });

  it('keeps the tensor count flat over 300 frames', async function () {
    // About 12 s on an idle machine; more while other work shares the cores.
    this.timeout(90_000);
    await detector.detect(video);
    const before = detector.numTensors();
    for (let frame = 0; frame < 300; frame++) await detector.detect(video);
    expect(detector.numTensors()).to.equal(before);
  });

  it('is loaded once per assets folder', async () => {
    expect(await loadFaceDetector(DEFAULT_ASSETS_URL)).to.equal(detector);
  });
});
