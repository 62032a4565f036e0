/**
 * The face engine: face-api (without its bundled TensorFlow) on tfjs-core with a pruned
 * WebAssembly backend, the CPU backend as the fallback where a page forbids WebAssembly, and the
 * two tiny models. Built into one self-contained module, `face/face-engine.js`
 * (scripts/face-assets.mjs), that the detection Worker and the main-thread fallback both import
 * at run time; nothing in it touches the DOM, so it runs in either.
 */
import {
  detectAllFaces,
  env as faceApiEnv,
  nets,
  TinyFaceDetectorOptions,
} from '@vladmandic/face-api/dist/face-api.esm-nobundle.js';
import { env, getBackend, io, memory, ready, setBackend } from '@tensorflow/tfjs-core/dist/base.js';
import { tensor3d, type Tensor3D } from '@tensorflow/tfjs-core/dist/base.js';
import type { FaceAssetUrls } from '../assets-url.js';
import type { DetectedFace } from '../face-types.js';
import { registerCpuBackend } from './cpu-backend.js';
import {
  DETECTOR_INPUT_SIZE,
  DETECTOR_SCORE_THRESHOLD,
  toDetectedFaces,
  type FaceApiResult,
} from './face-api-results.js';
import { rgbValues } from './rgb-values.js';
import { registerWasmBackend, setWasmPaths } from './wasm-backend.js';

registerWasmBackend();
registerCpuBackend();

/** No image or video elements in a Worker: the engine only ever hands face-api tensors. */
const noElement = (): never => {
  throw new Error('no DOM elements in the face engine');
};

// face-api looks up its environment (canvas and image classes) even for tensor input, and finds
// none in a Worker (neither a window nor Node): give it the Worker's offscreen equivalents.
if (!faceApiEnv.isBrowser() && !faceApiEnv.isNodejs()) {
  faceApiEnv.setEnv({
    Canvas: OffscreenCanvas,
    CanvasRenderingContext2D: OffscreenCanvasRenderingContext2D,
    Image: class {},
    ImageData,
    Video: class {},
    createCanvasElement: () => new OffscreenCanvas(1, 1),
    createImageElement: noElement,
    createVideoElement: noElement,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  } as unknown as Parameters<typeof faceApiEnv.setEnv>[0]);
}

/** The part of face-api used here (its published types need the whole tfjs to resolve). */
interface FaceApi {
  nets: Record<'tinyFaceDetector' | 'faceLandmark68TinyNet', { loadFromWeightMap(weights: WeightMap): void }>;
  TinyFaceDetectorOptions: new (options: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(input: Tensor3D, options: unknown): { withFaceLandmarks(tiny: true): Promise<FaceApiResult[]> };
}

const faceapi = { detectAllFaces, nets, TinyFaceDetectorOptions } as unknown as FaceApi;

/** Named tensors decoded from a model's weights file. */
type WeightMap = ReturnType<typeof io.decodeWeights>;

/** The loaded engine. */
export interface FaceEngine {
  /** The tfjs backend in use: `wasm`, or `cpu` where the page forbids WebAssembly. */
  readonly backend: string;
  /** Every face in the frame, in shares of its width and height. */
  detect(frame: ImageData): Promise<DetectedFace[]>;
  /** Tensors alive in the backend (a leak shows as growth across frames). */
  numTensors(): number;
}

/**
 * Fetches one model's two files, and answers how to decode them. face-api's `loadFromUri` would take a folder and find the
 * weights by the name its manifest records, which fails once a bundler renames (hashes) the files.
 * The weights are 8-bit quantised (see scripts/face-assets.mjs); `decodeWeights` restores floats.
 */
async function fetchWeights(manifestUrl: string, weightsUrl: string): Promise<() => WeightMap> {
  const fetchOk = async (url: string) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response;
  };
  const [manifest, weights] = await Promise.all([
    fetchOk(manifestUrl).then(
      (response) => response.json() as Promise<{ weights: Parameters<typeof io.decodeWeights>[1] }[]>,
    ),
    fetchOk(weightsUrl).then((response) => response.arrayBuffer()),
  ]);
  // Each tiny model ships as one weights file, so the manifest's groups describe it in order.
  // Decoded once a backend runs: the tensors are made on it.
  return () =>
    io.decodeWeights(
      weights,
      manifest.flatMap((group) => group.weights),
    );
}

/** Starts the first backend that runs here: wasm (about 25 ms a frame), else cpu (about 500 ms). */
async function startBackend(urls: FaceAssetUrls): Promise<string> {
  // Only the single-threaded wasm files ship: threads need a cross-origin-isolated page.
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  try {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': urls['tfjs-backend-wasm.wasm'],
      'tfjs-backend-wasm-simd.wasm': urls['tfjs-backend-wasm-simd.wasm'],
      'tfjs-backend-wasm-threaded-simd.wasm': urls['tfjs-backend-wasm-simd.wasm'],
    });
  } catch {
    // Already set by an earlier attempt with this same module (tfjs refuses a second call).
  }
  for (const name of ['wasm', 'cpu']) {
    try {
      // setBackend resolves false (or throws) where the page forbids it: wasm under a CSP
      // without 'wasm-unsafe-eval'.
      if (await setBackend(name)) {
        await ready();
        return getBackend();
      }
    } catch {
      // Try the next one.
    }
  }
  throw new Error('no tfjs backend could start');
}

/** Starts a backend and loads both models from `urls`. */
export async function loadFaceEngine(urls: FaceAssetUrls): Promise<FaceEngine> {
  // The downloads run while the backend compiles its WebAssembly.
  const [backend, detectorWeights, landmarksWeights] = await Promise.all([
    startBackend(urls),
    fetchWeights(urls['tiny_face_detector_model-weights_manifest.json'], urls['tiny_face_detector_model.bin']),
    fetchWeights(urls['face_landmark_68_tiny_model-weights_manifest.json'], urls['face_landmark_68_tiny_model.bin']),
  ]);
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(detectorWeights());
  faceapi.nets.faceLandmark68TinyNet.loadFromWeightMap(landmarksWeights());
  const options = new faceapi.TinyFaceDetectorOptions({
    inputSize: DETECTOR_INPUT_SIZE,
    scoreThreshold: DETECTOR_SCORE_THRESHOLD,
  });
  const rgb = rgbValues();
  return {
    backend,
    async detect(frame) {
      const { width, height } = frame;
      if (!width || !height) return [];
      const pixels = tensor3d(rgb(frame), [height, width, 3], 'int32');
      try {
        return toDetectedFaces(await faceapi.detectAllFaces(pixels, options).withFaceLandmarks(true), width, height);
      } finally {
        pixels.dispose();
      }
    },
    numTensors: () => memory().numTensors,
  };
}
