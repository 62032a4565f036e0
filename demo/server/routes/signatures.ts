import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decodeImage } from '../biometrics/images.js';
import type { SandboxContext } from '../context.js';
import { ApiError } from '../errors.js';
import { publicDoc } from '../public-views.js';
import { MAX_SIGNATURE_BYTES, saveSignature } from '../services/signatures.js';
import { text } from '../validation/fields.js';
import { parseRegistrantBody } from './registrant-body.js';
import { registrantGuard } from './registrant-guard.js';

/**
 * The form step's signature. Verifik lists `signature` among a registration's records but
 * documents no endpoint for it; this shape is the sandbox's own: a drawn signature as a base64
 * PNG, or a typed full name for people who cannot draw one.
 */
const signatureSchema = z.looseObject({
  image: z.string().optional(),
  typedName: text(200).optional(),
});

export function signatureRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.post(
    '/v2/signatures/app-registration',
    // Room for an oversized image's base64, so it is answered with image_too_large, not a bare 413.
    { onRequest: registrantGuard(context), bodyLimit: 4 * MAX_SIGNATURE_BYTES },
    async (request) => {
      const body = parseRegistrantBody(signatureSchema, request.body);
      const typedName = body.typedName?.trim();
      if (body.image === undefined && !typedName) {
        throw new ApiError(422, 'UnprocessableEntity', 'Either image or typedName must be provided');
      }
      const image = body.image === undefined ? undefined : decodeImage(body.image, 'image', MAX_SIGNATURE_BYTES);
      const signature = await saveSignature(context, request.registration, { image, typedName });
      return { data: { signature: publicDoc(signature) } };
    },
  );
}
