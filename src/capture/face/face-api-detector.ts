import { faceAssetUrls, type FaceAssetUrls } from './assets-url.js';
import type { FaceDetector, FaceObservation } from './face-types.js';

/**
 * The face-api adapter: imports `face-api.esm.js` (tfjs bundled) from the face assets at run
 * time, picks the fastest tfjs backend the page allows, loads the tiny face detector and the tiny
 * 68-point landmarks, and detects with them. Only this file knows face-api's API.
 */

/** The part of face-api (and its bundled tfjs) used here; its published types omit the tfjs setup calls. */
interface FaceApi {
  tf: {
    setBackend(name: string): Promise<boolean>;
    getBackend(): string;
    ready(): Promise<void>;
    setWasmPaths?(files: Record<string, string>): void;
    env(): { set(flag: string, value: unknown): void };
    memory(): { numTensors: number };
    io: { decodeWeights(weights: ArrayBuffer, specs: unknown[]): WeightMap };
  };
  nets: Record<'tinyFaceDetector' | 'faceLandmark68TinyNet', { loadFromWeightMap(weights: WeightMap): void }>;
  TinyFaceDetectorOptions: new (options: { inputSize: number; scoreThreshold: number }) => unknown;
  detectAllFaces(
    input: HTMLVideoElement | HTMLCanvasElement,
    options: unknown,
  ): {
    withFaceLandmarks(useTinyModel: boolean): Promise<
      {
        detection: { box: { x: number; y: number; width: number; height: number }; score: number };
        landmarks: { positions: { x: number; y: number }[] };
      }[]
    >;
  };
}

/** Named tensors decoded from a model's weights file (opaque here). */
type WeightMap = Record<string, unknown>;

/**
 * Reads one model from its two files. face-api's `loadFromUri` would take a folder and find the
 * weights by the name its manifest records, which fails once a bundler renames (hashes) the files.
 */
async function loadWeights(faceapi: FaceApi, manifestUrl: string, weightsUrl: string): Promise<WeightMap> {
  const fetchOk = async (url: string) => {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return response;
  };
  const [manifest, weights] = await Promise.all([
    fetchOk(manifestUrl).then((response) => response.json() as Promise<{ weights: unknown[] }[]>),
    fetchOk(weightsUrl).then((response) => response.arrayBuffer()),
  ]);
  // Each tiny model ships as one weights file, so the manifest's groups describe it in order.
  return faceapi.tf.io.decodeWeights(
    weights,
    manifest.flatMap((group) => group.weights),
  );
}

/** tfjs' wasm binaries by the names it asks for; threads are off, so the threaded one is never fetched. */
const wasmFiles = (urls: FaceAssetUrls) => ({
  'tfjs-backend-wasm.wasm': urls['tfjs-backend-wasm.wasm'],
  'tfjs-backend-wasm-simd.wasm': urls['tfjs-backend-wasm-simd.wasm'],
  'tfjs-backend-wasm-threaded-simd.wasm': urls['tfjs-backend-wasm-simd.wasm'],
});

/** Backends in order of speed on phones and laptops without a GPU driver: wasm ≈ 25 ms a frame, webgl on a software renderer ≈ 250 ms, cpu ≈ 450 ms. */
const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;

/**
 * Input size of the tiny detector: 224 finds a selfie-sized face in about 33 ms on wasm; 160 is
 * faster but misses faces further than arm's length, 128 misses many.
 */
export const DETECTOR_INPUT_SIZE = 224;

/** Loads face-api and the models from `assetsUrl` (a folder URL ending in `/`, or the default: see assets-url.ts). */
export async function loadFaceApiDetector(assetsUrl: string): Promise<FaceDetector> {
  const urls = faceAssetUrls(assetsUrl);
  const faceapi = (await import(/* @vite-ignore */ /* webpackIgnore: true */ urls['face-api.esm.js'])) as FaceApi;
  const { tf } = faceapi;
  // Only the single-threaded wasm files ship: threads need a cross-origin-isolated page.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  try {
    tf.setWasmPaths?.(wasmFiles(urls));
  } catch {
    // Already set by an earlier attempt with this same module (tfjs refuses a second call).
  }
  let backend: string | undefined;
  for (const name of BACKENDS) {
    try {
      // setBackend resolves false (or throws) when the page forbids it, e.g. wasm under a CSP
      // without 'wasm-unsafe-eval', or webgl without a GPU context.
      if (await tf.setBackend(name)) {
        await tf.ready();
        backend = tf.getBackend();
        break;
      }
    } catch {
      // Try the next one.
    }
  }
  if (!backend) throw new Error('no tfjs backend could start');
  const [detectorWeights, landmarksWeights] = await Promise.all([
    loadWeights(faceapi, urls['tiny_face_detector_model-weights_manifest.json'], urls['tiny_face_detector_model.bin']),
    loadWeights(
      faceapi,
      urls['face_landmark_68_tiny_model-weights_manifest.json'],
      urls['face_landmark_68_tiny_model.bin'],
    ),
  ]);
  faceapi.nets.tinyFaceDetector.loadFromWeightMap(detectorWeights);
  faceapi.nets.faceLandmark68TinyNet.loadFromWeightMap(landmarksWeights);
  const options = new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT_SIZE, scoreThreshold: 0.5 });
  return {
    backend,
    async detect(source): Promise<FaceObservation[]> {
      const results = await faceapi.detectAllFaces(source, options).withFaceLandmarks(true);
      return results.map(({ detection, landmarks }) => ({
        box: { x: detection.box.x, y: detection.box.y, width: detection.box.width, height: detection.box.height },
        score: detection.score,
        landmarks: landmarks.positions.map(({ x, y }) => ({ x, y })),
      }));
    },
    numTensors: () => tf.memory().numTensors,
  };
}
