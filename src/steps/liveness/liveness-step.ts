import { html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { VerifikApiError } from '../../api/errors.js';
import { clientOs, type RegistrantApi } from '../../api/registrant-api.js';
import { CameraController } from '../../capture/camera/camera-controller.js';
import { CAMERA_ERRORS } from '../../capture/camera/camera-errors.js';
import { DEFAULT_ASSETS_URL } from '../../capture/face/assets-url.js';
import type { FaceVerdict } from '../../capture/face/evaluate-face.js';
import { FaceGuideController, type GuideFrame } from '../../capture/face/face-guide-controller.js';
import type { FaceDetector } from '../../capture/face/face-types.js';
import { loadFaceDetector } from '../../capture/face/load-detector.js';
import {
  advanceTurnChallenge,
  challengeDone,
  currentTurn,
  startTurnChallenge,
  type TurnChallenge,
} from '../../capture/face/turn-challenge.js';
import { HintThrottle } from '../../capture/hint-throttle.js';
import { drawFrame, encodeJpeg, toDataUrl } from '../../capture/image/frame.js';
import { EnrollError } from '../../errors/enroll-error.js';
import { toEnrollError } from '../../api/to-enroll-error.js';
import { en } from '../../i18n/en.js';
import type { Translation } from '../../i18n/translation.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { captureStyles } from '../../styles/capture.js';
import { statusStyles } from '../../styles/status.js';
import { tokens } from '../../styles/tokens.js';
import { completeStep, failStep, reportStepError } from '../step-events.js';
import { busyStatus, failureNotice } from '../../ui/capture-screens.js';
import { livenessStyles } from './liveness-step.styles.js';

/** What the hint line says: a frame verdict, or an instruction of the turn challenge. */
export type LivenessHint = FaceVerdict | 'turn-left' | 'turn-right' | 'look-straight';

type Phase = 'primer' | 'camera' | 'checking' | 'retry' | 'blocked';

/** Consecutive good frames (about half a second) before the selfie is taken. */
const OK_FRAMES = 6;
/** The selfie sent: a 640 px JPEG within this budget. */
const SELFIE_BUDGET = { maxEdge: 640, maxBytes: 150_000 };
/** Answers after which trying again can succeed; each uses one of the flow's attempts. */
const RETRYABLE = new Set(['liveness_failed', 'multiple_faces', 'no_face_detected']);

/**
 * The selfie step: a short primer, then the front camera with an oval guide. face-api (loaded on
 * demand from `assets-url`) checks every frame and says what to fix; the sharpest of the good
 * frames is sent once the face has been in place for a moment, optionally after a turn
 * challenge. Without the models, the person takes the photo by hand.
 */
export class VerifikLivenessStep extends LitElement {
  static override styles = [tokens, formStyles, buttonStyles, statusStyles, captureStyles, livenessStyles];

  @property({ attribute: false }) api!: RegistrantApi;
  @property({ attribute: false }) t: Translation = en;
  /** Folder URL (ending in `/`) of face-api, its wasm files and the models. */
  @property({ attribute: 'assets-url' }) assetsUrl = DEFAULT_ASSETS_URL;
  /** `turn` adds the active challenge: turn the head left and right before the selfie. */
  @property() challenge: 'none' | 'turn' = 'none';
  /** Attempts the flow still allows at this step (the root's machine counts them). */
  @property({ type: Number, attribute: 'attempts-left' }) attemptsLeft = 1;

  @state() private phase: Phase = 'primer';
  /** `loading` until the models are ready; `off` when they could not load. */
  @state() private guidance: 'loading' | 'on' | 'off' = 'loading';
  @state() private hint: LivenessHint | undefined;
  @state() private failure: EnrollError | undefined;

  @query('video') private video!: HTMLVideoElement | null;

  private readonly camera = new CameraController(this, { facingMode: 'user', width: 1280, height: 720 });
  private readonly guide = new FaceGuideController(this, {
    onFrame: (frame) => this.handleFrame(frame),
    allowTurn: () => this.turnChallenge !== undefined && !challengeDone(this.turnChallenge),
  });
  private detector: FaceDetector | undefined;
  private turnChallenge: TurnChallenge | undefined;
  /** Hints settle for a few frames and change at most every 1.2 s: no screen-reader chatter. */
  private readonly hints = new HintThrottle<LivenessHint>();
  private capturing = false;

  /** Set once the face guide was asked for: on Start, so a person who skips never downloads it. */
  private guidanceRequested = false;

  private async loadGuidance(): Promise<void> {
    this.guidanceRequested = true;
    try {
      this.detector = await loadFaceDetector(this.assetsUrl);
      this.guidance = 'on';
      if (this.camera.status === 'live') this.startGuide();
    } catch (error) {
      this.guidance = 'off';
      const message = error instanceof Error ? error.message : String(error);
      reportStepError(this, new EnrollError('face_guidance_unavailable', message, true));
    }
  }

  private async handleStart(): Promise<void> {
    this.phase = 'camera';
    this.failure = undefined;
    this.hint = undefined;
    this.hints.reset();
    this.capturing = false;
    this.turnChallenge = this.challenge === 'turn' ? startTurnChallenge() : undefined;
    if (!this.guidanceRequested) void this.loadGuidance();
    await this.camera.start();
    if (this.camera.status === 'error') {
      const [code, recoverable] = CAMERA_ERRORS[this.camera.problem ?? 'failed'];
      reportStepError(this, new EnrollError(code, `camera: ${this.camera.problem}`, recoverable));
    }
  }

  private startGuide(): void {
    if (this.video && this.phase === 'camera') this.guide.start(this.video, this.detector!);
  }

  private handleFrame({ verdict, faces, okStreak }: GuideFrame): void {
    const challenge = this.turnChallenge;
    let hint: LivenessHint = verdict;
    if (challenge && !challengeDone(challenge)) {
      const next = advanceTurnChallenge(challenge, verdict === 'ok' ? faces[0]!.keypoints : undefined);
      this.turnChallenge = next;
      // The selfie must come from frontal frames after the challenge, not from the turns.
      if (challengeDone(next)) this.guide.resetStreak();
      const turn = currentTurn(next);
      if (verdict === 'ok') hint = turn ? `turn-${turn}` : 'look-straight';
    } else if (okStreak >= OK_FRAMES) {
      void this.capture(this.guide.bestFrame());
      return;
    } else if (challenge && verdict === 'turned') {
      hint = 'look-straight';
    }
    this.showHint(hint);
  }

  /** Shows `hint` once it has held a few frames, and not sooner than the last change allows. */
  private showHint(hint: LivenessHint): void {
    if (this.hints.offer(hint, performance.now())) this.hint = this.hints.shown;
  }

  /** Sends `frame` (default: the current video frame) as the selfie. */
  private async capture(frame?: HTMLCanvasElement): Promise<void> {
    const video = this.video;
    if (this.capturing || (!frame && !video?.videoWidth)) return;
    this.capturing = true;
    const source = frame ?? drawFrame(video!, SELFIE_BUDGET.maxEdge);
    this.guide.stop();
    this.camera.stop();
    this.phase = 'checking';
    try {
      const dataUrl = await toDataUrl(await encodeJpeg(source, SELFIE_BUDGET));
      await this.api.validateSelfie(dataUrl.slice(dataUrl.indexOf(',') + 1), clientOs(navigator.userAgent));
      completeStep(this);
    } catch (caught) {
      if (caught instanceof VerifikApiError && caught.code === 'person_already_set') {
        // This registration's face is enrolled already (e.g. before a reload): nothing to redo.
        completeStep(this);
      } else {
        this.handleRefusal(toEnrollError(caught));
      }
    } finally {
      this.capturing = false;
    }
  }

  private handleRefusal(error: EnrollError): void {
    this.failure = error;
    reportStepError(this, error);
    if (RETRYABLE.has(error.code)) {
      this.phase = this.attemptsLeft > 1 ? 'retry' : 'blocked';
      failStep(this);
    } else if (error.code === 'duplicated_person' || error.code === 'attempts_exhausted') {
      this.phase = 'blocked';
      failStep(this, true);
    } else {
      // Network or server trouble: not the person's attempt; they may simply try again.
      this.phase = 'retry';
    }
  }

  protected override render() {
    const { liveness } = this.t;
    return html`<h2 part="title" tabindex="-1">${liveness.title}</h2>
      ${this.renderPhase()}`;
  }

  private renderPhase() {
    const { liveness } = this.t;
    switch (this.phase) {
      case 'primer':
        return html`<p>${liveness.intro}</p>
          <ul>
            <li>${liveness.tipLight}</li>
            <li>${liveness.tipFace}</li>
            <li>${liveness.tipAlone}</li>
          </ul>
          <p class="muted">${liveness.primer}</p>
          <div class="actions"><button type="button" @click=${this.handleStart}>${liveness.start}</button></div>`;
      case 'camera':
        return this.renderCamera();
      case 'checking':
        return busyStatus(liveness.checking);
      case 'retry':
      case 'blocked':
        return failureNotice(
          this.t.errors[this.failure?.code ?? 'api_error'],
          this.phase === 'retry'
            ? {
                label: liveness.retry,
                onRetry: () => void this.handleStart(),
                note: liveness.attemptsLeft(Math.max(this.attemptsLeft, 1)),
              }
            : undefined,
        );
    }
  }

  private renderCamera() {
    const { liveness } = this.t;
    const { status, problem, devices } = this.camera;
    if (status === 'error') {
      const [code, recoverable] = CAMERA_ERRORS[problem ?? 'failed'];
      return failureNotice(
        this.t.errors[code],
        recoverable ? { label: liveness.retry, onRetry: () => void this.handleStart() } : undefined,
      );
    }
    const hint =
      status === 'live'
        ? this.guidance === 'loading'
          ? liveness.loadingGuide
          : this.guidance === 'off'
            ? this.t.errors.face_guidance_unavailable
            : this.hint && liveness.hints[this.hint]
        : liveness.starting;
    return html`<div class="viewport">
        <video part="video" muted playsinline autoplay aria-label=${liveness.video}></video>
        ${svg`<svg viewBox="0 0 100 133" preserveAspectRatio="none" aria-hidden="true">
          <path class="mask" fill-rule="evenodd" d="M0 0H100V133H0Z M50 22a29 40 0 1 0 0.01 0Z"></path>
          <ellipse class="guide ${this.hint === 'ok' ? 'ok' : ''}" cx="50" cy="62" rx="29" ry="40"></ellipse>
        </svg>`}
      </div>
      <p class="hint" role="status">${hint ?? ''}</p>
      <div class="actions">
        ${
          this.guidance === 'off' && status === 'live'
            ? html`<button type="button" @click=${() => this.capture()}>${liveness.capture}</button>`
            : nothing
        }
        ${
          devices.length > 1
            ? html`<button type="button" class="secondary" @click=${() => this.camera.switchCamera()}>
                ${liveness.switchCamera}
              </button>`
            : nothing
        }
      </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    // The control the person used is gone with the old phase: keep keyboard focus in the step.
    if (changed.has('phase') && changed.get('phase') !== undefined) {
      this.renderRoot.querySelector<HTMLElement>(this.phase === 'retry' ? '.actions button' : 'h2')?.focus();
    }
    // A new stream (the camera started, restarted or switched): show it and guide on it.
    const video = this.video;
    if (video && this.camera.stream && video.srcObject !== this.camera.stream) {
      video.srcObject = this.camera.stream;
      // A muted inline video may autoplay; a refusal means the stream already ended.
      void video.play().catch(() => undefined);
      if (this.detector) this.startGuide();
    }
  }
}
