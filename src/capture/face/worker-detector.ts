import type { FaceAssetUrls } from './assets-url.js';
import type { FaceEngineDetector, FaceEngineStats } from './face-engine-detector.js';
import type { AnalysedFrame, DetectedFace } from './face-types.js';
import { DETECT_EDGE } from './engine/face-api-results.js';
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

/** A frame analysed in the Worker: its still is a bitmap transferred back. */
type WorkerAnalysis = AnalysedFrame & { still: ImageBitmap };

/**
 * The detector port on the face engine in a Worker: each frame is transferred (not cloned), the
 * Worker reads its pixels, finds the faces and measures the face's light, and the still comes
 * back with them; inference and the models' memory stay off the page's main thread.
 */
export class WorkerFaceDetector implements FaceEngineDetector {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve(frame: WorkerAnalysis): void; reject(error: Error): void }>();
  private numTensors = 0;
  /**
   * Camera frames go over as `VideoFrame`s where the browser has them: one refers to the camera's
   * buffer, so its pixels are first read in the Worker. False once one could not be made or sent
   * here; frames are then copied into bitmaps on the page.
   */
  private sendVideoFrames = typeof VideoFrame === 'function';

  private constructor(
    private readonly worker: Worker,
    private readonly backend: string,
  ) {
    worker.onmessage = ({ data }: MessageEvent<FromFaceWorker>) => {
      if (data.type !== 'analysed' && data.type !== 'error') return;
      const request = this.pending.get(data.id);
      this.pending.delete(data.id);
      if (data.type === 'analysed') {
        this.numTensors = data.numTensors;
        const { faces, facts, still } = data;
        request?.resolve({ faces, facts, still });
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
    const { faces, still } = await this.analyse(await createImageBitmap(source), Infinity, Infinity);
    still.close();
    return faces;
  }

  async analyseFrame(video: HTMLVideoElement, maxEdge: number): Promise<AnalysedFrame> {
    if (this.sendVideoFrames) {
      let frame: VideoFrame | undefined;
      try {
        frame = new VideoFrame(video);
        return this.analyse(frame, maxEdge, DETECT_EDGE);
      } catch {
        // This browser could not wrap or transfer the camera's frame: bitmaps from now on.
        frame?.close();
        this.sendVideoFrames = false;
      }
    }
    return this.analyse(await createImageBitmap(video), maxEdge, DETECT_EDGE);
  }

  /**
   * Transfers `frame` to the Worker and resolves with its analysis (still at most `maxEdge`, read
   * by the engine at most `readEdge`); throws at once if the frame cannot be sent (then it is
   * still the caller's).
   */
  private analyse(frame: VideoFrame | ImageBitmap, maxEdge: number, readEdge: number): Promise<WorkerAnalysis> {
    const id = this.nextId++;
    const message: ToFaceWorker = { type: 'analyse', id, frame, maxEdge, readEdge };
    this.worker.postMessage(message, [frame]);
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  stats(): FaceEngineStats {
    return { backend: this.backend, thread: 'worker', numTensors: this.numTensors };
  }
}
