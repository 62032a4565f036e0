import { executeServerCommand } from '@web/test-runner-commands';
import type { CameraFixture } from '../camera/camera-groups.mjs';

/**
 * A test-only camera for browsers whose fake camera cannot play a file: Firefox's shows a
 * synthetic pattern. `getUserMedia` still asks the browser (so its permission and errors stay
 * real), then answers a `canvas.captureStream()` that shows the fixture's pictures in turn, looped,
 * at the fixture's size and frame rate: the pictures of Chromium's fake-camera video for the same
 * fixture (see test/helpers/node/camera-fixtures.ts). The page loads this before the test file
 * (see test/helpers/wtr-canvas-camera.mjs), so the widget and the tests' own helpers both see it.
 */

/** As `makeCameraScenes` writes them (test/helpers/node/camera-fixtures.ts). */
interface CameraScenes {
  width: number;
  height: number;
  fps: number;
  scenes: { seconds: number; png: string }[];
}

interface Pictures {
  width: number;
  height: number;
  fps: number;
  scenes: { seconds: number; bitmap: ImageBitmap }[];
}

async function decode(png: string): Promise<ImageBitmap> {
  const bytes = Uint8Array.from(atob(png), (char) => char.charCodeAt(0));
  return createImageBitmap(new Blob([bytes], { type: 'image/png' }));
}

async function loadPictures(fixture: CameraFixture): Promise<Pictures> {
  const { scenes, ...frame } = (await executeServerCommand('camera-scenes', { fixture })) as CameraScenes;
  return {
    ...frame,
    scenes: await Promise.all(scenes.map(async ({ seconds, png }) => ({ seconds, bitmap: await decode(png) }))),
  };
}

/** The picture on screen `elapsed` seconds after the camera started. */
function sceneAt({ scenes }: Pictures, elapsed: number): ImageBitmap {
  const loop = scenes.reduce((sum, scene) => sum + scene.seconds, 0);
  let time = elapsed % loop;
  for (const scene of scenes) {
    if (time < scene.seconds) return scene.bitmap;
    time -= scene.seconds;
  }
  return scenes.at(-1)!.bitmap;
}

/** A live video stream of `pictures`; it stops drawing once its video track has stopped. */
function pictureStream(pictures: Pictures): MediaStream {
  const canvas = document.createElement('canvas');
  canvas.width = pictures.width;
  canvas.height = pictures.height;
  const context = canvas.getContext('2d')!;
  const stream = canvas.captureStream(pictures.fps);
  const started = performance.now();
  const draw = () => context.drawImage(sceneAt(pictures, (performance.now() - started) / 1000), 0, 0);
  draw();
  // Redrawn on every tick, as a camera sends frames of an unchanging scene too.
  const timer = setInterval(() => {
    if (stream.getVideoTracks().every((track) => track.readyState === 'ended')) clearInterval(timer);
    else draw();
  }, 1000 / pictures.fps);
  return stream;
}

/** Replaces `navigator.mediaDevices.getUserMedia` for video with a camera showing `fixture`. */
export function installCanvasCamera(fixture: CameraFixture): void {
  const browserGetUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  let pictures: Promise<Pictures> | undefined;
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const granted = await browserGetUserMedia(constraints);
    if (!constraints?.video) return granted;
    granted.getVideoTracks().forEach((track) => track.stop());
    pictures ??= loadPictures(fixture);
    const camera = pictureStream(await pictures);
    granted.getAudioTracks().forEach((track) => camera.addTrack(track));
    return camera;
  };
}
