import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decodeImage, MAX_IMAGE_BYTES } from '../biometrics/images.js';
import type { SandboxContext } from '../context.js';
import { ApiError } from '../errors.js';
import { publicDoc } from '../public-views.js';
import { compareFaces, uploadDocument, uploadSelfie } from '../services/biometrics.js';
import { presentRegistration } from '../services/populate.js';
import { text } from '../validation/fields.js';
import { parseRegistrantBody } from './registrant-body.js';
import { registrantGuard } from './registrant-guard.js';

/** Document, selfie and face match of an app registration (verifik-api.md §6–§7). */

const optionalImage = z.string().optional();
const documentSchema = z.looseObject({
  image: optionalImage,
  backImage: optionalImage,
  documentFace: optionalImage,
  inputMethod: text(40).optional(),
  documentType: text(40).optional(),
  documentCategory: z.enum(['government_id', 'passport', 'license']).optional(),
  country: text(60).optional(),
  force: z.boolean().optional(),
});
const biometricSchema = z.looseObject({
  image: z.string(),
  os: z.enum(['DESKTOP', 'IOS', 'ANDROID']),
  force: z.boolean().optional(),
});

const optionalDecoded = (value: string | undefined, field: string) =>
  value === undefined ? undefined : decodeImage(value, field);

export function biometricRoutes(app: FastifyInstance, context: SandboxContext): void {
  const registrant = { onRequest: registrantGuard(context) };

  app.post(
    '/v2/document-validations/app-registration',
    { ...registrant, bodyLimit: 4 * MAX_IMAGE_BYTES },
    async (request) => {
      const body = parseRegistrantBody(documentSchema, request.body);
      if (body.image === undefined && body.backImage === undefined) {
        throw new ApiError(422, 'UnprocessableEntity', 'Either image or backImage must be provided');
      }
      const record = await uploadDocument(context, request.registration, {
        ...body,
        image: optionalDecoded(body.image, 'image'),
        backImage: optionalDecoded(body.backImage, 'backImage'),
        documentFace: optionalDecoded(body.documentFace, 'documentFace'),
      });
      return { data: { documentValidation: publicDoc(record) } };
    },
  );

  app.post(
    '/v2/biometric-validations/app-registration',
    { ...registrant, bodyLimit: 2 * MAX_IMAGE_BYTES },
    async (request) => {
      const body = parseRegistrantBody(biometricSchema, request.body);
      const updated = await uploadSelfie(context, request.registration, {
        ...body,
        image: decodeImage(body.image, 'image'),
      });
      return { data: presentRegistration(context, updated) };
    },
  );

  app.post('/v2/face-recognition/compare/app-registration', registrant, async (request) => {
    const comparison = compareFaces(context, request.registration._id);
    return { data: { appRegistration: request.registration._id, compareFaceVerification: comparison } };
  });
}
