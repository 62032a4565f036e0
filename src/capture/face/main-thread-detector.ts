import { drawFrame, readPixels } from '../image/frame.js';
import type { FaceAssetUrls } from './assets-url.js';
import type * as FaceEngineModule from './engine/face-engine.js';
import type { FaceEngine } from './engine/face-engine.js';
import type { FaceEngineDetector, FaceEngineStats } from './face-engine-detector.js';
import { DETECT_EDGE } from './engine/face-api-results.js';
import { faceFacts } from './face-facts.js';
import type { AnalysedFrame, DetectedFace } from './face-types.js';

/**
 * The detector port on the face engine imported into the page itself: the fallback where no
 * Worker can run it (a browser without module workers or `OffscreenCanvas`, a CSP whose
 * `worker-src` refuses it). Inference then shares the main thread with the page.
 */
export class MainThreadFaceDetector implements FaceEngineDetector {
  private constructor(private readonly engine: FaceEngine) {}

  /** Imports the engine module and loads the models. */
  static async load(urls: FaceAssetUrls): Promise<MainThreadFaceDetector> {
    const { loadFaceEngine } = (await import(
      /* @vite-ignore */ /* webpackIgnore: true */ urls['face-engine.js']
    )) as typeof FaceEngineModule;
    return new MainThreadFaceDetector(await loadFaceEngine(urls));
  }

  async detect(source: HTMLVideoElement | HTMLCanvasElement): Promise<DetectedFace[]> {
    const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
    const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
    if (!width || !height) return [];
    // readPixels answers the canvas' ImageData (typed by the fields the pixel rules read).
    return this.engine.detect(readPixels(source, Infinity) as ImageData);
  }

  async analyseFrame(video: HTMLVideoElement, maxEdge: number): Promise<AnalysedFrame> {
    const still = drawFrame(video, maxEdge);
    const faces = await this.engine.detect(readPixels(still, DETECT_EDGE) as ImageData);
    const facts = faceFacts(faces, still.width, still.height, (region, edge) => readPixels(still, edge, region));
    return { faces, facts, still };
  }

  stats(): FaceEngineStats {
    return { backend: this.engine.backend, thread: 'main', numTensors: this.engine.numTensors() };
  }
}
