/**
 * The bench's face-guidance page: our configuration (the widget's own detector loader: the face
 * engine of the build's `face/` in a Worker, tiny detector at 224 + tiny landmarks) and the two
 * configurations Verifik's hosted page uses (face-api's full bundle, SSD MobileNet at
 * minConfidence 0.2 + full 68 landmarks, and the same plus expressions and age/gender), all on the
 * tfjs wasm backend and the same canvas frames of the fake camera. The bench calls
 * `window.benchFace.*` from Playwright.
 */
// The package's one copy of the face assets, in the npm build (the CDN script reaches it as ../dist/face/).
const ASSETS = new URL('/dist/face/', location.href).href;
const MODELS = new URL('/models/', location.href).href;
// face-api's full bundle (tfjs and every backend inside), as the hosted page runs it.
const FACE_API = new URL('/face-api/face-api.esm.js', location.href).href;

/** The face-api networks each configuration loads, and where from. */
const CONFIGS = {
  ours: { nets: ['tinyFaceDetector', 'faceLandmark68TinyNet'], from: MODELS },
  hosted: { nets: ['ssdMobilenetv1', 'faceLandmark68Net'], from: MODELS },
  hostedFull: { nets: ['ssdMobilenetv1', 'faceLandmark68Net', 'faceExpressionNet', 'ageGenderNet'], from: MODELS },
};

/** face-api's full bundle, for the hosted configurations. */
const importFaceApi = () => import(FACE_API);

async function startWasm(faceapi) {
  faceapi.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  faceapi.tf.setWasmPaths(ASSETS);
  if (!(await faceapi.tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  await faceapi.tf.ready();
}

const loadNets = (faceapi, config) =>
  Promise.all(CONFIGS[config].nets.map((net) => faceapi.nets[net].loadFromUri(CONFIGS[config].from)));

/** Long edge of the selfie step's stills (the widget's FaceGuideController). */
const SELFIE_EDGE = 640;

/**
 * What each configuration runs on one frame of the camera (`canvas` holds it frozen); answers the
 * number of faces found. Ours is the selfie step's whole frame analysis, as the widget runs it:
 * the camera's frame sent to the Worker, the faces and landmarks, the face's light and sharpness,
 * and the still back.
 */
const detectors = (faceapi, adapter, video) => ({
  ours: async () => {
    const { faces, still } = await adapter.analyseFrame(video, SELFIE_EDGE);
    still.close?.();
    return faces.length;
  },
  hosted: async (canvas) =>
    (
      await faceapi
        .detectAllFaces(canvas, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.2 }))
        .withFaceLandmarks()
    ).length,
  hostedFull: async (canvas) =>
    (
      await faceapi
        .detectAllFaces(canvas, new faceapi.SsdMobilenetv1Options({ minConfidence: 0.2 }))
        .withFaceLandmarks()
        .withFaceExpressions()
        .withAgeAndGender()
    ).length,
});

/** The fake camera in a playing `<video>`, and a canvas of its full size to freeze frames into. */
async function camera() {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  await video.play();
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const nextFrame = () =>
    new Promise((resolve) =>
      video.requestVideoFrameCallback(() => {
        context.drawImage(video, 0, 0);
        resolve(canvas);
      }),
    );
  const stop = () => stream.getTracks().forEach((track) => track.stop());
  return { video, canvas, nextFrame, stop };
}

