import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertReadable, decodeImage, MAX_IMAGE_BYTES } from '../biometrics/images.js';
import { faceSimilarity, livenessStandIn } from '../biometrics/scores.js';
import type { DetectedFace } from '../biometrics/face-engine.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import type { StoredDoc } from '../db.js';
import { ApiError, verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';
import { presentRegistration } from '../registrants/populate.js';
import { publicDoc } from '../public-views.js';
import {
  countFor,
  deletePersons,
  flowOf,
  registrantGuard,
  requireOpen,
  updateRegistration,
} from '../registrants/registration.js';
import { text } from '../validation/fields.js';
import { parseRegistrantBody } from './registrant-body.js';

/**
 * Document, selfie and face match of an app registration (verifik-api.md §6–§7), computed for
 * real with face-api: the portrait found on the document, one face in the selfie, 128-d
 * descriptors compared for the face match and for the duplicate search across the project.
 */

const optionalImage = z.string().optional();
const documentSchema = z.looseObject({
  image: optionalImage,
  backImage: optionalImage,
  documentFace: optionalImage,
  inputMethod: text(40).optional(),
  documentType: text(40).optional(),
  documentCategory: z.enum(['government_id', 'passport', 'license']).optional(),
  force: z.boolean().optional(),
});
const biometricSchema = z.looseObject({
  image: z.string(),
  os: z.enum(['DESKTOP', 'IOS', 'ANDROID']),
  force: z.boolean().optional(),
});

/** A detected face as stored: private, for later comparisons. */
const storedFace = (face: DetectedFace) => ({ box: face.box, score: face.score, descriptor: face.descriptor });

const round = (value: number) => Math.round(value * 1000) / 1000;

export function biometricRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { store } = context;
  const registrant = { onRequest: registrantGuard(context) };

  /**
   * Reserves one attempt of a step: a 409 `max_attempts_reached@<max>` once every attempt is used,
   * else a PENDING record, written before any await so parallel requests count each other.
   */
  function reserveAttempt(
    collection: string,
    registration: StoredDoc,
    max: number,
    record: Record<string, unknown>,
  ): StoredDoc {
    const used = countFor(context, collection, registration);
    if (used >= max) throw verifikError(409, 'max_attempts_reached', max);
    const now = context.now().toISOString();
    return store.insert(collection, {
      _id: newObjectId(context.now()),
      client: registration.client,
      appRegistration: registration._id,
      project: registration['project'],
      projectFlow: registration['projectFlow'],
      createdAt: now,
      updatedAt: now,
      ...record,
      status: 'PENDING',
      attempt: used + 1,
      attemptsLeft: max - used - 1,
    });
  }

  /** Records an attempt's outcome; failures are also counted on the registration. */
  function settleAttempt(collection: string, attempt: StoredDoc, changes: Record<string, unknown>): StoredDoc {
    const settled = store.replace(collection, { ...attempt, ...changes, updatedAt: context.now().toISOString() });
    if (changes['status'] === 'FAILED') {
      const current = store.get(COLLECTIONS.appRegistrations, attempt['appRegistration'] as string)!;
      updateRegistration(context, current, { failedValidations: Number(current['failedValidations'] ?? 0) + 1 });
    }
    return settled;
  }

  app.post(
    '/v2/document-validations/app-registration',
    { ...registrant, bodyLimit: 4 * MAX_IMAGE_BYTES },
    async (request) => {
      const { registration } = request;
      const body = parseRegistrantBody(documentSchema, request.body);
      if (body.image === undefined && body.backImage === undefined) {
        throw new ApiError(422, 'UnprocessableEntity', 'Either image or backImage must be provided');
      }
      requireOpen(registration);
      const flow = flowOf(context, registration);
      if (flow.steps.document === 'skip') throw verifikError(409, 'document_settings_not_set');
      const validated = (doc: StoredDoc) =>
        typeof doc['documentValidation'] === 'string' &&
        store.get(COLLECTIONS.documentValidations, doc['documentValidation'])?.['status'] === 'VALIDATED';
      if (validated(registration) && !body.force) throw verifikError(409, 'already_exists');

      const images = {
        image: body.image === undefined ? undefined : decodeImage(body.image, 'image'),
        backImage: body.backImage === undefined ? undefined : decodeImage(body.backImage, 'backImage'),
        documentFace: body.documentFace === undefined ? undefined : decodeImage(body.documentFace, 'documentFace'),
      };
      for (const image of Object.values(images)) if (image) await assertReadable(image);
      // Checked again on the registration as it is now: another request may have finished meanwhile.
      const current = store.get(COLLECTIONS.appRegistrations, registration._id)!;
      requireOpen(current);
      if (validated(current) && !body.force) throw verifikError(409, 'already_exists');
      const attempt = reserveAttempt(COLLECTIONS.documentValidations, current, flow.document.maxAttempts, {
        documentType: body.documentType ?? null,
        documentCategory: body.documentCategory ?? 'government_id',
        validationMethod: 'SCAN_PROMPT',
        inputMethod: body.inputMethod ?? 'FILE_UPLOAD',
        hasFrontImage: Boolean(images.image),
        hasBackImage: Boolean(images.backImage),
      });
      const engine = await context.faces();
      const portrait = (await engine.analyze((images.documentFace ?? images.image ?? images.backImage)!, 'ACCURATE'))
        .faces[0];

      const record = settleAttempt(COLLECTIONS.documentValidations, attempt, {
        status: portrait ? 'VALIDATED' : 'FAILED',
        ...(portrait ? {} : { failReason: 'document_face_not_found' }),
        imageValidated: Boolean(portrait),
        faceScore: portrait ? round(portrait.score) : null,
        _face: portrait ? storedFace(portrait) : null,
      });
      if (portrait) {
        updateRegistration(context, registration, {
          documentValidation: record._id,
          compareFaceVerification: null,
          currentStep: 'document',
        });
      }
      return { data: { documentValidation: publicDoc(record) } };
    },
  );

  app.post(
    '/v2/biometric-validations/app-registration',
    { ...registrant, bodyLimit: 2 * MAX_IMAGE_BYTES },
    async (request) => {
      const { registration } = request;
      const body = parseRegistrantBody(biometricSchema, request.body);
      requireOpen(registration);
      const flow = flowOf(context, registration);
      if (flow.steps.liveness === 'skip') throw verifikError(409, 'liveness_settings_not_set');
      const image = decodeImage(body.image, 'image');
      await assertReadable(image);
      // Checked on the registration as it is now: another request may have enrolled or finished.
      const current = store.get(COLLECTIONS.appRegistrations, registration._id)!;
      requireOpen(current);
      if (typeof current['person'] === 'string' && !body.force) throw verifikError(409, 'person_already_set');
      const { searchMode, minScore, searchMinScore } = flow.liveness;
      const attempt = reserveAttempt(COLLECTIONS.biometricValidations, current, flow.liveness.maxAttempts, {
        os: body.os,
        searchMode,
        livenessMinScore: minScore,
      });
      const fail = (reason: string, detail?: number, extra: Record<string, unknown> = {}) => {
        settleAttempt(COLLECTIONS.biometricValidations, attempt, { ...extra, status: 'FAILED', failReason: reason });
        return verifikError(409, reason, detail);
      };

      const analysis = await (await context.faces()).analyze(image, searchMode);
      if (analysis.faces.length === 0) throw fail('no_face_detected');
      if (analysis.faces.length > 1) throw fail('multiple_faces', analysis.faces.length);
      const face = analysis.faces[0]!;
      const livenessScore = livenessStandIn({
        confidence: face.score,
        faceWidthRatio: face.box.width / analysis.width,
        sharpness: face.sharpness,
      });
      if (livenessScore <= minScore) throw fail('liveness_failed', livenessScore, { livenessScore });

      const others = store
        .list(
          COLLECTIONS.persons,
          registration.client,
          { project: registration['project'] as string },
          { offset: 0, limit: 10_000 },
        )
        .items.filter((person) => person['appRegistration'] !== registration._id);
      const best = others.reduce(
        (top, person) => Math.max(top, faceSimilarity(face.descriptor, person['_descriptor'] as number[])),
        0,
      );
      if (best >= searchMinScore) throw fail('duplicated_person', round(best), { livenessScore });

      // From here on no await: enrolling the face and recording it happen at once.
      deletePersons(context, registration);
      const now = context.now().toISOString();
      const person = store.insert(COLLECTIONS.persons, {
        _id: newObjectId(context.now()),
        client: registration.client,
        project: registration['project'],
        appRegistration: registration._id,
        createdAt: now,
        updatedAt: now,
        _descriptor: face.descriptor,
      });
      const record = settleAttempt(COLLECTIONS.biometricValidations, attempt, {
        status: 'VALIDATED',
        livenessScore,
        person: person._id,
        _face: storedFace(face),
      });
      const updated = updateRegistration(context, registration, {
        biometricValidation: record._id,
        person: person._id,
        compareFaceVerification: null,
        currentStep: 'liveness',
      });
      return { data: presentRegistration(context, updated) };
    },
  );

  app.post('/v2/face-recognition/compare/app-registration', registrant, async (request) => {
    const { registration } = request;
    requireOpen(registration);
    const flow = flowOf(context, registration);
    const record = (collection: string, field: string) =>
      typeof registration[field] === 'string' ? store.get(collection, registration[field]) : undefined;
    const document = record(COLLECTIONS.documentValidations, 'documentValidation');
    const selfie = record(COLLECTIONS.biometricValidations, 'biometricValidation');
    const documentFace = document?.['_face'] as ReturnType<typeof storedFace> | undefined;
    const selfieFace = selfie?.['_face'] as ReturnType<typeof storedFace> | undefined;
    if (!documentFace) throw verifikError(409, 'document_validation_required');
    if (!selfieFace) throw verifikError(409, 'biometric_validation_required');

    const score = round(faceSimilarity(documentFace.descriptor, selfieFace.descriptor));
    const passed = score >= flow.document.compareMinScore;
    const now = context.now().toISOString();
    const comparison = store.insert(COLLECTIONS.compareFaceVerifications, {
      _id: newObjectId(context.now()),
      client: registration.client,
      appRegistration: registration._id,
      createdAt: now,
      updatedAt: now,
      type: 'compare',
      search_mode: flow.liveness.searchMode,
      gallery: [document!._id],
      probe: [selfie!._id],
      result: {
        score,
        passed,
        compare_min_score: flow.document.compareMinScore,
        faces: [{ id: document!._id, score, bbox: documentFace.box }],
      },
      comparedAt: now,
      status: passed ? 'PASSED' : 'FAILED',
    });
    updateRegistration(context, registration, { compareFaceVerification: comparison._id });
    return { data: { appRegistration: registration._id, compareFaceVerification: comparison } };
  });
}
