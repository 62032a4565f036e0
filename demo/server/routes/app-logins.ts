import type { FastifyInstance } from 'fastify';
import { clientGuard } from '../auth.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { isObjectId } from '../ids.js';
import { publicDoc } from '../public-views.js';
import type { AppLoginRecord } from '../records.js';
import { listEnvelope, paging, queryString } from './shared.js';

/** AppLogins (docs/login.md): list and retrieve with the client token, as Verifik documents them. */

const REFERENCES = {
  emailValidation: COLLECTIONS.emailValidations,
  phoneValidation: COLLECTIONS.phoneValidations,
  biometricValidation: COLLECTIONS.biometricValidations,
  appRegistration: COLLECTIONS.appRegistrations,
} as const;

type Reference = keyof typeof REFERENCES;
const isReference = (name: string): name is Reference => name in REFERENCES;

/** `populates[]`: each a documented reference of an AppLogin. */
function readLoginPopulates(query: unknown): Reference[] {
  const raw = (query as Record<string, unknown> | undefined) ?? {};
  const value = raw['populates[]'] ?? raw['populates'] ?? [];
  const names = (Array.isArray(value) ? value : [value]).flatMap((entry) => String(entry).split(','));
  const unknown = names.find((name) => !isReference(name));
  if (unknown !== undefined) {
    throw new ApiError(
      400,
      'INVALID_ENUM',
      `populates must be among ${Object.keys(REFERENCES).join(', ')} (got "${unknown.slice(0, 40)}")`,
    );
  }
  return [...new Set(names as Reference[])];
}

export function appLoginRoutes(app: FastifyInstance, context: SandboxContext): void {
  const admin = { onRequest: clientGuard(context.client) };

  const present = (appLogin: AppLoginRecord, populates: Reference[]) => {
    const result: Record<string, unknown> = { ...appLogin };
    for (const name of populates) {
      const id = appLogin[name];
      const doc = id ? context.store.get(REFERENCES[name], id) : undefined;
      result[name] = doc ? publicDoc(doc) : null;
    }
    return result;
  };

  app.get('/v2/app-logins', admin, async (request) => {
    const page = paging(request.query);
    const populates = readLoginPopulates(request.query);
    const where: Partial<Record<'projectFlow' | 'type' | 'appRegistration', string>> = {};
    for (const field of ['projectFlow', 'type', 'appRegistration'] as const) {
      const value = queryString(request.query, `where_${field}`);
      if (value !== undefined) where[field] = value;
    }
    const { items, total } = context.store.list(COLLECTIONS.appLogins, request.clientId, where, page);
    return listEnvelope(
      items.map((appLogin) => present(appLogin, populates)),
      total,
      page,
    );
  });

  app.get<{ Params: { id: string } }>('/v2/app-logins/:id', admin, async (request) => {
    const appLogin = isObjectId(request.params.id)
      ? context.store.get(COLLECTIONS.appLogins, request.params.id)
      : undefined;
    if (!appLogin || appLogin.client !== request.clientId) throw notFound('AppLogin');
    return { data: present(appLogin, readLoginPopulates(request.query)) };
  });
}
