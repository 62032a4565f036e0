import {
  type DocumentMetrics,
  guideRegion,
  MEASURE_EDGE,
  measureDocument,
} from '../../../src/capture/image/document-quality.js';
import { readPixels } from '../../../src/capture/image/frame.js';
import { cameraVideo, stopVideo } from './camera-video.js';
import { nextVideoFrame } from './wait.js';

/**
 * The fake camera's frames measured as the document step measures them (its guide region at
 * its measuring size), for calibrating and guarding the quality gate's limits.
 */
export async function measureCameraFrames(count = 5): Promise<DocumentMetrics[]> {
  const video = await cameraVideo({ width: { ideal: 1920 }, height: { ideal: 1080 } });
  try {
    const frames: DocumentMetrics[] = [];
    for (let index = 0; index < count; index++) {
      await nextVideoFrame(video);
      const region = guideRegion(video.videoWidth, video.videoHeight);
      frames.push(measureDocument(readPixels(video, MEASURE_EDGE, region)));
    }
    return frames;
  } finally {
    stopVideo(video);
  }
}
