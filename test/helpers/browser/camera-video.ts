import { readPixels } from '../../../src/capture/image/frame.js';
import { measureFrame } from '../../../src/capture/image/pixels.js';
import type { Box } from '../../../src/capture/face/face-types.js';

/** A playing `<video>` of the fake camera (the caller stops its tracks). */
export async function cameraVideo(constraints: MediaTrackConstraints = {}): Promise<HTMLVideoElement> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: constraints, audio: false });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  document.body.append(video);
  await video.play();
  return video;
}

export function stopVideo(video: HTMLVideoElement): void {
  (video.srcObject as MediaStream | null)?.getTracks().forEach((track) => track.stop());
  video.remove();
}

/** Brightness and sharpness of a face region, measured as the liveness step does. */
export const faceFacts = (video: HTMLVideoElement, box: Box) => measureFrame(readPixels(video, 128, box));
