import { html, nothing, type PropertyValues, svg } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { attemptsLeft } from '../../flow/machine.js';
import { STEPS } from '../../flow/steps.js';
import { DEFAULT_ASSETS_URL } from '../../capture/face/assets-folder.js';
import { cropPortrait } from '../../capture/face/document-portrait.js';
import { loadFaceDetector } from '../../capture/face/load-detector.js';
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
import { VerifikApiError } from '../../api/errors.js';
import { EnrollError } from '../../errors/enroll-error.js';
import type { VerifikErrorCode } from '../../errors/error-codes.js';
import type { CountryDocuments, DocumentCategory } from '../../flow/flow.types.js';
import type { DocumentSide } from '../../i18n/translation.js';
import { buttonStyles } from '../../styles/buttons.js';
import { formStyles } from '../../styles/form.js';
import { captureStyles } from '../../styles/capture.js';
import { statusStyles } from '../../styles/status.js';
import { tokens } from '../../styles/tokens.js';
import { type CaptureOutcome, CaptureController } from '../capture-controller.js';
import { defineStep } from '../step-descriptor.js';
import { reportStepError } from '../step-events.js';
import { busyStatus } from '../../ui/capture-screens.js';
import { documentIllustration, illustrationStyles } from '../../ui/illustrations.js';
import { documentStyles } from './document-step.styles.js';
import { StepElement } from '../step-element.js';

type Phase = 'country' | 'type' | 'method' | 'camera' | 'review' | 'sending' | Exclude<CaptureOutcome, 'passed'>;

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
 * The ID-document step: the issuing country (when the flow lists several), the document type
 * (when the flow, or that country, offers several), then the front and,
 * for types that have one, the back. Each side is taken with the rear camera inside a
 * card-shaped guide (a short primer first; the photo is taken on its own once the frame is sharp,
 * well lit and steady, or by hand) or uploaded (picker or drag and drop), as the flow allows;
 * every photo passes the on-device quality gate and a review before both sides are sent. When the
 * flow has a face match, the portrait found on the front goes with them (`documentFace`). When the
 * flow checks names, the names read on the document must match the sign-up names; when it checks
 * criminal history, the document's number must come back clear.
 */
export class VerifikDocumentStep extends StepElement {
  static override styles = [
    tokens,
    formStyles,
    buttonStyles,
    statusStyles,
    captureStyles,
    documentStyles,
    illustrationStyles,
  ];

  /** Attempts the flow still allows at this step (the root's machine counts them). */
  @property({ type: Number, attribute: 'attempts-left' }) attemptsLeft = 1;

  /** Folder URL (ending in `/`) of the face detector, which finds the portrait on the front. */
  @property({ attribute: 'assets-url' }) assetsUrl = DEFAULT_ASSETS_URL;

  @state() private phase: Phase = 'type';
  @state() private country: CountryDocuments | undefined;
  @state() private category: DocumentCategory | undefined;
  @state() private side: DocumentSide = 'front';
  @state() private photos: Partial<Record<DocumentSide, SidePhoto>> = {};
  @state() private fileError: EnrollError | undefined;
  @state() private dragging = false;

  /** The portrait being cut from the kept front (a JPEG data URL, or undefined when none is found). */
  private portrait: Promise<string | undefined> | undefined;

  @query('video') private video!: HTMLVideoElement | null;
  @query('input[type="file"]') private fileInput!: HTMLInputElement | null;

