import { faceAssetUrls, type FaceAssetUrls } from './assets-url.js';
import type { DetectedFace, FaceDetector, Point } from './face-types.js';

/**
 * The face-api adapter: imports `face-api.esm.js` (tfjs bundled) from the face assets at run
 * time, picks the fastest tfjs backend the page allows, loads the tiny face detector and the tiny
 * 68-point landmarks, and detects with them. Only this file knows face-api's API and its
 * landmark layout; it answers in the detector port's frame-relative units.
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

/** Indices of the 68-point iBUG 300-W landmarks the port's keypoints come from. */
const LANDMARK = { leftEyeOuter: 36, rightEyeOuter: 45, noseTip: 30 } as const;

/** What the adapter reports about its engine, for tests and the benchmark (not part of the port). */
export interface FaceApiStats {
  /** The tfjs backend in use (`wasm`, `webgl` or `cpu`). */
  backend: string;
  /** Tensors alive in the backend (a leak shows as growth across frames). */
  numTensors: number;
}

/** The face-api adapter of the detector port. */
export class FaceApiDetector implements FaceDetector {
  private readonly options: unknown;

  constructor(
    private readonly faceapi: FaceApi,
    private readonly backend: string,
  ) {
    this.options = new faceapi.TinyFaceDetectorOptions({ inputSize: DETECTOR_INPUT_SIZE, scoreThreshold: 0.5 });
  }

  async detect(source: HTMLVideoElement | HTMLCanvasElement): Promise<DetectedFace[]> {
    const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
    const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
    if (!width || !height) return [];
    const results = await this.faceapi.detectAllFaces(source, this.options).withFaceLandmarks(true);
    const point = ({ x, y }: Point): Point => ({ x: x / width, y: y / height });
    return results.map(({ detection: { box, score }, landmarks: { positions } }) => ({
      box: { x: box.x / width, y: box.y / height, width: box.width / width, height: box.height / height },
      score,
      keypoints: {
        leftEyeOuter: point(positions[LANDMARK.leftEyeOuter]!),
        rightEyeOuter: point(positions[LANDMARK.rightEyeOuter]!),
        noseTip: point(positions[LANDMARK.noseTip]!),
      },
    }));
  }

  /** The backend and the live tensor count. */
  stats(): FaceApiStats {
    return { backend: this.backend, numTensors: this.faceapi.tf.memory().numTensors };
  }
}

/** Loads face-api and the models from `assetsUrl` (a folder URL ending in `/`, or the default: see assets-url.ts). */
export async function loadFaceApiDetector(assetsUrl: string): Promise<FaceApiDetector> {
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
  return new FaceApiDetector(faceapi, backend);
}
