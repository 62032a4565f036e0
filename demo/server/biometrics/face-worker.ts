import { ApiError } from '../errors.js';
import { type DetectionMode, FaceEngine } from './face-engine.js';
import type { AnalysisOutcome } from './face-pool.js';

/**
 * One worker thread of the face pool (see face-pool.ts): it loads its own copy of the models on
 * its start and analyses images there, so tfjs' synchronous WebAssembly never runs on the
 * API's event loop.
 */

// Loading starts with the thread, so the models are ready by the first image.
const engine = FaceEngine.load();

/** The task the pool sends: the image bytes (transferred, not copied) and the detection mode. */
export interface AnalysisTask {
  image: Uint8Array;
  mode: DetectionMode;
}

export default async function analyze({ image, mode }: AnalysisTask): Promise<AnalysisOutcome> {
  try {
    const bytes = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
    return { analysis: await (await engine).analyze(bytes, mode) };
  } catch (error) {
    // A refusal crosses the thread boundary as plain data; the pool turns it back into the error.
    if (error instanceof ApiError)
      return { refused: { status: error.status, code: error.code, message: error.message } };
    throw error;
  }
}
