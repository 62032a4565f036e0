/**
 * The bench's face-guidance page: face-api (the build's `face/face-api.esm.js`, tfjs bundled) on
 * the tfjs wasm backend, in our configuration (the widget's own adapter, tiny detector at 224 +
 * tiny landmarks) and in the two configurations Verifik's hosted page uses (SSD MobileNet at
 * minConfidence 0.2 + full 68 landmarks, and the same plus expressions and age/gender), all on the
 * same canvas frames of the fake camera. The bench calls `window.benchFace.*` from Playwright.
 */
// The package's one copy of the face assets, in the npm build (the CDN script reaches it as ../dist/face/).
const ASSETS = new URL('/dist/face/', location.href).href;
const MODELS = new URL('/models/', location.href).href;

/** The face-api networks each configuration loads, and where from. */
const CONFIGS = {
  ours: { nets: ['tinyFaceDetector', 'faceLandmark68TinyNet'], from: ASSETS },
  hosted: { nets: ['ssdMobilenetv1', 'faceLandmark68Net'], from: MODELS },
  hostedFull: { nets: ['ssdMobilenetv1', 'faceLandmark68Net', 'faceExpressionNet', 'ageGenderNet'], from: MODELS },
};

/** face-api with the wasm backend, set up as the adapter does (its types omit these tfjs calls). */
async function importFaceApi() {
  const faceapi = await import(new URL('face-api.esm.js', ASSETS).href);
  return faceapi;
}

async function startWasm(faceapi) {
  faceapi.tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  faceapi.tf.setWasmPaths(ASSETS);
  if (!(await faceapi.tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
  await faceapi.tf.ready();
}

const loadNets = (faceapi, config) =>
  Promise.all(CONFIGS[config].nets.map((net) => faceapi.nets[net].loadFromUri(CONFIGS[config].from)));

/** The detection each configuration runs on one frame; answers the number of faces found. */
const detectors = (faceapi, adapter) => ({
  ours: async (canvas) => (await adapter.detect(canvas)).length,
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

  /** Model-ready time through the widget's own adapter (the build's chunk at `adapterPath`). */
  async adapterReady(adapterPath) {
    const start = performance.now();
    const { loadFaceApiDetector } = await import(adapterPath);
    const detector = await loadFaceApiDetector(ASSETS);
    return { totalMs: performance.now() - start, backend: detector.stats().backend };
  },

  /**
   * Per-frame time of every configuration on the same frames, interleaved: each frame is frozen
   * into a canvas and handed to each configuration in turn, the order rotating from frame to
   * frame. The first `warmup` frames are not counted.
   */
  async compare(adapterPath, frames, warmup) {
    const { loadFaceApiDetector } = await import(adapterPath);
    const adapter = await loadFaceApiDetector(ASSETS);
    const faceapi = await importFaceApi();
    await loadNets(faceapi, 'hostedFull');
    const run = detectors(faceapi, adapter);
    const names = Object.keys(run);
    const samples = Object.fromEntries(names.map((name) => [name, []]));
    const faces = Object.fromEntries(names.map((name) => [name, []]));
    const { nextFrame, stop } = await camera();
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
    return { backend: adapter.stats().backend, samples, faces, size: { width: 640, height: 480 } };
  },

  /** Tensors alive before and after `frames` detections of the adapter on the playing camera video. */
  async tensorGrowth(adapterPath, frames) {
    const { loadFaceApiDetector } = await import(adapterPath);
    const adapter = await loadFaceApiDetector(ASSETS);
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
