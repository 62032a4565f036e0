import { html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { VerifikApiError } from '../../api/errors.js';
import type { RegistrantApi } from '../../api/registrant-api.js';
import { CameraController } from '../../capture/camera/camera-controller.js';
import { CAMERA_ERRORS } from '../../capture/camera/camera-errors.js';
import { HintThrottle } from '../../capture/hint-throttle.js';
import { type DocumentFrame, DocumentGuideController } from '../../capture/image/document-guide-controller.js';
import {
  type DocumentVerdict,
  evaluateDocument,
  expandRegion,
  guideRegion,
  MEASURE_EDGE,
  measureDocument,
} from '../../capture/image/document-quality.js';
import {
  drawFrame,
  encodeJpeg,
  type FrameSource,
  readPixels,
  type Region,
  toDataUrl,
} from '../../capture/image/frame.js';
import {
  decodeImageFile,
  IMAGE_FILE_ACCEPT,
  ImageFileError,
  type ImageFileProblem,
} from '../../capture/image/image-file.js';
import { EnrollError } from '../../errors/enroll-error.js';
import { toEnrollError } from '../../api/to-enroll-error.js';
import type { VerifikErrorCode } from '../../errors/error-codes.js';
import type { DocumentCategory, NormalizedFlow } from '../../flow/flow.types.js';
import { en } from '../../i18n/en.js';
import type { DocumentSide, Translation } from '../../i18n/translation.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { captureStyles } from '../../styles/capture.js';
import { statusStyles } from '../../styles/status.js';
import { tokens } from '../../styles/tokens.js';
import { completeStep, failStep, reportStepError } from '../step-events.js';
import { busyStatus, failureNotice } from '../../ui/capture-screens.js';
import { documentStyles } from './document-step.styles.js';

type Phase = 'type' | 'method' | 'camera' | 'review' | 'sending' | 'retry' | 'blocked';

/** One side, as taken. */
interface SidePhoto {
  canvas: HTMLCanvasElement;
  verdict: DocumentVerdict;
  source: 'camera' | 'upload';
}

/** The photo is taken on its own once frames have been good and steady this long. */
const AUTO_CAPTURE_MS = 700;
/** Each side is sent as a JPEG of at most 1600 px and 700 KB (Verifik reads print at this size). */
const PHOTO_BUDGET = { maxEdge: 1600, maxBytes: 700_000 };
/** The photo keeps a margin around the guide, so a card that overflows it a little is whole. */
const PHOTO_MARGIN = 0.05;
/** Answers after which taking the photos again can succeed; each uses one of the flow's attempts. */
const RETRYABLE = new Set<VerifikErrorCode>(['document_face_not_found', 'document_rejected']);
const FILE_ERRORS: Record<ImageFileProblem, VerifikErrorCode> = {
  unsupported: 'document_file_unsupported',
  heic: 'document_heic_unsupported',
  unreadable: 'document_file_unreadable',
};

/** Whether a document type has a back to photograph (a passport's data page is all there is). */
const hasBack = (category: DocumentCategory) => category !== 'passport';

/** The quality verdict on `region` of `source` (default: all of it). */
const check = (source: FrameSource, region?: Region) =>
  evaluateDocument(measureDocument(readPixels(source, MEASURE_EDGE, region)));

/**
 * The ID-document step: the document type (when the flow offers several), then the front and,
 * for types that have one, the back. Each side is taken with the rear camera inside a
 * card-shaped guide (a short primer first; the photo is taken on its own once the frame is sharp,
 * well lit and steady, or by hand) or uploaded (picker or drag and drop), as the flow allows;
 * every photo passes the on-device quality gate and a review before both sides are sent.
 */
export class VerifikDocumentStep extends LitElement {
  static override styles = [tokens, formStyles, buttonStyles, statusStyles, captureStyles, documentStyles];

  @property({ attribute: false }) flow!: NormalizedFlow;
  @property({ attribute: false }) api!: RegistrantApi;
  @property({ attribute: false }) t: Translation = en;
  /** Attempts the flow still allows at this step (the root's machine counts them). */
  @property({ type: Number, attribute: 'attempts-left' }) attemptsLeft = 1;

  @state() private phase: Phase = 'type';
  @state() private category: DocumentCategory | undefined;
  @state() private side: DocumentSide = 'front';
  @state() private photos: Partial<Record<DocumentSide, SidePhoto>> = {};
  @state() private fileError: EnrollError | undefined;
  @state() private failure: EnrollError | undefined;
  @state() private dragging = false;

  @query('video') private video!: HTMLVideoElement | null;
  @query('input[type="file"]') private fileInput!: HTMLInputElement | null;

  private readonly camera = new CameraController(this, { facingMode: 'environment', width: 1920, height: 1080 });
  private readonly guide = new DocumentGuideController(this, { onFrame: (frame) => this.handleFrame(frame) });
  private readonly hints = new HintThrottle<DocumentVerdict>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    // One document type: no question to ask.
    if (changed.has('flow') && this.phase === 'type' && this.flow.document.categories.length <= 1) {
      this.category = this.flow.document.categories[0] ?? 'government_id';
      this.phase = 'method';
    }
  }

  private async handleStartCamera(): Promise<void> {
    this.phase = 'camera';
    this.fileError = undefined;
    this.hints.reset();
    await this.camera.start();
    if (this.camera.status === 'error') {
      const [code, recoverable] = CAMERA_ERRORS[this.camera.problem ?? 'failed'];
      reportStepError(this, new EnrollError(code, `camera: ${this.camera.problem}`, recoverable));
    }
  }

  private handleFrame({ verdict, goodForMs }: DocumentFrame): void {
    if (goodForMs >= AUTO_CAPTURE_MS) {
      this.capture(verdict);
      return;
    }
    if (this.hints.offer(verdict, performance.now())) this.requestUpdate();
  }

  /** Takes the photo from the camera: on its own (`ok`), or by hand (checked now). */
  private capture(verdict?: DocumentVerdict): void {
    const video = this.video;
    if (!video?.videoWidth) return;
    const { videoWidth: width, videoHeight: height } = video;
    const guide = guideRegion(width, height);
    const canvas = drawFrame(video, PHOTO_BUDGET.maxEdge, expandRegion(guide, PHOTO_MARGIN, width, height));
    const photo: SidePhoto = { canvas, verdict: verdict ?? check(video, guide), source: 'camera' };
    this.stopCamera();
    this.showReview(photo);
  }

  private stopCamera(): void {
    this.guide.stop();
    this.camera.stop();
  }

  private showReview(photo: SidePhoto): void {
    this.photos = { ...this.photos, [this.side]: photo };
    this.phase = 'review';
  }

  private async handleFiles(files: FileList | null | undefined): Promise<void> {
    const file = files?.[0];
    if (!file) return;
    this.fileError = undefined;
    try {
      const bitmap = await decodeImageFile(file);
      const canvas = drawFrame(bitmap, PHOTO_BUDGET.maxEdge);
      bitmap.close();
      this.stopCamera();
      this.showReview({ canvas, verdict: check(canvas), source: 'upload' });
    } catch (caught) {
      const code = caught instanceof ImageFileError ? FILE_ERRORS[caught.problem] : 'document_file_unreadable';
      this.fileError = new EnrollError(code, caught instanceof Error ? caught.message : String(caught), true);
      reportStepError(this, this.fileError);
    } finally {
      if (this.fileInput) this.fileInput.value = '';
    }
  }

  private handleDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    void this.handleFiles(event.dataTransfer?.files);
  }

  private handleDragOver(event: DragEvent): void {
    event.preventDefault();
    this.dragging = true;
  }

  /** The photo is kept: on to the back, or send both sides. */
  private handleUsePhoto(): void {
    const photo = this.photos[this.side]!;
    if (this.side === 'front' && hasBack(this.category!)) {
      this.side = 'back';
      this.retake(photo.source);
    } else {
      void this.send();
    }
  }

  private handleRetake(): void {
    const { source } = this.photos[this.side]!;
    const { [this.side]: _dropped, ...kept } = this.photos;
    this.photos = kept;
    this.retake(source);
  }

  /** Back to taking the current side, the way the last photo was taken. */
  private retake(source: SidePhoto['source']): void {
    if (source === 'camera') void this.handleStartCamera();
    else this.phase = 'method';
  }

  private async send(): Promise<void> {
    const { front, back } = this.photos;
    this.phase = 'sending';
    this.failure = undefined;
    try {
      const encode = async (photo: SidePhoto) => toDataUrl(await encodeJpeg(photo.canvas, PHOTO_BUDGET));
      const [image, backImage] = await Promise.all([encode(front!), back && encode(back)]);
      const answer = await this.api.validateDocument({
        image,
        ...(backImage ? { backImage } : {}),
        documentCategory: this.category!,
        inputMethod: front!.source === 'camera' && (!back || back.source === 'camera') ? 'CAMERA' : 'FILE_UPLOAD',
      });
      const validation = answer?.documentValidation;
      if (!validation) throw new EnrollError('invalid_response', 'the answer has no documentValidation', true);
      // Verifik answers ASSESSING while its OCR runs; only FAILED is a refusal.
      if (validation.status === 'FAILED') {
        const code =
          validation.failReason === 'document_face_not_found' ? 'document_face_not_found' : 'document_rejected';
        throw new EnrollError(code, `document: ${validation.failReason ?? 'FAILED'}`, true);
      }
      completeStep(this);
    } catch (caught) {
      if (caught instanceof VerifikApiError && caught.code === 'already_exists') {
        // A document is already validated for this registration (e.g. before a reload).
        completeStep(this);
      } else {
        this.handleRefusal(toEnrollError(caught));
      }
    }
  }

  private handleRefusal(error: EnrollError): void {
    this.failure = error;
    reportStepError(this, error);
    if (RETRYABLE.has(error.code)) {
      this.phase = this.attemptsLeft > 1 ? 'retry' : 'blocked';
      failStep(this);
    } else if (error.code === 'attempts_exhausted') {
      this.phase = 'blocked';
      failStep(this, true);
    } else {
      // Network, server or an image refused before it was judged: not an attempt; try again.
      this.phase = 'retry';
    }
  }

  /** Starts again from the front (the document type stays). */
  private handleRetry(): void {
    this.photos = {};
    this.side = 'front';
    this.phase = 'method';
  }

  private handleChooseType(event: SubmitEvent): void {
    event.preventDefault();
    const chosen = new FormData(event.target as HTMLFormElement).get('category');
    this.category = this.flow.document.categories.find((category) => category === chosen) ?? this.category;
    if (this.category) this.phase = 'method';
  }

  protected override updated(changed: PropertyValues): void {
    // A new stream (the camera started, restarted or switched): show it and check its frames.
    const video = this.video;
    if (video && this.camera.stream && video.srcObject !== this.camera.stream) {
      video.srcObject = this.camera.stream;
      // A muted inline video may autoplay; a refusal means the stream already ended.
      void video.play().catch(() => undefined);
      this.guide.start(video);
    }
    // Keyboard and screen-reader users follow the screen: its heading takes the focus.
    if (changed.has('phase') && changed.get('phase') !== undefined) {
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  protected override render() {
    const { document } = this.t;
    const title =
      this.phase === 'method' || this.phase === 'camera'
        ? document.sideTitle[this.side]
        : this.phase === 'review'
          ? document.reviewTitle
          : document.title;
    return html`<h2 part="title" tabindex="-1">${title}</h2>
      ${this.renderPhase()}`;
  }

  private renderPhase() {
    const { document } = this.t;
    switch (this.phase) {
      case 'type':
        return this.renderTypeChoice();
      case 'method':
        return this.renderMethod();
      case 'camera':
        return this.renderCamera();
      case 'review':
        return this.renderReview();
      case 'sending':
        return busyStatus(document.sending);
      case 'retry':
      case 'blocked':
        return failureNotice(
          this.t.errors[this.failure?.code ?? 'api_error'],
          this.phase === 'retry'
            ? {
                label: document.retry,
                onRetry: () => this.handleRetry(),
                note: document.attemptsLeft(Math.max(this.attemptsLeft, 1)),
              }
            : undefined,
        );
    }
  }

  private renderTypeChoice() {
    const { document } = this.t;
    const { categories } = this.flow.document;
    return html`<p>${document.intro}</p>
      <form @submit=${this.handleChooseType}>
        <fieldset>
          <legend>${document.chooseType}</legend>
          ${categories.map(
            (category, index) =>
              html`<label class="check">
                <input type="radio" name="category" value=${category} ?checked=${index === 0} />
                ${document.categories[category]}
              </label>`,
          )}
        </fieldset>
        <div class="actions"><button type="submit">${this.t.actions.continue}</button></div>
      </form>`;
  }

  private renderMethod() {
    const { document } = this.t;
    const { scan, upload } = this.flow.document;
    return html`${this.side === 'front' ? html`<p>${document.intro}</p>` : nothing}
      <ul>
        <li>${document.tipFlat}</li>
        <li>${document.tipLight}</li>
        <li>${document.tipWhole}</li>
      </ul>
      ${
        scan
          ? html`<p class="muted">${document.primer}</p>
              <div class="actions">
                <button type="button" @click=${this.handleStartCamera}>${document.useCamera}</button>
              </div>`
          : nothing
      }
      ${upload ? this.renderUpload() : nothing}`;
  }

  /** The file picker and drop zone, with the last file's problem. */
  private renderUpload() {
    const { document } = this.t;
    return html`<div
        class="drop ${this.dragging ? 'dragging' : ''}"
        @dragover=${this.handleDragOver}
        @dragleave=${() => (this.dragging = false)}
        @drop=${this.handleDrop}
      >
        <button type="button" class="secondary" @click=${() => this.fileInput?.click()}>${document.upload}</button>
        <span class="muted">${document.drop}</span>
        <input
          type="file"
          hidden
          accept=${IMAGE_FILE_ACCEPT}
          @change=${(event: Event) => this.handleFiles((event.target as HTMLInputElement).files)}
        />
      </div>
      ${this.fileError ? html`<p class="error" role="alert">${this.t.errors[this.fileError.code]}</p>` : nothing}`;
  }

  private renderCamera() {
    const { document } = this.t;
    const { status, problem, devices } = this.camera;
    if (status === 'error') {
      const [code, recoverable] = CAMERA_ERRORS[problem ?? 'failed'];
      return html`${failureNotice(
        this.t.errors[code],
        recoverable ? { label: document.retry, onRetry: () => void this.handleStartCamera() } : undefined,
      )}
      ${this.flow.document.upload ? this.renderUpload() : nothing}`;
    }
    const video = this.video;
    const width = video?.videoWidth || 1280;
    const height = video?.videoHeight || 720;
    const guide = guideRegion(width, height);
    const hint = status === 'live' ? this.hints.shown && document.hints[this.hints.shown] : document.starting;
    return html`<div class="viewport" style=${styleMap({ aspectRatio: `${width} / ${height}` })}>
        <video
          part="video"
          muted
          playsinline
          autoplay
          aria-label=${document.video}
          @loadedmetadata=${() => this.requestUpdate()}
        ></video>
        ${svg`<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid slice" aria-hidden="true">
          <path class="mask" fill-rule="evenodd"
            d="M0 0H${width}V${height}H0Z M${guide.x} ${guide.y}h${guide.width}v${guide.height}h${-guide.width}Z"></path>
          <rect class="guide ${this.hints.shown === 'ok' ? 'ok' : ''}" x=${guide.x} y=${guide.y}
            width=${guide.width} height=${guide.height} rx=${guide.width * 0.04}></rect>
        </svg>`}
      </div>
      <p class="hint" role="status">${hint ?? ''}</p>
      <div class="actions">
        <button type="button" ?disabled=${status !== 'live'} @click=${() => this.capture()}>${document.capture}</button>
        ${
          devices.length > 1
            ? html`<button type="button" class="secondary" @click=${() => this.camera.switchCamera()}>
                ${document.switchCamera}
              </button>`
            : nothing
        }
        ${
          this.flow.document.upload
            ? html`<button type="button" class="secondary" @click=${() => (this.stopCamera(), (this.phase = 'method'))}>
                ${document.uploadInstead}
              </button>`
            : nothing
        }
      </div>`;
  }

  private renderReview() {
    const { document } = this.t;
    const photo = this.photos[this.side]!;
    photo.canvas.setAttribute('role', 'img');
    photo.canvas.setAttribute('aria-label', document.photoOf[this.side]);
    return html`<figure class="photo">${photo.canvas}</figure>
      ${
        photo.verdict === 'ok'
          ? nothing
          : html`<p class="error" role="alert">${document.qualityWarning} ${document.hints[photo.verdict]}</p>`
      }
      <div class="actions">
        <button type="button" @click=${this.handleUsePhoto}>${document.usePhoto}</button>
        <button type="button" class="secondary" @click=${this.handleRetake}>${document.retake}</button>
      </div>`;
  }
}
