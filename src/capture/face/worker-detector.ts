import type { FaceAssetUrls } from './assets-url.js';
import type { FaceEngineDetector, FaceEngineStats } from './face-engine-detector.js';
import type { DetectedFace } from './face-types.js';
import type { FromFaceWorker, ToFaceWorker } from './engine/worker-protocol.js';

/**
 * A module Worker from `url`. A worker script must come from the page's origin: from elsewhere
 * (the CDN script's `face/` folder), a one-line module made here (a `blob:` URL, which the page's
 * CSP allows with `worker-src blob:`) imports it instead. `release` frees that module once the
 * worker has started.
 */
function spawnWorker(url: string): { worker: Worker; release(): void } {
  if (new URL(url, location.href).origin === location.origin) {
    return { worker: new Worker(url, { type: 'module' }), release: () => undefined };
  }
  const shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url)};`], { type: 'text/javascript' }));
  try {
    return { worker: new Worker(shim, { type: 'module' }), release: () => URL.revokeObjectURL(shim) };
  } catch (error) {
    URL.revokeObjectURL(shim);
    throw error;
  }
}

/** Whether this browser can run detection in a Worker: module workers, transferable bitmaps, offscreen canvases. */
export const canUseFaceWorker = (): boolean =>
  typeof Worker === 'function' && typeof OffscreenCanvas === 'function' && typeof createImageBitmap === 'function';

/**
 * The detector port on the face engine in a Worker: each frame is copied into an `ImageBitmap`
 * and transferred (not cloned), and the faces come back; inference and the models' memory stay
 * off the page's main thread.
 */
export class WorkerFaceDetector implements FaceEngineDetector {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(faces: DetectedFace[]): void; reject(error: Error): void }>();
  private numTensors = 0;

  private constructor(
    private readonly worker: Worker,
    private readonly backend: string,
  ) {
    worker.onmessage = ({ data }: MessageEvent<FromFaceWorker>) => {
      if (data.type !== 'faces' && data.type !== 'error') return;
      const request = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.type === 'faces') {
        this.numTensors = data.numTensors;
        request?.resolve(data.faces);
      } else request?.reject(new Error(data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      for (const request of this.pending.values()) request.reject(new Error(event.message || 'the face worker failed'));
      this.pending.clear();
    };
  }

  /** Starts a Worker, which loads the engine and the models; rejects if it cannot run here. */
  static async start(urls: FaceAssetUrls): Promise<WorkerFaceDetector> {
    const { worker, release } = spawnWorker(urls['face-worker.js']);
    try {
      const backend = await new Promise<string>((resolve, reject) => {
        worker.onmessage = ({ data }: MessageEvent<FromFaceWorker>) => {
          if (data.type === 'ready') resolve(data.backend);
          else if (data.type === 'failed') reject(new Error(data.message));
        };
        // A worker the page's CSP refuses, or whose script does not load, ends here.
        worker.onerror = (event) => {
          event.preventDefault();
          reject(new Error(event.message || 'the face worker did not start'));
        };
        const load: ToFaceWorker = { type: 'load', engineUrl: urls['face-engine.js'], urls };
        worker.postMessage(load);
      });
      return new WorkerFaceDetector(worker, backend);
    } catch (error) {
      worker.terminate();
      throw error;
    } finally {
      release();
    }
  }

  async detect(source: HTMLVideoElement | HTMLCanvasElement): Promise<DetectedFace[]> {
    const width = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
    const height = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
    if (!width || !height) return [];
    const frame = await createImageBitmap(source);
    const id = this.nextId++;
    return new Promise<DetectedFace[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const message: ToFaceWorker = { type: 'detect', id, frame };
      this.worker.postMessage(message, [frame]);
    });
  }

  stats(): FaceEngineStats {
    return { backend: this.backend, thread: 'worker', numTensors: this.numTensors };
  }
}
