import { html, nothing, type PropertyValues, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { clientOs } from '../../api/registrant-api.js';
import { DEFAULT_ASSETS_URL } from '../../capture/face/assets-folder.js';
import { type FaceHint, faceHint } from '../../capture/face/evaluate-face.js';
import { FaceGuideController, type GuideFrame } from '../../capture/face/face-guide-controller.js';
import type { FrameAnalyser } from '../../capture/face/face-types.js';
import { prefetchFaceGuide } from '../../capture/face/check-face-assets.js';
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
import { attemptsLeft } from '../../flow/machine.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { captureStyles } from '../../styles/capture.js';
import { statusStyles } from '../../styles/status.js';
import { tokens } from '../../styles/tokens.js';
import { type CaptureOutcome, CaptureController } from '../capture-controller.js';
import { defineStep } from '../step-descriptor.js';
import { reportStepError } from '../step-events.js';
import { busyStatus } from '../../ui/capture-screens.js';
import { illustrationStyles, selfieIllustration } from '../../ui/illustrations.js';
import { livenessStyles } from './liveness-step.styles.js';
import { StepElement } from '../step-element.js';

/** What the hint line says: what to fix in the frame, or an instruction of the turn challenge. */
export type LivenessHint = FaceHint | 'turn-left' | 'turn-right' | 'look-straight';

type Phase = 'primer' | 'camera' | 'checking' | Exclude<CaptureOutcome, 'passed'>;

/** Consecutive good frames (about half a second) before the selfie is taken. */
const OK_FRAMES = 6;
/** The selfie sent: a 640 px JPEG within this budget. */
const SELFIE_BUDGET = { maxEdge: 640, maxBytes: 150_000 };

/**
 * The selfie step: a short primer, then the front camera with an oval guide. face-api (loaded on
 * demand from `assets-url`) checks every frame and says what to fix; the sharpest of the good
 * frames is sent once the face has been in place for a moment, optionally after a turn
 * challenge. Without the models, the person takes the photo by hand.
 */
export class VerifikLivenessStep extends StepElement {
  static override styles = [
    tokens,
    formStyles,
    buttonStyles,
    statusStyles,
    captureStyles,
    illustrationStyles,
    livenessStyles,
  ];

  /** Folder URL (ending in `/`) of face-api, its wasm files and the models. */
  @property({ attribute: 'assets-url' }) assetsUrl = DEFAULT_ASSETS_URL;
  /** `turn` adds the active challenge: turn the head left and right before the selfie. */
  @property() challenge: 'none' | 'turn' = 'none';
  /** Attempts the flow still allows at this step (the root's machine counts them). */
  @property({ type: Number, attribute: 'attempts-left' }) attemptsLeft = 1;
  /**
   * Milliseconds of guided camera without a capture after which the person may take the photo by
   * hand (still checked by the server), with tips. Tests set it low instead of waiting.
   */
  @property({ type: Number, attribute: 'manual-after' }) manualAfter = 20_000;

  @state() private phase: Phase = 'primer';
  /** `loading` until the models are ready; `off` when they could not load. */
  @state() private guidance: 'loading' | 'on' | 'off' = 'loading';
  @state() private hint: LivenessHint | undefined;
  /** The guide has run for {@link manualAfter} without a capture: the shutter and tips show. */
  @state() private manualOffered = false;
  /** Consecutive good frames so far, as a share of those a capture needs (the progress ring). */
  @state() private progress = 0;
  /** When the guide started analysing frames (`performance.now()`). */
  private guideStartedAt = 0;

  @query('video') private video!: HTMLVideoElement | null;

  private readonly capture = new CaptureController(this, {
    camera: { facingMode: 'user', width: 1280, height: 720 },
    // Trying again can succeed after these; each uses one of the flow's attempts.
    retryable: new Set(['liveness_failed', 'multiple_faces', 'no_face_detected', 'login_face_not_recognised']),
    final: new Set([
      'duplicated_person',
      'attempts_exhausted',
      'login_blacklisted',
      'login_not_whitelisted',
      'login_unknown_person',
    ]),
    // This registration's face is enrolled already (e.g. before a reload): nothing to redo.
    alreadyDone: 'person_already_set',
    attemptsLeft: () => this.attemptsLeft,
    onStream: () => {
      if (this.analyser) this.startGuide();
    },
  });
  private readonly guide = new FaceGuideController(this, {
    onFrame: (frame) => this.handleFrame(frame),
    allowTurn: () => this.turnChallenge !== undefined && !challengeDone(this.turnChallenge),
  });
  private analyser: FrameAnalyser | undefined;
  private turnChallenge: TurnChallenge | undefined;
  /** Hints settle for a few frames and change at most every 1.2 s: no screen-reader chatter. */
  private readonly hints = new HintThrottle<LivenessHint>();
  private capturing = false;

  /** Set once the face guide was asked for: on Start, so a person who skips never downloads it. */
  private guidanceRequested = false;

  private async loadGuidance(): Promise<void> {
    this.guidanceRequested = true;
    try {
      this.analyser = await loadFaceDetector(this.assetsUrl);
      this.guidance = 'on';
      if (this.capture.camera.status === 'live') this.startGuide();
    } catch (error) {
      this.guidance = 'off';
      const message = error instanceof Error ? error.message : String(error);
      reportStepError(this, new EnrollError('face_guidance_unavailable', message, true));
    }
  }

  private async handleStart(): Promise<void> {
    this.phase = 'camera';
    this.hint = undefined;
    this.manualOffered = false;
    this.progress = 0;
    this.hints.reset();
    this.capturing = false;
    this.turnChallenge = this.challenge === 'turn' ? startTurnChallenge() : undefined;
    if (!this.guidanceRequested) void this.loadGuidance();
    await this.capture.startCamera();
  }

  private startGuide(): void {
    if (!this.video || this.phase !== 'camera') return;
    this.guideStartedAt = performance.now();
    this.guide.start(this.video, this.analyser!);
  }

  private handleFrame({ verdict, faces, okStreak }: GuideFrame): void {
    const challenge = this.turnChallenge;
    let hint: LivenessHint = faceHint(verdict, faces);
    if (performance.now() - this.guideStartedAt >= this.manualAfter) this.manualOffered = true;
    this.progress = challenge && !challengeDone(challenge) ? 0 : Math.min(1, okStreak / OK_FRAMES);
    if (challenge && !challengeDone(challenge)) {
      const next = advanceTurnChallenge(challenge, verdict === 'ok' ? faces[0]!.keypoints : undefined);
      this.turnChallenge = next;
      // The selfie must come from frontal frames after the challenge, not from the turns.
      if (challengeDone(next)) this.guide.resetStreak();
      const turn = currentTurn(next);
      if (verdict === 'ok') hint = turn ? `turn-${turn}` : 'look-straight';
    } else if (okStreak >= OK_FRAMES) {
      void this.sendSelfie(this.guide.bestFrame());
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
  private async sendSelfie(frame?: HTMLCanvasElement): Promise<void> {
    const video = this.video;
    if (this.capturing || (!frame && !video?.videoWidth)) return;
    this.capturing = true;
    const source = frame ?? drawFrame(video!, SELFIE_BUDGET.maxEdge);
    this.guide.stop();
    this.capture.camera.stop();
    this.phase = 'checking';
    const outcome = await this.capture.submit(async () => {
      const dataUrl = await toDataUrl(await encodeJpeg(source, SELFIE_BUDGET));
      await this.enrollment.checks.validateSelfie(
        dataUrl.slice(dataUrl.indexOf(',') + 1),
        clientOs(navigator.userAgent),
      );
    });
    if (outcome !== 'passed') this.phase = outcome;
    this.capturing = false;
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
        return html`${selfieIllustration()}
          <p>${liveness.intro}</p>
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
        return this.capture.renderRefusal(this.t, this.phase, {
          label: liveness.retry,
          onRetry: () => void this.handleStart(),
          attemptsLeft: liveness.attemptsLeft,
        });
    }
  }

  private renderCamera() {
    const { liveness } = this.t;
    const { status, devices } = this.capture.camera;
    if (status === 'error') {
      return this.capture.renderCameraProblem(this.t, {
        label: liveness.retry,
        onRetry: () => void this.handleStart(),
      });
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
          <ellipse class="progress" cx="50" cy="62" rx="29" ry="40" pathLength="100"
            stroke-dasharray="${this.progress * 100} 100"></ellipse>
        </svg>`}
      </div>
      <p class="hint" role="status">${hint ?? ''}</p>
      ${
        this.manualOffered && status === 'live'
          ? html`<p>${liveness.manualOffer}</p>
              <p class="muted">${liveness.manualTips}</p>`
          : nothing
      }
      <div class="actions">
        ${
          (this.guidance === 'off' || this.manualOffered) && status === 'live'
            ? html`<button type="button" @click=${() => this.sendSelfie()}>${liveness.capture}</button>`
            : nothing
        }
        ${
          devices.length > 1
            ? html`<button type="button" class="secondary" @click=${() => this.capture.camera.switchCamera()}>
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
  }
}

/** The selfie step's element side (see the step registry). */
export const livenessStep = defineStep({
  tag: 'verifik-liveness-step',
  element: VerifikLivenessStep,
  strings: 'liveness',
  render: ({ enrollment, assetsUrl, challenge }) =>
    html`<verifik-liveness-step
      data-step
      assets-url=${assetsUrl}
      challenge=${challenge}
      attempts-left=${attemptsLeft(enrollment.machine)}
    ></verifik-liveness-step>`,
  /**
   * Before a mandatory selfie, checks that the face assets answer (else `face_assets_unreachable`
   * names the URL tried: the app's build or `assets-url` misplaces them) and loads the face guide in
   * the background so its models are ready when the person gets there. Flows without a selfie
   * never load it, and an optional selfie loads it only when the person opens that step (they may
   * skip it).
   */
  prefetch: ({ assetsUrl, reportError }) => {
    const prefetch = () =>
      void prefetchFaceGuide(assetsUrl, (url) => reportError(new EnrollError('face_assets_unreachable', url), url));
    if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 2000 });
    else setTimeout(prefetch, 200);
  },
});
