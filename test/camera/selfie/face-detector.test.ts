import { expect } from '@open-wc/testing';
import { DEFAULT_ASSETS_URL } from '../../../src/capture/face/assets-folder.js';
import { evaluateFace, faceYaw } from '../../../src/capture/face/evaluate-face.js';
import type { FaceEngineDetector } from '../../../src/capture/face/face-engine-detector.js';
import { boxInPixels, MEASURE_EDGE } from '../../../src/capture/face/face-facts.js';
import type { AnalysedFrame } from '../../../src/capture/face/face-types.js';
import { faceAssetUrls } from '../../../src/capture/face/assets-url.js';
import { loadFaceDetector } from '../../../src/capture/face/load-detector.js';
import { WorkerFaceDetector } from '../../../src/capture/face/worker-detector.js';
import { readPixels } from '../../../src/capture/image/frame.js';
import { measureFrame } from '../../../src/capture/image/pixels.js';
import type { ToFaceWorker } from '../../../src/capture/face/engine/worker-protocol.js';
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

  it('analyses a camera frame in the Worker: the page hands the frame over unread, and gets the faces, the light and the still back', async () => {
    // What the page sends the Worker: the camera's frame itself where the browser has VideoFrame
    // (its pixels are first read in the Worker), else a bitmap.
    const sent: string[] = [];
    const { postMessage } = Worker.prototype;
    Worker.prototype.postMessage = function (this: Worker, message: ToFaceWorker, ...rest: [Transferable[]]) {
      if (message.type === 'analyse') sent.push(message.frame.constructor.name);
      return postMessage.call(this, message, ...rest);
    } as Worker['postMessage'];
    let analysed: AnalysedFrame;
    try {
      analysed = await detector.analyseFrame(video, 640);
    } finally {
      Worker.prototype.postMessage = postMessage;
    }
    expect(sent).to.deep.equal([typeof VideoFrame === 'function' ? 'VideoFrame' : 'ImageBitmap']);

    const { faces, facts, still } = analysed;
    expect(faces).to.have.length(1);
    expect(still).to.be.instanceOf(ImageBitmap);
    expect(Math.max(still.width, still.height)).to.equal(Math.min(640, Math.max(video.videoWidth, video.videoHeight)));
    expect(facts, 'the one face is measured').to.not.equal(undefined);
    expect(evaluateFace(faces, facts!)).to.equal('ok');
    // The still is the frame the Worker measured: the same face box, read here, has the same light.
    const here = measureFrame(readPixels(still, MEASURE_EDGE, boxInPixels(faces[0]!.box, still.width, still.height)));
    expect(here.brightness).to.be.closeTo(facts!.brightness, 2);
    expect(here.sharpness).to.be.closeTo(facts!.sharpness, facts!.sharpness * 0.15);
    (still as ImageBitmap).close();
  });

  it('copies the frames into bitmaps from the first camera frame this browser cannot send', async () => {
    // A Worker of its own: the shared detector keeps sending camera frames.
    const own = await WorkerFaceDetector.start(faceAssetUrls(DEFAULT_ASSETS_URL));
    const sent: string[] = [];
    const { postMessage } = Worker.prototype;
    Worker.prototype.postMessage = function (this: Worker, message: ToFaceWorker, ...rest: [Transferable[]]) {
      if (message.type === 'analyse') {
        sent.push(message.frame.constructor.name);
        if (message.frame.constructor.name === 'VideoFrame') throw new DOMException('refused', 'DataCloneError');
      }
      return postMessage.call(this, message, ...rest);
    } as Worker['postMessage'];
    try {
      for (let frame = 0; frame < 2; frame++) expect((await own.analyseFrame(video, 640)).faces).to.have.length(1);
    } finally {
      Worker.prototype.postMessage = postMessage;
    }
    const tried = typeof VideoFrame === 'function' ? ['VideoFrame'] : [];
    expect(sent).to.deep.equal([...tried, 'ImageBitmap', 'ImageBitmap']);
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
