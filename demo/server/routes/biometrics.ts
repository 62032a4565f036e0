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
import { countFor, flowOf, registrantGuard, requireOpen, updateRegistration } from '../registrants/registration.js';
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

  /** Stores one attempt of a registration, and counts failures on the registration. */
  function saveAttempt(collection: string, registration: StoredDoc, record: Record<string, unknown>): StoredDoc {
    const now = context.now().toISOString();
    const saved = store.insert(collection, {
      _id: newObjectId(context.now()),
      client: registration.client,
      appRegistration: registration._id,
      project: registration['project'],
      projectFlow: registration['projectFlow'],
      createdAt: now,
      updatedAt: now,
      ...record,
    });
    if (record['status'] === 'FAILED') {
      updateRegistration(context, registration, {
        failedValidations: Number(registration['failedValidations'] ?? 0) + 1,
      });
    }
    return saved;
  }

  /** A 409 `max_attempts_reached@<max>` once a registration has used every attempt of a step. */
  function attemptNumber(collection: string, registration: StoredDoc, max: number): number {
    const used = countFor(context, collection, registration);
    if (used >= max) throw verifikError(409, 'max_attempts_reached', max);
    return used + 1;
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
      const current =
        typeof registration['documentValidation'] === 'string'
          ? store.get(COLLECTIONS.documentValidations, registration['documentValidation'])
          : undefined;
      if (current?.['status'] === 'VALIDATED' && !body.force) throw verifikError(409, 'already_exists');
      const attempt = attemptNumber(COLLECTIONS.documentValidations, registration, flow.document.maxAttempts);

      const images = {
        image: body.image === undefined ? undefined : decodeImage(body.image, 'image'),
        backImage: body.backImage === undefined ? undefined : decodeImage(body.backImage, 'backImage'),
        documentFace: body.documentFace === undefined ? undefined : decodeImage(body.documentFace, 'documentFace'),
      };
      for (const image of Object.values(images)) if (image) await assertReadable(image);
      const engine = await context.faces();
      const portrait = (await engine.analyze((images.documentFace ?? images.image ?? images.backImage)!, 'ACCURATE'))
        .faces[0];

      const record = saveAttempt(COLLECTIONS.documentValidations, registration, {
        status: portrait ? 'VALIDATED' : 'FAILED',
        ...(portrait ? {} : { failReason: 'document_face_not_found' }),
        documentType: body.documentType ?? null,
        documentCategory: body.documentCategory ?? 'government_id',
        validationMethod: 'SCAN_PROMPT',
        inputMethod: body.inputMethod ?? 'FILE_UPLOAD',
        imageValidated: Boolean(portrait),
        hasFrontImage: Boolean(images.image),
        hasBackImage: Boolean(images.backImage),
        faceScore: portrait ? round(portrait.score) : null,
        attempt,
        attemptsLeft: flow.document.maxAttempts - attempt,
        _face: portrait ? storedFace(portrait) : null,
      });
      if (portrait) {
        updateRegistration(context, store.get(COLLECTIONS.appRegistrations, registration._id)!, {
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
      if (typeof registration['person'] === 'string' && !body.force) throw verifikError(409, 'person_already_set');
      const attempt = attemptNumber(COLLECTIONS.biometricValidations, registration, flow.liveness.maxAttempts);
      const image = decodeImage(body.image, 'image');
      await assertReadable(image);

      const { searchMode, minScore, searchMinScore } = flow.liveness;
      const analysis = await (await context.faces()).analyze(image, searchMode);
      const base = {
        os: body.os,
        searchMode,
        livenessMinScore: minScore,
        attempt,
        attemptsLeft: flow.liveness.maxAttempts - attempt,
      };
      const fail = (reason: string, detail?: number, extra: Record<string, unknown> = {}) => {
        saveAttempt(COLLECTIONS.biometricValidations, registration, {
          ...base,
          ...extra,
          status: 'FAILED',
          failReason: reason,
        });
        return verifikError(409, reason, detail);
      };

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

      if (typeof registration['person'] === 'string') store.delete(COLLECTIONS.persons, registration['person']);
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
      const record = saveAttempt(COLLECTIONS.biometricValidations, registration, {
        ...base,
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
