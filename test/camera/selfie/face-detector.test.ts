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
    console.log(
      `selfie: box ${JSON.stringify(face!.box)} yaw ${yaw.toFixed(3)} brightness ${facts.brightness.toFixed(1)} sharpness ${facts.sharpness.toFixed(1)}`,
    );
    expect(Math.abs(yaw)).to.be.lessThan(0.1);
    expect(evaluateFace(faces, { width: video.videoWidth, height: video.videoHeight, ...facts })).to.equal('ok');
  });

  it('keeps the tensor count flat over 100 frames', async () => {
    await detector.detect(video);
    const before = detector.numTensors();
    const times: number[] = [];
    for (let frame = 0; frame < 100; frame++) {
      const start = performance.now();
      await detector.detect(video);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`detect p50 ${times[50]!.toFixed(1)} ms, p95 ${times[95]!.toFixed(1)} ms`);
    expect(detector.numTensors()).to.equal(before);
  });

  it('is loaded once per assets folder', async () => {
    expect(await loadFaceDetector(DEFAULT_ASSETS_URL)).to.equal(detector);
  });
});
