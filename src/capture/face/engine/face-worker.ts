/**
 * The face Worker, built into `face/face-worker.js`: imports the face engine from the URL the
 * page sends (the engine stays one file that the main-thread fallback imports too), then analyses
 * the frames the page transfers: reading a camera frame's pixels, inference and the face's light
 * and sharpness all run here, so the page's main thread only hands frames over.
 */
import type { Region } from '../../image/frame.js';
import { fitWithin } from '../../image/pixels.js';
import { faceFacts } from '../face-facts.js';
import type * as FaceEngineModule from './face-engine.js';
import type { FaceEngine } from './face-engine.js';
import type { FromFaceWorker, ToFaceWorker } from './worker-protocol.js';

/** The dedicated worker's global scope, as far as it is used here (the DOM typings describe a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<ToFaceWorker>) => void) | null;
  postMessage(message: FromFaceWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

let engine: Promise<FaceEngine> | undefined;

const context2d = (canvas: OffscreenCanvas) => canvas.getContext('2d', { willReadFrequently: true })!;

/** `frame` drawn on a canvas of its own, at most `maxEdge` on the long edge; the frame is closed (its memory freed). */
function drawStill(frame: VideoFrame | ImageBitmap, maxEdge: number): OffscreenCanvas {
  const natural =
    'displayWidth' in frame
      ? { width: frame.displayWidth, height: frame.displayHeight }
      : { width: frame.width, height: frame.height };
  const { width, height } = fitWithin(natural.width, natural.height, maxEdge);
  const canvas = new OffscreenCanvas(width, height);
  try {
    context2d(canvas).drawImage(frame, 0, 0, width, height);
  } finally {
    frame.close();
  }
  return canvas;
}

/** Draws `region` of `still` over the whole of `canvas`, and answers the canvas' pixels. */
function readInto(canvas: OffscreenCanvas, still: OffscreenCanvas, region: Region): ImageData {
  const context = context2d(canvas);
  context.drawImage(still, region.x, region.y, region.width, region.height, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** The pixels of `region` of `still`, scaled to at most `maxEdge` on the long edge. */
function readRegion(still: OffscreenCanvas, region: Region, maxEdge: number): ImageData {
  const { width, height } = fitWithin(region.width, region.height, maxEdge);
  return readInto(new OffscreenCanvas(width, height), still, region);
}

/**
 * The canvas frames are read from for detection, kept from frame to frame: a new one each frame
 * is fresh memory to touch, which is slow in a virtual machine.
 */
let frameReader: OffscreenCanvas | undefined;

/** `still`'s pixels, at most `maxEdge` on the long edge. */
function readFrame(still: OffscreenCanvas, maxEdge: number): ImageData {
  const { width, height } = fitWithin(still.width, still.height, maxEdge);
  if (frameReader?.width !== width || frameReader.height !== height) frameReader = new OffscreenCanvas(width, height);
  return readInto(frameReader, still, { x: 0, y: 0, width: still.width, height: still.height });
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
  const { id, frame, maxEdge, readEdge } = message;
  void (async () => {
    try {
      const still = drawStill(frame, maxEdge);
      const { width, height } = still;
      const loaded = await engine!;
      const faces = await loaded.detect(readFrame(still, readEdge));
      const facts = faceFacts(faces, width, height, (region, edge) => readRegion(still, region, edge));
      const bitmap = still.transferToImageBitmap();
      scope.postMessage({ type: 'analysed', id, faces, facts, still: bitmap, numTensors: loaded.numTensors() }, [
        bitmap,
      ]);
    } catch (error) {
      scope.postMessage({ type: 'error', id, message: errorMessage(error) });
    }
  })();
};
