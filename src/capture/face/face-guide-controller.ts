import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { drawFrame, readPixels, type Region } from '../image/frame.js';
import { measureFrame } from '../image/pixels.js';
import { evaluateFace, FACE_LIMITS, type FaceVerdict } from './evaluate-face.js';
import type { Box, DetectedFace, FaceDetector } from './face-types.js';

/** One analysed frame. */
export interface GuideFrame {
  verdict: FaceVerdict;
  faces: DetectedFace[];
  /** Consecutive `ok` frames up to this one. */
  okStreak: number;
}

export interface FaceGuideOptions {
  /** Called after each analysed frame (the host decides when to capture). */
  onFrame(frame: GuideFrame): void;
  /** Whether a turned head is acceptable now (during a turn challenge). */
  allowTurn?: () => boolean;
}

/** How many of the latest `ok` frames are kept to pick the sharpest from. */
const CANDIDATES = 4;
/** Long edge of the still each frame is analysed on, and of the selfie sent. */
const SELFIE_EDGE = 640;
/** Long edge of the face crop measured for light and sharpness. */
const MEASURE_EDGE = 128;

/**
 * Runs the face detector on a playing `<video>`, one frame at a time (never two inferences in
 * flight), paced by `requestVideoFrameCallback` where the browser has it (else animation
 * frames), and idle while the tab is hidden. Each frame gets a verdict; the sharpest of the last
 * few `ok` frames is kept for the capture.
 */
export class FaceGuideController implements ReactiveController {
  /** The latest verdict, undefined before the first frame. */
  verdict: FaceVerdict | undefined;
  /** Frames analysed since the controller was created (what tests count instead of waiting). */
  framesAnalysed = 0;

  private video: HTMLVideoElement | undefined;
  private detector: FaceDetector | undefined;
  /** Counts loops: a callback of an earlier loop (before a stop or restart) does nothing. */
  private loop = 0;
  private cancelFrame: (() => void) | undefined;
  private okStreak = 0;
  private candidates: { canvas: HTMLCanvasElement; sharpness: number }[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FaceGuideOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Starts analysing `video`'s frames with `detector`. */
  start(video: HTMLVideoElement, detector: FaceDetector): void {
    this.stop();
    this.video = video;
    this.detector = detector;
    this.schedule(this.loop);
  }

  stop(): void {
    this.loop++;
    this.cancelFrame?.();
    this.cancelFrame = undefined;
    this.resetStreak();
  }

  /** Forgets the good frames so far (e.g. those of a turn challenge that just ended). */
  resetStreak(): void {
    this.okStreak = 0;
    this.candidates = [];
  }

  /** The sharpest recent `ok` frame, or undefined. */
  bestFrame(): HTMLCanvasElement | undefined {
    return this.candidates.reduce<(typeof this.candidates)[number] | undefined>(
      (best, candidate) => (!best || candidate.sharpness > best.sharpness ? candidate : best),
      undefined,
    )?.canvas;
  }

  private schedule(loop: number): void {
    const video = this.video;
    if (loop !== this.loop || !video) return;
    if ('requestVideoFrameCallback' in video) {
      const handle = video.requestVideoFrameCallback(() => void this.analyse(video, loop));
      this.cancelFrame = () => video.cancelVideoFrameCallback(handle);
    } else {
      const handle = requestAnimationFrame(() => void this.analyse(video, loop));
      this.cancelFrame = () => cancelAnimationFrame(handle);
    }
  }

  private async analyse(video: HTMLVideoElement, loop: number): Promise<void> {
    if (loop !== this.loop) return;
    if (document.hidden || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) {
      this.schedule(loop);
      return;
    }
    // One still of the frame: detection, measurements and the kept selfie all see the same pixels.
    const frame = drawFrame(video, SELFIE_EDGE);
    let faces: DetectedFace[];
    try {
      faces = await this.detector!.detect(frame);
    } catch {
      // A frame the detector could not read: try the next one.
      this.schedule(loop);
      return;
    }
    if (loop !== this.loop) return;
    const { width, height } = frame;
    const region = faces.length === 1 ? toPixels(faces[0]!.box, width, height) : undefined;
    const facts = region ? measureFrame(readPixels(frame, MEASURE_EDGE, region)) : undefined;
    const verdict = evaluateFace(faces, { ...facts }, FACE_LIMITS, this.options.allowTurn?.() ?? false);
    if (verdict === 'ok' && facts) {
      this.okStreak++;
      this.candidates = [...this.candidates.slice(1 - CANDIDATES), { canvas: frame, sharpness: facts.sharpness }];
    } else {
      this.resetStreak();
    }
    this.verdict = verdict;
    this.framesAnalysed++;
    this.options.onFrame({ verdict, faces, okStreak: this.okStreak });
    this.host.requestUpdate();
    this.schedule(loop);
  }
}

/** `box` (shares of the frame) in whole pixels of a `width`×`height` frame, limited to it. */
function toPixels(box: Box, width: number, height: number): Region | undefined {
  const x = Math.max(0, Math.floor(box.x * width));
  const y = Math.max(0, Math.floor(box.y * height));
  const right = Math.min(width, Math.ceil((box.x + box.width) * width));
  const bottom = Math.min(height, Math.ceil((box.y + box.height) * height));
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : undefined;
}
