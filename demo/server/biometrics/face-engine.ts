import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { verifikError } from '../errors.js';
import { MAX_PIXELS } from './images.js';

/**
 * Face detection and 128-d face descriptors in Node, with `@vladmandic/face-api` on the tfjs wasm
 * backend and the weights shipped in its npm package (no downloads). Images are decoded by sharp.
 * Recipe and timings: `shared/design/ENVIRONMENT.md` ("face-api in Node").
 */

const require = createRequire(import.meta.url);

/** The slice of tfjs the engine uses (the package's types omit the backend functions). */
interface Tf {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): { dispose(): void };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface FaceApiResult {
  detection: { score: number; box: Box };
  descriptor: Float32Array;
}

/** The slice of face-api the engine uses. */
interface FaceApi {
  nets: Record<
    'tinyFaceDetector' | 'ssdMobilenetv1' | 'faceLandmark68Net' | 'faceRecognitionNet',
    { loadFromDisk(dir: string): Promise<void> }
  >;
  TinyFaceDetectorOptions: new (options: { inputSize: number; scoreThreshold: number }) => unknown;
  SsdMobilenetv1Options: new (options: { minConfidence: number }) => unknown;
  detectAllFaces(
    input: unknown,
    options: unknown,
  ): {
    withFaceLandmarks(): { withFaceDescriptors(): Promise<FaceApiResult[]> };
  };
}

export type DetectionMode = 'FAST' | 'ACCURATE';

export interface DetectedFace {
  box: Box;
  /** Detector confidence, 0–1. */
  score: number;
  descriptor: number[];
  /** Variance of the Laplacian of the face, grey, at 128 px wide: higher is sharper. */
  sharpness: number;
}

export interface FaceAnalysis {
  width: number;
  height: number;
  /** Largest first. */
  faces: DetectedFace[];
}

/** Longest side images are analysed at: larger ones are scaled down first. */
const MAX_SIDE = 1280;

/** Variance of the 4-neighbour Laplacian of a grey image. */
function laplacianVariance(grey: Uint8Array, width: number, height: number): number {
  let sum = 0;
  let sumOfSquares = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const value = grey[i - 1]! + grey[i + 1]! + grey[i - width]! + grey[i + width]! - 4 * grey[i]!;
      sum += value;
      sumOfSquares += value * value;
      count++;
    }
  }
  return count ? sumOfSquares / count - (sum / count) ** 2 : 0;
}

export class FaceEngine {
  private constructor(
    private readonly tf: Tf,
    private readonly faceapi: FaceApi,
  ) {}

  /** Loads tfjs (wasm) and the tiny detector, SSD MobileNet, 68 landmarks and recognition weights. */
  static async load(): Promise<FaceEngine> {
    const tf = require('@tensorflow/tfjs') as Tf;
    require('@tensorflow/tfjs-backend-wasm');
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    await tf.setBackend('wasm');
    await tf.ready();
    const models = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    await Promise.all(
      (['tinyFaceDetector', 'ssdMobilenetv1', 'faceLandmark68Net', 'faceRecognitionNet'] as const).map((net) =>
        faceapi.nets[net].loadFromDisk(models),
      ),
    );
    return new FaceEngine(tf, faceapi);
  }

  /**
   * Every face in a JPEG/PNG/WebP image. FAST runs the tiny detector (input 416: at 224 it misses
   * the smaller faces of a group photo) and falls back to SSD when it finds nothing; ACCURATE runs
   * SSD. A 422 `image_unreadable` when the bytes are no image.
   */
  async analyze(image: Buffer, mode: DetectionMode): Promise<FaceAnalysis> {
    let decoded: { data: Buffer; info: OutputInfo };
    try {
      decoded = await sharp(image, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
        .removeAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
    } catch {
      throw verifikError(422, 'image_unreadable');
    }
    const { data, info } = decoded;
    const tensor = this.tf.tensor3d(
      new Uint8Array(data.buffer, data.byteOffset, data.length),
      [info.height, info.width, 3],
      'int32',
    );
    try {
      let results = mode === 'FAST' ? await this.detect(tensor, 'tiny') : [];
      if (results.length === 0) results = await this.detect(tensor, 'ssd');
      const faces = await Promise.all(
        results.map(async ({ detection, descriptor }) => ({
          // Plain numbers: face-api's Box keeps them behind getters, which neither JSON nor a
          // worker thread's structured clone carries.
          box: { x: detection.box.x, y: detection.box.y, width: detection.box.width, height: detection.box.height },
          score: detection.score,
          descriptor: Array.from(descriptor),
          sharpness: await this.sharpness(data, info, detection.box),
        })),
      );
      faces.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
      return { width: info.width, height: info.height, faces };
    } finally {
      tensor.dispose();
    }
  }

  private detect(tensor: unknown, detector: 'tiny' | 'ssd'): Promise<FaceApiResult[]> {
    const options =
      detector === 'tiny'
        ? new this.faceapi.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: 0.5 })
        : new this.faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
    return this.faceapi.detectAllFaces(tensor, options).withFaceLandmarks().withFaceDescriptors();
  }

  private async sharpness(data: Buffer, info: OutputInfo, box: Box): Promise<number> {
    const left = Math.max(0, Math.floor(box.x));
    const top = Math.max(0, Math.floor(box.y));
    const width = Math.min(info.width - left, Math.ceil(box.width));
    const height = Math.min(info.height - top, Math.ceil(box.height));
    if (width < 8 || height < 8) return 0;
    const { data: grey, info: greyInfo } = await sharp(data, {
      raw: { width: info.width, height: info.height, channels: 3 },
    })
      .extract({ left, top, width, height })
      .resize({ width: 128 })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return laplacianVariance(
      new Uint8Array(grey.buffer, grey.byteOffset, grey.length),
      greyInfo.width,
      greyInfo.height,
    );
  }
}
