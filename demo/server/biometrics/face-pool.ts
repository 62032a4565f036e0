import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ApiError } from '../errors.js';
import type { DetectionMode, FaceAnalysis } from './face-engine.js';

/** What analyses images: the worker pool in the sandbox, or an engine on the calling thread. */
export interface FaceAnalyzer {
  analyze(image: Buffer, mode: DetectionMode): Promise<FaceAnalysis>;
}

/** A worker's answer: the analysis, or the API error it refused the image with. */
export type AnalysisOutcome =
  { analysis: FaceAnalysis } | { refused: { status: number; code: string; message: string } };

/** Every worker holds its own models (about 165 MB): a few are enough to keep the cores busy. */
const MAX_THREADS = 4;

/**
 * Threads the pool runs: one core is left to the event loop (so code checks and page loads stay
 * fast while images are analysed), at least one thread, at most {@link MAX_THREADS}.
 */
const poolSize = (): number => Math.min(MAX_THREADS, Math.max(1, availableParallelism() - 1));

/**
 * Face analysis in worker threads (`face-worker.ts`). The image is transferred to the worker, not
 * copied; images wait in the pool's queue while every thread is busy.
 */
export class FacePool implements FaceAnalyzer {
  private readonly pool: Piscina;

  constructor(threads = poolSize()) {
    this.pool = new Piscina({
      filename: new URL('./face-worker.ts', import.meta.url).href,
      minThreads: threads,
      maxThreads: threads,
      // Models load once per thread: a thread is kept however long it idles.
      idleTimeout: Number.POSITIVE_INFINITY,
    });
  }

  async analyze(image: Buffer, mode: DetectionMode): Promise<FaceAnalysis> {
    // A copy the worker owns: the caller's Buffer may share its memory with other buffers.
    const bytes = new Uint8Array(image);
    const outcome = (await this.pool.run({ image: bytes, mode }, { transferList: [bytes.buffer] })) as AnalysisOutcome;
    if ('refused' in outcome) throw new ApiError(outcome.refused.status, outcome.refused.code, outcome.refused.message);
    return outcome.analysis;
  }

  /** Ends the threads (after the tasks under way). */
  close(): Promise<void> {
    return this.pool.destroy();
  }
}