  private readonly capture = new CaptureController(this, {
    camera: { facingMode: 'environment', width: 1920, height: 1080 },
    // Taking the photos again can succeed after these; each uses one of the flow's attempts.
    retryable: new Set(['document_face_not_found', 'document_rejected', 'document_names_mismatch']),
    // Another photo of the same document has the same number.
    final: new Set(['attempts_exhausted', 'criminal_record_found']),
    // A document is already validated for this registration (e.g. before a reload).
    alreadyDone: 'already_exists',
    attemptsLeft: () => this.attemptsLeft,
    onStream: (video) => this.guide.start(video),
  });
  private readonly guide = new DocumentGuideController(this, { onFrame: (frame) => this.handleFrame(frame) });
  private readonly hints = new HintThrottle<DocumentVerdict>();

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.phase !== 'type') return;
    const { countries } = this.enrollment.flow.document;
    // One country (or none named): no question to ask about it.
    if (countries.length > 1) this.phase = 'country';
    else this.startWith(countries[0]);
  }

  /** The document types offered: the chosen country's, or the flow's. */
  private get offered(): readonly DocumentCategory[] {
    return this.country?.categories ?? this.enrollment.flow.document.categories;
  }

  /** The country is known: its documents are offered, or its only one taken. */
  private startWith(country: CountryDocuments | undefined): void {
    this.country = country;
    const offered = this.offered;
    this.category = offered.length <= 1 ? (offered[0] ?? 'government_id') : undefined;
    this.phase = this.category ? 'method' : 'type';
  }

  private async handleStartCamera(): Promise<void> {
    this.phase = 'camera';
    this.fileError = undefined;
    this.hints.reset();
    await this.capture.startCamera();
  }

  private handleFrame({ verdict, goodForMs }: DocumentFrame): void {
    if (goodForMs >= AUTO_CAPTURE_MS) {
      this.takePhoto(verdict);
      return;
    }
    if (this.hints.offer(verdict, performance.now())) this.requestUpdate();
  }

  /** Takes the photo from the camera: on its own (`ok`), or by hand (checked now). */
  private takePhoto(verdict?: DocumentVerdict): void {
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
    this.capture.camera.stop();
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
    // The portrait is looked for while the person takes the back.
    if (this.side === 'front') this.portrait = this.findPortrait(photo.canvas);
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

  /**
   * The portrait on the front, for the face match: only flows with one look for it, so the others
   * never load the face detector (before a mandatory selfie it is already loading, for that step).
   * A detector that cannot load or finds no face sends none: the server searches the photo.
   */
  private async findPortrait(front: HTMLCanvasElement): Promise<string | undefined> {
    if (STEPS.faceMatch.requirement(this.enrollment.flow) === 'skip') return undefined;
    try {
      return await cropPortrait(await loadFaceDetector(this.assetsUrl), front);
    } catch {
      return undefined;
    }
  }

  private async send(): Promise<void> {
    this.phase = 'sending';
    const outcome = await this.capture.submit(async () => {
      const { api, flow } = this.enrollment;
      const validation = await this.sendPhotos();
      if (validation?._id && flow.document.verifyNames) {
        const names = await api.validateNames(validation._id);
        if (names?.nameValidation?.overallMatch !== true) {
          throw new EnrollError('document_names_mismatch', 'document: the names differ from the sign-up names', true);
        }
      }
      if (flow.document.verifyCriminalHistory) {
        const check = await api.checkBackground();
        if (check?.backgroundCheck?.status === 'RECORDS_FOUND') {
          throw new EnrollError('criminal_record_found', 'document: the criminal-history check found records');
        }
      }
    });
    if (outcome !== 'passed') this.phase = outcome;
  }

  /**
   * Sends both sides (and the portrait); answers the validation, or undefined when this
   * registration's document was already validated (e.g. before a reload) and the criminal-history
   * check is still to confirm it.
   */
  private async sendPhotos(): Promise<{ _id?: string } | undefined> {
    const { front, back } = this.photos;
    const encode = async (photo: SidePhoto) => toDataUrl(await encodeJpeg(photo.canvas, PHOTO_BUDGET));
    const [image, backImage, documentFace] = await Promise.all([encode(front!), back && encode(back), this.portrait]);
    const { api, flow } = this.enrollment;
    let answer;
    try {
      answer = await api.validateDocument({
        image,
        ...(backImage ? { backImage } : {}),
        ...(documentFace ? { documentFace } : {}),
        documentCategory: this.category!,
        ...(this.country ? { country: this.country.country } : {}),
        inputMethod: front!.source === 'camera' && (!back || back.source === 'camera') ? 'CAMERA' : 'FILE_UPLOAD',
      });
    } catch (error) {
      const validatedBefore = error instanceof VerifikApiError && error.code === 'already_exists';
      if (validatedBefore && flow.document.verifyCriminalHistory) return undefined;
      throw error;
    }
    const validation = answer?.documentValidation;
    if (!validation) throw new EnrollError('invalid_response', 'the answer has no documentValidation', true);
    // Verifik answers ASSESSING while its OCR runs; only FAILED is a refusal.
    if (validation.status === 'FAILED') {
      const code =
        validation.failReason === 'document_face_not_found' ? 'document_face_not_found' : 'document_rejected';
      throw new EnrollError(code, `document: ${validation.failReason ?? 'FAILED'}`, true);
    }
    return validation;
  }

  /** From the back side, the person takes the front again (the camera stops; the type stays). */
  private handleRedoFront(): void {
    this.stopCamera();
    this.handleRetry();
  }

  /** On the back side: a way to take the front again. */
  private renderRedoFront() {
    return this.side === 'back'
      ? html`<div class="actions">
          <button type="button" class="secondary" @click=${this.handleRedoFront}>${this.t.document.redoFront}</button>
        </div>`
      : nothing;
  }

  /** Starts again from the front (the document type stays). */
  private handleRetry(): void {
    this.photos = {};
    this.portrait = undefined;
    this.side = 'front';
    this.phase = 'method';
  }

  private handleChooseType(event: SubmitEvent): void {
    event.preventDefault();
    const chosen = new FormData(event.target as HTMLFormElement).get('category');
    this.category = this.offered.find((category) => category === chosen) ?? this.category;
    if (this.category) this.phase = 'method';
  }

  private handleChooseCountry(event: SubmitEvent): void {
    event.preventDefault();
    const chosen = Number(new FormData(event.target as HTMLFormElement).get('country'));
    const country = this.enrollment.flow.document.countries[chosen];
    if (country) this.startWith(country);
  }

  protected override updated(changed: PropertyValues): void {
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
      case 'country':
        return this.renderCountryChoice();
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
        return this.capture.renderRefusal(this.t, this.phase, {
          label: document.retry,
          onRetry: () => this.handleRetry(),
          attemptsLeft: document.attemptsLeft,
        });
    }
  }

  /** One question with radio answers (the first, or the current, checked) and Continue. */
  private renderChoice(
    legend: string,
    name: string,
    options: ReadonlyArray<{ value: string; label: string; checked: boolean }>,
    onSubmit: (event: SubmitEvent) => void,
    back: unknown = nothing,
  ) {
    const anyChecked = options.some((option) => option.checked);
    return html`<p>${this.t.document.intro}</p>
      <form @submit=${onSubmit}>
        <fieldset>
          <legend>${legend}</legend>
          ${options.map(
            ({ value, label, checked }, index) =>
              html`<label class="check">
                <input type="radio" name=${name} value=${value} ?checked=${checked || (!anyChecked && index === 0)} />
                ${label}
              </label>`,
          )}
        </fieldset>
        <div class="actions"><button type="submit">${this.t.actions.continue}</button>${back}</div>
      </form>`;
  }

  /** The issuing countries, as the flow names them (untrusted text, escaped by Lit). */
  private renderCountryChoice() {
    const options = this.enrollment.flow.document.countries.map(({ country }, index) => ({
      value: String(index),
      label: country,
      checked: country === this.country?.country,
    }));
    return this.renderChoice(this.t.document.chooseCountry, 'country', options, this.handleChooseCountry);
  }

  private renderTypeChoice() {
    const { document } = this.t;
    const options = this.offered.map((category) => ({
      value: category,
      label: document.categories[category],
      checked: false,
    }));
    const backToCountry =
      this.enrollment.flow.document.countries.length > 1
        ? html`<button type="button" class="secondary" @click=${() => (this.phase = 'country')}>
            ${this.t.actions.back}
          </button>`
        : nothing;
    return this.renderChoice(document.chooseType, 'category', options, this.handleChooseType, backToCountry);
  }

  private renderMethod() {
    const { document } = this.t;
    const { scan, upload } = this.enrollment.flow.document;
    return html`${
        this.side === 'front'
          ? html`${documentIllustration()}
              <p>${document.intro}</p>`
          : nothing
      }
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
      ${upload ? this.renderUpload() : nothing} ${this.renderRedoFront()}`;
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
    const { status, devices } = this.capture.camera;
    if (status === 'error') {
      return html`${this.capture.renderCameraProblem(this.t, {
        label: document.retry,
        onRetry: () => void this.handleStartCamera(),
      })}
      ${this.enrollment.flow.document.upload ? this.renderUpload() : nothing}`;
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
        <button type="button" ?disabled=${status !== 'live'} @click=${() => this.takePhoto()}>
          ${document.capture}
        </button>
        ${
          devices.length > 1
            ? html`<button type="button" class="secondary" @click=${() => this.capture.camera.switchCamera()}>
                ${document.switchCamera}
              </button>`
            : nothing
        }
        ${
          this.enrollment.flow.document.upload
            ? html`<button type="button" class="secondary" @click=${() => (this.stopCamera(), (this.phase = 'method'))}>
                ${document.uploadInstead}
              </button>`
            : nothing
        }
      </div>
      ${this.renderRedoFront()}`;
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

/** The document step's element side (see the step registry). */
export const documentStep = defineStep({
  tag: 'verifik-document-step',
  element: VerifikDocumentStep,
  strings: 'document',
  render: ({ enrollment, assetsUrl }) =>
    html`<verifik-document-step
      data-step
      assets-url=${assetsUrl}
      attempts-left=${attemptsLeft(enrollment.machine)}
    ></verifik-document-step>`,
});
