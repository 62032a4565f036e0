import type { FastifyInstance } from 'fastify';
import { clientGuard } from '../auth.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import type { ProjectRecord } from '../records.js';
import { ApiError, notFound } from '../errors.js';
import { isObjectId, newObjectId } from '../ids.js';
import { publicFlow, publicProject } from '../public-views.js';
import { parseOrThrow } from '../validation/issues.js';
import { FLOW_TYPES } from '../validation/project-flow.js';
import { projectSchema } from '../validation/project.js';
import { listEnvelope, mergeDeep, objectBody, paging, queryString, withoutServerFields } from './shared.js';

/** The project of `id` owned by the calling client, or a 404. */
export function ownedProject(context: SandboxContext, clientId: string, id: string): ProjectRecord {
  const project = isObjectId(id) ? context.store.get(COLLECTIONS.projects, id) : undefined;
  if (!project || project.client !== clientId) throw notFound('project');
  return project;
}

/** `POST/GET/PUT /v2/projects` (client token) and the public `GET /v2/projects/kyc`. */
export function projectRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { store } = context;
  const admin = { onRequest: clientGuard(context.client) };

  app.post('/v2/projects', admin, async (request) => {
    const { clientId } = request;
    const body = withoutServerFields(objectBody(request.body));
    parseOrThrow(projectSchema, body);
    const now = context.now().toISOString();
    const project = store.insert(COLLECTIONS.projects, {
      status: 'active',
      ...body,
      _id: newObjectId(context.now()),
      client: clientId,
      createdAt: now,
      updatedAt: now,
    });
    return { data: project };
  });

  app.get('/v2/projects', admin, async (request) => {
    const { clientId } = request;
    const page = paging(request.query);
    const { items, total } = store.list(COLLECTIONS.projects, clientId, {}, page);
    return listEnvelope(items, total, page);
  });

  app.get<{ Params: { id: string } }>('/v2/projects/:id', admin, async (request) => {
    return { data: ownedProject(context, request.clientId, request.params.id) };
  });

  app.put<{ Params: { id: string } }>('/v2/projects/:id', admin, async (request) => {
    const project = ownedProject(context, request.clientId, request.params.id);
    const merged = mergeDeep(project, withoutServerFields(objectBody(request.body)));
    parseOrThrow(projectSchema, merged);
    const updated = store.replace(COLLECTIONS.projects, {
      ...(merged as ProjectRecord),
      updatedAt: context.now().toISOString(),
    });
    return { data: updated };
  });

  /**
   * Public, as Verifik's hosted page calls it before anyone has a token: the project and its
   * active flows of one type, oldest first, without what only the owner should see.
   */
  app.get('/v2/projects/kyc', async (request) => {
    const id = queryString(request.query, 'id');
    const type = queryString(request.query, 'type') ?? 'onboarding';
    if (!id) throw new ApiError(400, 'MISSING_FIELD', 'id is required');
    if (!isObjectId(id)) throw new ApiError(400, 'INVALID_PROJECT_ID', 'id must be a 24-hex-digit id');
    if (!(FLOW_TYPES as readonly string[]).includes(type)) {
      throw new ApiError(400, 'INVALID_FLOW_TYPE', `type must be one of ${FLOW_TYPES.join(', ')}`);
    }
    const project = store.get(COLLECTIONS.projects, id);
    if (!project) throw notFound('project');
    const flows = store.list(
      COLLECTIONS.projectFlows,
      project.client,
      { project: id, type, status: 'active' },
      { offset: 0, limit: 100, order: 'asc' },
    );
    return {
      data: {
        ...publicProject(project),
        projectFlows: flows.items.map(publicFlow),
      },
    };
  });
}
