import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { drawFrame } from '../image/frame.js';
import { evaluateFace, FACE_LIMITS, type FaceVerdict } from './evaluate-face.js';
import type { AnalysedFrame, DetectedFace, FrameAnalyser } from './face-types.js';

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

/** Frees a still's memory now (a bitmap's), rather than when it is collected. */
const release = (still: AnalysedFrame['still']) => {
  if (still instanceof ImageBitmap) still.close();
};

/**
 * Runs the frame analyser on a playing `<video>`, one frame at a time (never two inferences in
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
  private analyser: FrameAnalyser | undefined;
  /** Counts loops: a callback of an earlier loop (before a stop or restart) does nothing. */
  private loop = 0;
  private cancelFrame: (() => void) | undefined;
  private okStreak = 0;
  private candidates: { still: AnalysedFrame['still']; sharpness: number }[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FaceGuideOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Starts analysing `video`'s frames with `analyser`. */
  start(video: HTMLVideoElement, analyser: FrameAnalyser): void {
    this.stop();
    this.video = video;
    this.analyser = analyser;
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
    for (const { still } of this.candidates) release(still);
    this.candidates = [];
  }

  /** The sharpest recent `ok` frame, drawn on a canvas of its own, or undefined. */
  bestFrame(): HTMLCanvasElement | undefined {
    const best = this.candidates.reduce<(typeof this.candidates)[number] | undefined>(
      (sharpest, candidate) => (!sharpest || candidate.sharpness > sharpest.sharpness ? candidate : sharpest),
      undefined,
    )?.still;
    return best instanceof ImageBitmap ? drawFrame(best) : best;
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
    let analysed: AnalysedFrame;
    try {
      analysed = await this.analyser!.analyseFrame(video, SELFIE_EDGE);
    } catch {
      // A frame the analyser could not read: try the next one.
      this.schedule(loop);
      return;
    }
    const { faces, facts, still } = analysed;
    if (loop !== this.loop) {
      release(still);
      return;
    }
    const verdict = evaluateFace(faces, { ...facts }, FACE_LIMITS, this.options.allowTurn?.() ?? false);
    if (verdict === 'ok' && facts) {
      this.okStreak++;
      while (this.candidates.length >= CANDIDATES) release(this.candidates.shift()!.still);
      this.candidates.push({ still, sharpness: facts.sharpness });
    } else {
      release(still);
      this.resetStreak();
    }
    this.verdict = verdict;
    this.framesAnalysed++;
    this.options.onFrame({ verdict, faces, okStreak: this.okStreak });
    this.host.requestUpdate();
    this.schedule(loop);
  }
}
