import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { assertReadable, decodeImage, MAX_IMAGE_BYTES } from '../biometrics/images.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';
import { publicDoc } from '../public-views.js';
import { flowOf, registrantGuard, requireOpen, updateRegistration } from '../registrants/registration.js';
import { text } from '../validation/fields.js';
import { parseRegistrantBody } from './registrant-body.js';

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
    { onRequest: registrantGuard(context), bodyLimit: 2 * MAX_IMAGE_BYTES },
    async (request) => {
      const { registration } = request;
      const body = parseRegistrantBody(signatureSchema, request.body);
      const typedName = body.typedName?.trim();
      if (body.image === undefined && !typedName) {
        throw new ApiError(422, 'UnprocessableEntity', 'Either image or typedName must be provided');
      }
      requireOpen(registration);
      const flow = flowOf(context, registration);
      if (flow.steps.form === 'skip' && !flow.requiresSignature) throw verifikError(409, 'form_not_enabled');
      const image = body.image === undefined ? undefined : decodeImage(body.image, 'image');
      if (image) await assertReadable(image);

      const now = context.now().toISOString();
      const signature = context.store.insert(COLLECTIONS.signatures, {
        _id: newObjectId(context.now()),
        client: registration.client,
        appRegistration: registration._id,
        createdAt: now,
        updatedAt: now,
        method: image ? 'drawn' : 'typed',
        typedName: image ? null : typedName,
        _image: image?.toString('base64') ?? null,
      });
      updateRegistration(context, registration, { signature: signature._id, currentStep: 'form' });
      return { data: { signature: publicDoc(signature) } };
    },
  );
}
