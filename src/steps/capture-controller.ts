import { type LitElement, nothing, type ReactiveController } from 'lit';
import { VerifikApiError } from '../api/errors.js';
import { toEnrollError } from '../api/to-enroll-error.js';
import { CameraController, type CameraOptions } from '../capture/camera/camera-controller.js';
import { CAMERA_ERRORS } from '../capture/camera/camera-errors.js';
import { EnrollError } from '../errors/enroll-error.js';
import type { VerifikErrorCode } from '../errors/error-codes.js';
import type { Translation } from '../i18n/translation.js';
import { failureNotice } from '../ui/capture-screens.js';
import { completeStep, failStep, reportStepError } from './step-events.js';

/** Where a capture stands after the API's answer. */
export type CaptureOutcome = 'passed' | 'retry' | 'blocked';

export interface CaptureOptions {
  /** The camera this step uses. */
  camera: CameraOptions;
  /** Refusals after which another photo can succeed; each uses one of the flow's attempts. */
  retryable: ReadonlySet<VerifikErrorCode>;
  /** Refusals no other photo can overcome: the step fails for good. */
  final: ReadonlySet<VerifikErrorCode>;
  /** The API's code for "this registration already has it" (e.g. before a reload): the step passes. */
  alreadyDone: string;
  /** Attempts the flow still allows at this step. */
  attemptsLeft(): number;
  /** A new stream plays in the step's `<video>` (the camera started, restarted or switched). */
  onStream?(video: HTMLVideoElement): void;
}

/** The labels of a retry button and of the attempts-left line. */
export interface RetryLabels {
  label: string;
  onRetry: () => void;
  attemptsLeft?: (count: number) => string;
}

/**
 * What every camera step shares: it owns the step's camera, reports a camera that cannot start
 * (the same `verifik-error` codes everywhere), plays each new stream in the step's `<video>`,
 * sends the capture and turns the API's answer into the step's outcome (passed, another attempt,
 * or blocked), counting attempts with the root, and renders the camera-problem and refusal
 * screens.
 */
export class CaptureController implements ReactiveController {
  readonly camera: CameraController;
  /** The last refusal, shown on the retry or blocked screen. */
  failure: EnrollError | undefined;

  constructor(
    private readonly host: LitElement,
    private readonly options: CaptureOptions,
  ) {
    this.camera = new CameraController(host, options.camera);
    host.addController(this);
  }

  hostUpdated(): void {
    const video = this.host.renderRoot.querySelector('video');
    const { stream } = this.camera;
    if (!video || !stream || video.srcObject === stream) return;
    video.srcObject = stream;
    // A muted inline video may autoplay; a refusal means the stream already ended.
    void video.play().catch(() => undefined);
    this.options.onStream?.(video);
  }

  /** Starts the camera; a camera that cannot start is reported (its screen comes from {@link renderCameraProblem}). */
  async startCamera(): Promise<void> {
    this.failure = undefined;
    await this.camera.start();
    if (this.camera.status !== 'error') return;
    const problem = this.camera.problem ?? 'failed';
    const [code, recoverable] = CAMERA_ERRORS[problem];
    reportStepError(this.host, new EnrollError(code, `camera: ${problem}`, recoverable));
  }

  /**
   * Sends the capture with `send` and settles the step: passed (or already passed before a
   * reload), or refused (see {@link refuse}).
   */
  async submit(send: () => Promise<void>): Promise<CaptureOutcome> {
    this.failure = undefined;
    try {
      await send();
    } catch (caught) {
      if (!(caught instanceof VerifikApiError && caught.code === this.options.alreadyDone)) {
        return this.refuse(toEnrollError(caught));
      }
    }
    completeStep(this.host);
    return 'passed';
  }

  /**
   * A refused capture: a retryable refusal uses an attempt (blocked when it was the last), a
   * final one fails the step for good, and network or server trouble is not the person's
   * attempt: they may simply try again.
   */
  refuse(error: EnrollError): Exclude<CaptureOutcome, 'passed'> {
    this.failure = error;
    reportStepError(this.host, error);
    if (this.options.retryable.has(error.code)) {
      const outcome = this.options.attemptsLeft() > 1 ? 'retry' : 'blocked';
      failStep(this.host);
      return outcome;
    }
    if (this.options.final.has(error.code)) {
      failStep(this.host, true);
      return 'blocked';
    }
    return 'retry';
  }

  /** The screen of a camera that could not start (Try again when that can help), or nothing. */
  renderCameraProblem(t: Translation, retry: RetryLabels) {
    if (this.camera.status !== 'error') return nothing;
    const [code, recoverable] = CAMERA_ERRORS[this.camera.problem ?? 'failed'];
    return failureNotice(t.errors[code], recoverable ? { label: retry.label, onRetry: retry.onRetry } : undefined);
  }

  /** The screen after a refusal: the reason, then Try again with the attempts left (`retry`) or nothing more. */
  renderRefusal(t: Translation, outcome: Exclude<CaptureOutcome, 'passed'>, retry: RetryLabels) {
    const message = t.errors[this.failure?.code ?? 'api_error'];
    if (outcome === 'blocked') return failureNotice(message);
    const note = retry.attemptsLeft?.(Math.max(this.options.attemptsLeft(), 1));
    return failureNotice(message, { label: retry.label, onRetry: retry.onRetry, ...(note ? { note } : {}) });
  }
}