window.benchFace = {
  /** Model-ready time of a configuration on a fresh page: import, backend start, weights (ms). */
  async modelReady(config) {
    const start = performance.now();
    const faceapi = await importFaceApi();
    const imported = performance.now();
    await startWasm(faceapi);
    const backend = performance.now();
    await loadNets(faceapi, config);
    const weights = performance.now();
    return {
      importMs: imported - start,
      backendMs: backend - imported,
      weightsMs: weights - backend,
      totalMs: weights - start,
      backend: faceapi.tf.getBackend(),
    };
  },

  /** Model-ready time through the widget's own loader (the build's module at `adapterPath`), cold. */
  async adapterReady(adapterPath) {
    const start = performance.now();
    const { loadFaceDetector } = await import(adapterPath);
    const detector = await loadFaceDetector(ASSETS);
    const { backend, thread } = detector.stats();
    return { totalMs: performance.now() - start, backend, thread };
  },

  /**
   * The selfie step's frame loop as the widget runs it (the build's FaceGuideController on the
   * playing camera, with the detector from `adapterPath`), for `frames` analysed frames after the
   * model is ready; `window.benchFrameAnalysed` (a Playwright binding that reads the main thread's
   * task time) is called after each. Long tasks are counted from the moment the model is ready.
   * With `floorMs`, the same loop runs on an analyser that reads nothing and answers "no face"
   * after `floorMs`: what the page spends per frame with no analysis at all (the video, the loop,
   * the measurement itself). Answers how long each analysis took, as the page waited for it.
   */
  async guide(adapterPath, guidePath, frames, floorMs) {
    const { loadFaceDetector } = await import(adapterPath);
    const { FaceGuideController } = await import(guidePath);
    const detector = await loadFaceDetector(ASSETS);
    const nothingRead = document.createElement('canvas');
    const analyser =
      floorMs === undefined
        ? detector
        : {
            analyseFrame: () =>
              new Promise((resolve) =>
                setTimeout(() => resolve({ faces: [], facts: undefined, still: nothingRead }), floorMs),
              ),
          };
    const waits = [];
    const timed = {
      async analyseFrame(video, maxEdge) {
        const start = performance.now();
        const analysed = await analyser.analyseFrame(video, maxEdge);
        waits.push(performance.now() - start);
        return analysed;
      },
    };
    const { video, stop } = await camera();
    const ready = performance.now();
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.startTime >= ready) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const verdicts = [];
    try {
      await new Promise((resolve) => {
        const guide = new FaceGuideController(
          { addController() {}, requestUpdate() {} },
          {
            onFrame({ verdict }) {
              verdicts.push(verdict);
              window.benchFrameAnalysed();
              if (verdicts.length < frames) return;
              guide.stop();
              resolve();
            },
          },
        );
        guide.start(video, timed);
      });
    } finally {
      observer.disconnect();
      stop();
    }
    return { verdicts, longTasks, waits, ...detector.stats() };
  },

  /**
   * Per-frame time of every configuration on the same frames, interleaved: each frame is frozen
   * into a canvas and handed to each configuration in turn (ours reads the playing video itself,
   * as the widget does: the fake camera shows the same selfie), the order rotating from frame to
   * frame. The first `warmup` frames are not counted.
   */
  async compare(adapterPath, frames, warmup) {
    const { loadFaceDetector } = await import(adapterPath);
    const adapter = await loadFaceDetector(ASSETS);
    const faceapi = await importFaceApi();
    await startWasm(faceapi);
    await loadNets(faceapi, 'hostedFull');
    const { video, nextFrame, stop } = await camera();
    const run = detectors(faceapi, adapter, video);
    const names = Object.keys(run);
    const samples = Object.fromEntries(names.map((name) => [name, []]));
    const faces = Object.fromEntries(names.map((name) => [name, []]));
    try {
      for (let frame = 0; frame < warmup + frames; frame++) {
        const canvas = await nextFrame();
        for (let turn = 0; turn < names.length; turn++) {
          const name = names[(frame + turn) % names.length];
          const start = performance.now();
          const found = await run[name](canvas);
          const ms = performance.now() - start;
          if (frame >= warmup) {
            samples[name].push(ms);
            faces[name].push(found);
          }
        }
      }
    } finally {
      stop();
    }
    const { backend, thread } = adapter.stats();
    return { backend, thread, samples, faces, size: { width: 640, height: 480 } };
  },

  /** Tensors alive before and after `frames` detections of the adapter on the playing camera video. */
  async tensorGrowth(adapterPath, frames) {
    const { loadFaceDetector } = await import(adapterPath);
    const adapter = await loadFaceDetector(ASSETS);
    const { video, stop } = await camera();
    try {
      await adapter.detect(video);
      const before = adapter.stats().numTensors;
      let found = 0;
      for (let frame = 0; frame < frames; frame++) found += (await adapter.detect(video)).length;
      return { before, after: adapter.stats().numTensors, frames, facesFound: found };
    } finally {
      stop();
    }
  },
};
