import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  type DocumentMetrics,
  type DocumentVerdict,
  evaluateDocument,
  frameChange,
  guideRegion,
  MEASURE_EDGE,
  measureDocument,
} from './document-quality.js';
import { readPixels } from './frame.js';
import { luminance } from './pixels.js';

/** One analysed frame. */
export interface DocumentFrame {
  verdict: DocumentVerdict;
  metrics: DocumentMetrics;
  /** Whether the picture barely changed since the previous analysed frame. */
  steady: boolean;
  /** How long, in ms, every analysed frame has been `ok` and steady (0 if this one is not). */
  goodForMs: number;
}

export interface DocumentGuideOptions {
  /** Called after each analysed frame (the host decides when to capture). */
  onFrame(frame: DocumentFrame): void;
}

/** Frames are analysed at most this often: ten a second is plenty for a person holding a card. */
const INTERVAL_MS = 100;
/**
 * Above this mean luminance change between two analysed frames the card or the camera is
 * moving. Sensor noise averages out at the measured size (the fake camera's still picture
 * measures 0, a hand-held phone at rest 1–3); a card sliding into place measures 10 and more.
 */
const MAX_STEADY_CHANGE = 6;

/**
 * Checks a playing `<video>` of a document against the quality gate, about ten frames a
 * second, within the card-shaped guide ({@link guideRegion}), and says for how long the frame
 * has been good and steady, so the host can take the photo on its own.
 */
export class DocumentGuideController implements ReactiveController {
  /** The latest verdict, undefined before the first frame. */
  verdict: DocumentVerdict | undefined;
  /** Frames analysed since the controller was created (what tests count instead of waiting). */
  framesAnalysed = 0;

  private video: HTMLVideoElement | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private previous: Float32Array | undefined;
  private goodSince: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: DocumentGuideOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Starts checking `video`'s frames. */
  start(video: HTMLVideoElement): void {
    this.stop();
    this.video = video;
    this.schedule();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.video = undefined;
    this.previous = undefined;
    this.goodSince = undefined;
    this.verdict = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.analyse(), INTERVAL_MS);
  }

  private analyse(): void {
    const video = this.video;
    if (!video) return;
    if (document.hidden || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || !video.videoWidth) {
      this.schedule();
      return;
    }
    const pixels = readPixels(video, MEASURE_EDGE, guideRegion(video.videoWidth, video.videoHeight));
    const metrics = measureDocument(pixels);
    const gray = luminance(pixels);
    const steady = this.previous !== undefined && frameChange(this.previous, gray) <= MAX_STEADY_CHANGE;
    this.previous = gray;
    const verdict = evaluateDocument(metrics);
    const now = performance.now();
    if (verdict === 'ok' && steady) this.goodSince ??= now;
    else this.goodSince = undefined;
    this.verdict = verdict;
    this.framesAnalysed++;
    this.options.onFrame({
      verdict,
      metrics,
      steady,
      goodForMs: this.goodSince === undefined ? 0 : now - this.goodSince,
    });
    this.host.requestUpdate();
    if (this.video === video) this.schedule();
  }
}
