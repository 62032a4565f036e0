import type { FaceDetector, FrameAnalyser } from './face-types.js';

/** What a detector on the face engine reports, for tests and the benchmark (not part of the port). */
export interface FaceEngineStats {
  /** The tfjs backend in use: `wasm`, or `cpu` where WebAssembly is forbidden. */
  backend: string;
  /** Where inference runs: a Worker, or the page's main thread where no Worker can run it. */
  thread: 'worker' | 'main';
  /** Tensors alive in the engine after the latest detection (a leak shows as growth). */
  numTensors: number;
}

/** A detector port and frame analyser backed by the face engine (`face/face-engine.js`), in a Worker or not. */
export interface FaceEngineDetector extends FaceDetector, FrameAnalyser {
  stats(): FaceEngineStats;
}
