import type { FaceHint } from '../capture/face/evaluate-face.js';
import type { DocumentVerdict } from '../capture/image/document-quality.js';
import type { VerifikErrorCode } from '../errors/error-codes.js';
import type { DocumentCategory } from '../flow/flow.types.js';
import type { StepId } from '../flow/machine.js';

/** The sides of an ID document, photographed in this order. */
export type DocumentSide = 'front' | 'back';

/**
 * Every string the widget shows. `en` is complete and bundled; other languages implement the same
 * interface, and integrators override single keys through the element's `strings` property.
 */
export interface Translation {
  /** Language tag of this translation. */
  $lang: string;
  /** Writing direction of the language: the widget's panel takes it as its `dir`. */
  $dir: 'ltr' | 'rtl';
  loading: string;
  setupErrorTitle: string;
  retry: string;
  /** Accessible name of the modal presentation's dialog. */
  dialogLabel: string;
  /** Accessible name of the modal's close button. */
  close: string;
  finishErrorTitle: string;
  /** Step names, as the progress indicator shows them. */
  steps: Record<StepId, string>;
  /** "Step 2 of 5: Email code". */
  progress: (index: number, total: number, name: string) => string;
  /** Said to screen readers after the progress line: "2 steps done". */
  progressDone: (count: number) => string;
  actions: {
    cancel: string;
    back: string;
    skip: string;
    continue: string;
    sending: string;
  };
  /** The question Cancel asks before it throws the person's progress away. */
  cancelConfirm: {
    title: string;
    text: string;
    confirm: string;
    keep: string;
  };
  signUp: {
    title: string;
    intro: string;
    firstName: string;
    lastName: string;
    fullName: string;
    email: string;
    phone: string;
    country: string;
    terms: string;
    privacy: string;
    readTerms: string;
    readPrivacy: string;
    required: string;
    invalidEmail: string;
    invalidPhone: string;
    mustAccept: string;
  };
  basicInformation: {
    title: string;
    intro: string;
    fullName: string;
    dateOfBirth: string;
    age: string;
    gender: string;
    genders: { female: string; male: string; other: string; undisclosed: string };
    address: string;
    postalCode: string;
    legalDocument: string;
    invalidDate: string;
    invalidAge: string;
  };
  document: {
    /** On the back side: go back and take the front again. */
    redoFront: string;
    title: string;
    intro: string;
    chooseType: string;
    /** The document types a flow can offer. */
    categories: Record<DocumentCategory, string>;
    /** Heading of each side's capture. */
    sideTitle: Record<DocumentSide, string>;
    /** Accessible name of the photo of each side on the review screen. */
    photoOf: Record<DocumentSide, string>;
    tipFlat: string;
    tipLight: string;
    tipWhole: string;
    /** Said before the browser asks for the camera. */
    primer: string;
    useCamera: string;
    upload: string;
    /** The drop zone's text. */
    drop: string;
    starting: string;
    /** The camera preview's accessible name. */
    video: string;
    /** What the guide says about the current frame. */
    hints: Record<DocumentVerdict, string>;
    capture: string;
    switchCamera: string;
    uploadInstead: string;
    reviewTitle: string;
    /** Shown above the reason when a photo taken by hand failed the quality check. */
    qualityWarning: string;
    usePhoto: string;
    retake: string;
    sending: string;
    retry: string;
    attemptsLeft: (count: number) => string;
    /** The question before the document type, when the flow accepts documents of several countries. */
    chooseCountry: string;
  };
  code: {
    emailTitle: string;
    phoneTitle: string;
    sentTo: (destination: string) => string;
    label: string;
    /** One box: `{n}` and `{total}` are replaced. */
    digit: string;
    verify: string;
    resend: string;
    resendIn: (seconds: number) => string;
    wrong: (triesLeft: number) => string;
    channel: string;
    sms: string;
    whatsapp: string;
    send: string;
  };
  form: {
    title: string;
    intro: string;
    pad: string;
    clear: string;
    typeInstead: string;
    drawInstead: string;
    typedName: string;
    required: string;
  };
  liveness: {
    /** Offered after a while without a capture, beside the shutter. */
    manualOffer: string;
    manualTips: string;
    title: string;
    intro: string;
    tipLight: string;
    tipFace: string;
    tipAlone: string;
    /** Said before the browser asks for the camera. */
    primer: string;
    start: string;
    starting: string;
    loadingGuide: string;
    /** The camera preview's accessible name. */
    video: string;
    /** What the guide says about the current frame, or asks for during the turn challenge. */
    hints: Record<FaceHint | 'turn-left' | 'turn-right' | 'look-straight', string>;
    capture: string;
    switchCamera: string;
    checking: string;
    retry: string;
    attemptsLeft: (count: number) => string;
  };
  faceMatch: {
    title: string;
    checking: string;
    retry: string;
  };
  done: {
    title: string;
    text: string;
    /** The flow completed without its identity checks (status `COMPLETED_WITHOUT_KYC`). */
    textWithoutKyc: string;
    /** Before the registration id on the failure screen, for support. */
    referenceLabel: string;
    /** The flow ended because a step failed (the face match, or every attempt used). */
    failedTitle: string;
    failedText: string;
  };
  errors: Record<VerifikErrorCode, string>;
  /** Login flows (Smart Access), and the switch between registering and logging in. */
  login: {
    title: string;
    /** Under the title, when the person logs in with their email. */
    introEmail: string;
    /** Under the title, when the person logs in with their phone. */
    introPhone: string;
    /** The legend of the choice between email and phone. */
    channel: string;
    /** On the first screen of an onboarding flow: switches to the project's login flow. */
    switchToLogin: string;
    /** On the first screen of a login the person switched to: back to registering. */
    switchToEnroll: string;
    doneTitle: string;
    doneText: string;
    failedTitle: string;
  };
  /** Continuing the camera steps on a phone (cross-device handoff). */
  handoff: {
    /** The button on the document and selfie steps. */
    offer: string;
    title: string;
    intro: string;
    /** Why the widget went straight to the phone. */
    noCamera: string;
    qrLabel: string;
    linkLabel: string;
    copy: string;
    copied: string;
    waiting: string;
    opened: string;
    documentReceived: string;
    selfieReceived: string;
    cancelledOnPhone: string;
    newCode: string;
    useThisDevice: string;
    phoneDoneTitle: string;
    phoneDoneText: string;
    phoneCancelledTitle: string;
    phoneCancelledHere: string;
    phoneCancelledThere: string;
    linkErrorTitle: string;
  };
}

type Group = Exclude<
  {
    [K in keyof Translation]: Translation[K] extends (...args: never[]) => unknown
      ? never
      : Translation[K] extends object
        ? K
        : never;
  }[keyof Translation],
  undefined
>;

/** Per-key overrides: any string, or any key of a group (`errors`, `signUp`, `code`…). */
export type TranslationOverrides = {
  [K in keyof Translation]?: K extends Group ? Partial<Translation[K]> : Translation[K];
};

const isGroup = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** `base` with `overrides` applied key by key, one level into groups. */
export function withOverrides(base: Translation, overrides: TranslationOverrides | undefined): Translation {
  if (!overrides) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = merged[key];
    merged[key] = isGroup(current) && isGroup(value) ? { ...current, ...value } : value;
  }
  return merged as unknown as Translation;
}
