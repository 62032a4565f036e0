import { chunkLoadError } from '../errors/enroll-error.js';

/**
 * Wraps the dynamic `import()` of a chunk loaded on demand: the first call loads it, later calls
 * share that load. A failed load is a recoverable `network_error`, and the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw chunkLoadError(error);
    }));
}
