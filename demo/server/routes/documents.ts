import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxContext } from '../context.js';
import { publicDoc } from '../public-views.js';
import { backgroundCheck, validateNames } from '../services/documents.js';
import { parseRegistrantBody } from './registrant-body.js';
import { registrantGuard } from './registrant-guard.js';

/**
 * What is done with a document's text (verifik-api.md §6): the name validation and the
 * (simulated) criminal-history check, with the registrant token.
 */

// Verifik's clients send `{_id, force}` or nothing; `?force=true` works too.
const rerunSchema = z.looseObject({ force: z.boolean().optional() });
const forced = (request: { body: unknown; query: unknown }) =>
  parseRegistrantBody(rerunSchema, request.body ?? {}).force === true ||
  (request.query as { force?: string }).force === 'true';

export function documentRoutes(app: FastifyInstance, context: SandboxContext): void {
  const registrant = { onRequest: registrantGuard(context) };

  app.put<{ Params: { id: string } }>('/v2/document-validations/:id/validate', registrant, async (request) => {
    const { nameValidation, documentValidation } = validateNames(
      context,
      request.registration._id,
      request.params.id,
      forced(request),
    );
    return { data: { nameValidation, documentValidation: publicDoc(documentValidation) } };
  });

  app.put<{ Params: { id: string } }>(
    '/v2/information-validations/:id/background-check',
    registrant,
    async (request) => {
      const result = backgroundCheck(context, request.registration._id, request.params.id, forced(request));
      return {
        data: {
          backgroundCheck: result.backgroundCheck,
          informationValidation: publicDoc(result.informationValidation),
        },
      };
    },
  );
}
