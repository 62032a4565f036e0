import { faceSimilarity, livenessStandIn } from '../biometrics/scores.js';
import type { DetectedFace, FaceAnalysis } from '../biometrics/face-engine.js';
import { checkImage } from '../biometrics/images.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';
import type { AttemptRecord, CompareRecord, RegistrationRecord, StoredFace } from '../records.js';
import { evidenceOf } from './completion.js';
import { checkDocumentChoice, readingFields, readUpload, statusAfterReading } from './documents.js';
import { currentRegistration, flowOf, requireOpen, updateRegistration } from './registration.js';

/**
 * Document, selfie and face match of an app registration, computed for real with face-api: the
 * portrait found on the document, one face in the selfie, 128-d descriptors compared for the face
 * match and for the duplicate search across the project. An attempt is counted only for an image
 * that was analysed: it is reserved (PENDING) just before the analysis, removed if the analysis
 * cannot run, and PENDING ones left by a stopped process are released on the next start.
 */

type AttemptCollection = typeof COLLECTIONS.documentValidations | typeof COLLECTIONS.biometricValidations;

/** A detected face as stored: private, for later comparisons. */
const storedFace = (face: DetectedFace): StoredFace => ({
  box: face.box,
  score: face.score,
  descriptor: face.descriptor,
});

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Reserves one attempt of a step, on the registration as stored now: `check` may refuse it, then
 * a 409 `max_attempts_reached@<max>` once every attempt is used, else a PENDING record.
 */
function reserveAttempt(
  context: SandboxContext,
  collection: AttemptCollection,
  registrationId: string,
  max: number,
  check: (registration: RegistrationRecord) => void,
  details: Record<string, unknown>,
): AttemptRecord {
  return context.store.transaction(() => {
    const registration = currentRegistration(context, registrationId);
    requireOpen(registration);
    check(registration);
    const used = context.store.list(
      collection,
      undefined,
      { appRegistration: registrationId },
      { offset: 0, limit: 1 },
    ).total;
    if (used >= max) throw verifikError(409, 'max_attempts_reached', max);
    const now = context.now().toISOString();
    return context.store.insert(collection, {
      _id: newObjectId(context.now()),
      client: registration.client,
      appRegistration: registration._id,
      project: registration.project,
      projectFlow: registration.projectFlow,
      createdAt: now,
      updatedAt: now,
      ...details,
      status: 'PENDING',
      attempt: used + 1,
      attemptsLeft: max - used - 1,
    });
  });
}

/** Runs the analysis of a reserved attempt; if it cannot run, the attempt is released. */
async function analysed<T>(
  context: SandboxContext,
  collection: AttemptCollection,
  attempt: AttemptRecord,
  analysis: () => Promise<T>,
): Promise<T> {
  try {
    return await analysis();
  } catch (error) {
    context.store.delete(collection, attempt._id);
    throw error;
  }
}

/** Records a failed attempt, counted on the registration too. */
function failAttempt(
  context: SandboxContext,
  collection: AttemptCollection,
  attempt: AttemptRecord,
  changes: Partial<AttemptRecord>,
): AttemptRecord {
  return context.store.transaction(() => {
    const failed = context.store.replace(collection, {
      ...attempt,
      ...changes,
      status: 'FAILED',
      updatedAt: context.now().toISOString(),
    });
    const registration = currentRegistration(context, attempt.appRegistration);
    updateRegistration(
      context,
      registration._id,
      { failedValidations: registration.failedValidations + 1 },
      {
        whenFinished: 'allow',
      },
    );
    return failed;
  });
}

/** Forgets the PENDING attempts a stopped process left: they were never analysed. */
export function releasePendingAttempts(context: SandboxContext): void {
  for (const collection of [COLLECTIONS.documentValidations, COLLECTIONS.biometricValidations] as const) {
    context.store.deleteWhere(collection, 'status', 'PENDING');
  }
}

export interface DocumentUpload {
  image?: Buffer | undefined;
  backImage?: Buffer | undefined;
  documentFace?: Buffer | undefined;
  documentType?: string | undefined;
  documentCategory?: string | undefined;
  /** The issuing country, as the flow names it (v3 flows that list countries). */
  country?: string | undefined;
  inputMethod?: string | undefined;
  force?: boolean | undefined;
}

