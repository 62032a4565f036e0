import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { decodeImage, MAX_IMAGE_BYTES } from '../biometrics/images.js';
import type { SandboxContext } from '../context.js';
import { ApiError, verifikError } from '../errors.js';
import { openFaceSession, presentSession, validateFace } from '../services/face-login.js';
import type { TokenScope } from '../tokens.js';
import { text } from '../validation/fields.js';
import { parseRegistrantBody } from './registrant-body.js';

/**
 * Face login (docs/login.md): `POST /v2/biometric-validations/app-login` opens a liveness session
 * (public for a face-only flow; with the loginSession token after a code), `POST
 * /v2/biometric-validations/validate` takes a selfie with the session's token.
 */

const openSchema = z.looseObject({
  project: z.string().optional(),
  projectFlow: z.string().optional(),
  type: z.string().optional(),
  identifier: text(254).optional(),
  language: text(10).optional(),
});
const validateSchema = z.looseObject({ image: z.string(), os: z.enum(['DESKTOP', 'IOS', 'ANDROID']).optional() });

const bearer = (request: FastifyRequest) => /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];

export function loginFaceRoutes(app: FastifyInstance, context: SandboxContext): void {
  const claims = (token: string, scope: TokenScope) => context.tokens.verify(token, scope, context.now());

  app.post('/v2/biometric-validations/app-login', async (request) => {
    const body = parseRegistrantBody(openSchema, request.body ?? {});
    if (body.type !== undefined && body.type !== 'login')
      throw verifikError(409, 'validation_type_not_supported', body.type);
    const token = bearer(request);
    const identified = token === undefined ? undefined : await claims(token, 'loginSession');
    const project = identified?.project ?? body.project;
    const projectFlow = identified?.projectFlow ?? body.projectFlow;
    if (project === undefined) throw new ApiError(409, 'MissingParameter', 'missing project');
    if (projectFlow === undefined) throw new ApiError(409, 'MissingParameter', 'missing projectFlow');
    if (identified && (body.project ?? project) !== project) throw new ApiError(403, 'Forbidden', 'token_not_right');
    if (identified && (body.projectFlow ?? projectFlow) !== projectFlow) {
      throw new ApiError(403, 'Forbidden', 'token_not_right');
    }
    const opened = await openFaceSession(context, { project, projectFlow }, identified, body.identifier ?? null);
    return {
      data: {
        livenessSession: presentSession(opened.session),
        searchMode: opened.settings.searchMode,
        showFaceLivenessRecommendation: opened.settings.showFaceLivenessRecommendation,
        token: opened.token,
      },
    };
  });

  app.post('/v2/biometric-validations/validate', { bodyLimit: 2 * MAX_IMAGE_BYTES }, async (request) => {
    const token = bearer(request);
    if (token === undefined) {
      throw new ApiError(401, 'Unauthorized', 'Authorization: Bearer <liveness session token> is required');
    }
    const session = await claims(token, 'livenessSession');
    const body = parseRegistrantBody(validateSchema, request.body);
    return { data: await validateFace(context, session.sub, decodeImage(body.image, 'image'), body.os ?? 'DESKTOP') };
  });
}
