/**
 * The face Worker, built into `face/face-worker.js`: imports the face engine from the URL the
 * page sends (the engine stays one file that the main-thread fallback imports too), then runs
 * detection on the frames the page transfers, so inference never blocks the page's main thread.
 */
import type * as FaceEngineModule from './face-engine.js';
import type { FaceEngine } from './face-engine.js';
import type { FromFaceWorker, ToFaceWorker } from './worker-protocol.js';

/** The dedicated worker's global scope, as far as it is used here (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToFaceWorker>) => void) | null;
  postMessage(message: FromFaceWorker): void;
}

const scope = self as unknown as WorkerScope;
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

let engine: Promise<FaceEngine> | undefined;
/** One canvas reused for every frame: its pixels are what the engine reads. */
let canvas: OffscreenCanvas | undefined;

/** The frame's pixels; the bitmap is closed (its memory freed) as soon as they are read. */
function pixelsOf(frame: ImageBitmap): ImageData {
  const { width, height } = frame;
  if (!canvas || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(frame, 0, 0);
  frame.close();
  return context.getImageData(0, 0, width, height);
}

scope.onmessage = ({ data: message }) => {
  if (message.type === 'load') {
    engine ??= import(/* @vite-ignore */ /* webpackIgnore: true */ message.engineUrl).then(
      ({ loadFaceEngine }: typeof FaceEngineModule) => loadFaceEngine(message.urls),
    );
    engine.then(
      ({ backend }) => scope.postMessage({ type: 'ready', backend }),
      (error: unknown) => scope.postMessage({ type: 'failed', message: errorMessage(error) }),
    );
    return;
  }
  const { id, frame } = message;
  const pixels = pixelsOf(frame);
  void (async () => {
    try {
      const loaded = await engine!;
      const faces = await loaded.detect(pixels);
      scope.postMessage({ type: 'faces', id, faces, numTensors: loaded.numTensors() });
    } catch (error) {
      scope.postMessage({ type: 'error', id, message: errorMessage(error) });
    }
  })();
};