/**
 * The document's portrait: in the `documentFace` crop when one was sent and a face is found in
 * it (`portraitSource: "documentFace"`), else on the photo of the document itself (`"document"`).
 */
async function findPortrait(
  context: SandboxContext,
  images: { image?: Buffer | undefined; backImage?: Buffer | undefined; documentFace?: Buffer | undefined },
): Promise<{ analysis: FaceAnalysis; portraitSource: 'documentFace' | 'document' }> {
  const faces = await context.faces();
  if (images.documentFace) {
    const analysis = await faces.analyze(images.documentFace, 'ACCURATE');
    if (analysis.faces.length > 0) return { analysis, portraitSource: 'documentFace' };
  }
  // A crop without a face (a misplaced cut) is no refusal: the whole photo is searched.
  return { analysis: await faces.analyze((images.image ?? images.backImage)!, 'ACCURATE'), portraitSource: 'document' };
}

/**
 * A document: its portrait found and, when the flow asks, its text read; or a FAILED attempt. A
 * new document voids the earlier match.
 */
export async function uploadDocument(
  context: SandboxContext,
  registration: RegistrationRecord,
  upload: DocumentUpload,
): Promise<AttemptRecord> {
  const flow = flowOf(context, registration);
  if (flow.steps.document === 'skip') throw verifikError(409, 'document_settings_not_set');
  checkDocumentChoice(flow, upload.country, upload.documentCategory);
  const refuseReplacing = (current: RegistrationRecord) => {
    if (!upload.force && evidenceOf(context, current).document?.status === 'VALIDATED') {
      throw verifikError(409, 'already_exists');
    }
  };
  // Checked before the images are, and again when the attempt is reserved after their awaits.
  refuseReplacing(currentRegistration(context, registration._id));
  const images = { image: upload.image, backImage: upload.backImage, documentFace: upload.documentFace };
  for (const [field, image] of Object.entries(images)) if (image) await checkImage(image, field);
  const attempt = reserveAttempt(
    context,
    COLLECTIONS.documentValidations,
    registration._id,
    flow.document.maxAttempts,
    refuseReplacing,
    {
      documentType: upload.documentType ?? null,
      documentCategory: upload.documentCategory ?? 'government_id',
      country: upload.country ?? null,
      validationMethod: 'SCAN_PROMPT',
      inputMethod: upload.inputMethod ?? 'FILE_UPLOAD',
      hasFrontImage: Boolean(images.image),
      hasBackImage: Boolean(images.backImage),
    },
  );
  // The portrait and the text are read at the same time (the text in the reader's own thread).
  const [{ analysis, portraitSource }, reading] = await analysed(
    context,
    COLLECTIONS.documentValidations,
    attempt,
    async () =>
      Promise.all([
        findPortrait(context, images),
        readUpload(context, flow, images, {
          documentType: upload.documentType ?? null,
          passport: upload.documentCategory === 'passport',
        }),
      ]),
  );
  const read = reading ? readingFields(reading) : {};
  const portrait = analysis.faces[0];
  const verdict = statusAfterReading(flow, reading);
  if (!portrait || verdict.status === 'FAILED') {
    return failAttempt(context, COLLECTIONS.documentValidations, attempt, {
      ...read,
      failReason: portrait && verdict.status === 'FAILED' ? verdict.failReason : 'document_face_not_found',
      imageValidated: Boolean(portrait),
      faceScore: portrait ? round(portrait.score) : null,
      _face: null,
    });
  }
  return context.store.transaction(() => {
    const record = context.store.replace(COLLECTIONS.documentValidations, {
      ...attempt,
      ...read,
      status: verdict.status,
      imageValidated: true,
      faceScore: round(portrait.score),
      portraitSource,
      _face: storedFace(portrait),
      updatedAt: context.now().toISOString(),
    });
    updateRegistration(context, registration._id, {
      documentValidation: record._id,
      compareFaceVerification: null,
      currentStep: 'document',
    });
    return record;
  });
}

/**
 * A selfie: one face, above the liveness stand-in's minimum, not already enrolled by another
 * registration of the project; then enrolled. A new selfie voids the earlier match.
 */
export async function uploadSelfie(
  context: SandboxContext,
  registration: RegistrationRecord,
  upload: { image: Buffer; os: string; force?: boolean | undefined },
): Promise<RegistrationRecord> {
  const { store } = context;
  const flow = flowOf(context, registration);
  if (flow.steps.liveness === 'skip') throw verifikError(409, 'liveness_settings_not_set');
  await checkImage(upload.image, 'image');
  const { searchMode, minScore, searchMinScore } = flow.liveness;
  const attempt = reserveAttempt(
    context,
    COLLECTIONS.biometricValidations,
    registration._id,
    flow.liveness.maxAttempts,
    (current) => {
      if (current.person !== null && !upload.force) throw verifikError(409, 'person_already_set');
    },
    { os: upload.os, searchMode, livenessMinScore: minScore },
  );
  const fail = (reason: string, detail?: number, changes: Partial<AttemptRecord> = {}) => {
    failAttempt(context, COLLECTIONS.biometricValidations, attempt, { ...changes, failReason: reason });
    return verifikError(409, reason, detail);
  };

  const analysis = await analysed(context, COLLECTIONS.biometricValidations, attempt, async () =>
    (await context.faces()).analyze(upload.image, searchMode),
  );
  if (analysis.faces.length === 0) throw fail('no_face_detected');
  if (analysis.faces.length > 1) throw fail('multiple_faces', analysis.faces.length);
  const face = analysis.faces[0]!;
  const livenessScore = livenessStandIn({
    confidence: face.score,
    faceWidthRatio: face.box.width / analysis.width,
    sharpness: face.sharpness,
  });
  if (livenessScore <= minScore) throw fail('liveness_failed', livenessScore, { livenessScore });

  // No await from the duplicate search to the enrolment: no other selfie can enrol in between.
  const others = store
    .list(COLLECTIONS.persons, registration.client, { project: registration.project }, { offset: 0, limit: 10_000 })
    .items.filter((person) => person.appRegistration !== registration._id);
  const best = others.reduce((top, person) => Math.max(top, faceSimilarity(face.descriptor, person._descriptor)), 0);
  if (best >= searchMinScore) throw fail('duplicated_person', round(best), { livenessScore });
  return store.transaction(() => {
    store.deleteWhere(COLLECTIONS.persons, 'appRegistration', registration._id);
    const now = context.now().toISOString();
    const person = store.insert(COLLECTIONS.persons, {
      _id: newObjectId(context.now()),
      client: registration.client,
      project: registration.project,
      appRegistration: registration._id,
      createdAt: now,
      updatedAt: now,
      _descriptor: face.descriptor,
    });
    const record = store.replace(COLLECTIONS.biometricValidations, {
      ...attempt,
      status: 'VALIDATED',
      livenessScore,
      person: person._id,
      _face: storedFace(face),
      updatedAt: now,
    });
    return updateRegistration(context, registration._id, {
      biometricValidation: record._id,
      person: person._id,
      compareFaceVerification: null,
      currentStep: 'liveness',
    });
  });
}

/** Compares the current document's portrait with the current selfie, in one transaction. */
export function compareFaces(context: SandboxContext, registrationId: string): CompareRecord {
  return context.store.transaction(() => {
    const registration = currentRegistration(context, registrationId);
    requireOpen(registration);
    const flow = flowOf(context, registration);
    const { document, selfie } = evidenceOf(context, registration);
    const documentFace = document?._face;
    const selfieFace = selfie?._face;
    if (!document || !documentFace) throw verifikError(409, 'document_validation_required');
    if (!selfie || !selfieFace) throw verifikError(409, 'biometric_validation_required');

    const score = round(faceSimilarity(documentFace.descriptor, selfieFace.descriptor));
    const passed = score >= flow.document.compareMinScore;
    const now = context.now().toISOString();
    const comparison = context.store.insert(COLLECTIONS.compareFaceVerifications, {
      _id: newObjectId(context.now()),
      client: registration.client,
      appRegistration: registration._id,
      createdAt: now,
      updatedAt: now,
      type: 'compare',
      search_mode: flow.liveness.searchMode,
      gallery: [document._id],
      probe: [selfie._id],
      result: {
        score,
        passed,
        compare_min_score: flow.document.compareMinScore,
        faces: [{ id: document._id, score, bbox: documentFace.box }],
      },
      comparedAt: now,
      status: passed ? 'PASSED' : 'FAILED',
    });
    updateRegistration(context, registration._id, { compareFaceVerification: comparison._id });
    return comparison;
  });
}
