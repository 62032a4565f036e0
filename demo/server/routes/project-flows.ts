import type { FastifyInstance } from 'fastify';
import { clientGuard } from '../auth.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, notFound } from '../errors.js';
import { isObjectId, newObjectId } from '../ids.js';
import type { FlowRecord } from '../records.js';
import { FlowConfigError, normalizeFlow } from '../../../src/flow/normalize-flow.js';
import { checkWebhookReferences, issueWebhookSecret } from '../services/webhooks.js';
import { parseOrThrow } from '../validation/issues.js';
import { flowShape } from '../../../src/flow/flow-shape.js';
import { FLOW_FIELD_CODES, FLOW_SCHEMAS, flowHeader } from '../validation/project-flow.js';
import {
  type JsonObject,
  listEnvelope,
  mergeDeep,
  objectBody,
  paging,
  queryString,
  withoutServerFields,
} from './shared.js';

/** Filters `GET /v2/project-flows` takes, in Verifik's `where_<field>` style or plain. */
const LIST_FILTERS = ['project', 'type', 'status'] as const;

/**
 * A checked flow body as stored and answered, with the defaults seed 002's response shows:
 * `status` draft, `version` 1, empty `allowedCountries` and `redirectUrl`, the other type's
 * settings null.
 */
export function newFlowRecord(body: JsonObject, owner: { _id: string; client: string; now: Date }): FlowRecord {
  const now = owner.now.toISOString();
  const otherSettings = body['type'] === 'login' ? { onboardingSettings: null } : { loginSettings: null };
  return {
    status: 'draft',
    type: 'onboarding',
    project: '',
    allowedCountries: [],
    redirectUrl: '',
    linkSettings: null,
    ...otherSettings,
    ...body,
    _id: owner._id,
    client: owner.client,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** `POST/GET/PUT /v2/project-flows` (client token). */
export function projectFlowRoutes(app: FastifyInstance, context: SandboxContext): void {
  const { store } = context;
  const admin = { onRequest: clientGuard(context.client) };

  /**
   * Checks a whole flow: its header, the schema of its shape, that the widget can run it (the
   * widget's own normalizer: a flow it would refuse would fail every sign-up), then that its
   * project is the caller's.
   */
  function validateFlow(flow: JsonObject, clientId: string): void {
    parseOrThrow(flowHeader, flow, FLOW_FIELD_CODES);
    parseOrThrow(FLOW_SCHEMAS[flowShape(flow)], flow, FLOW_FIELD_CODES);
    if (flow['type'] === 'onboarding') {
      try {
        normalizeFlow({ _id: '000000000000000000000000', ...flow });
      } catch (error) {
        if (!(error instanceof FlowConfigError)) throw error;
        throw new ApiError(400, 'INVALID_FLOW', error.message, [
          { field: error.field, code: 'INVALID_FLOW', message: error.message },
        ]);
      }
    }
    const project = store.get(COLLECTIONS.projects, flow['project'] as string);
    if (!project || project.client !== clientId) {
      throw new ApiError(404, 'INVALID_PROJECT_ID', `project ${String(flow['project'])} does not exist`);
    }
  }

  /** The flow as answered, with its webhook signing secret the one time it is issued. */
  function withWebhookSecret(flow: FlowRecord): FlowRecord {
    const webhookSecret = issueWebhookSecret(context, flow);
    return webhookSecret ? { ...flow, webhookSecret } : flow;
  }

  function ownedFlow(clientId: string, id: string): FlowRecord {
    const flow = isObjectId(id) ? store.get(COLLECTIONS.projectFlows, id) : undefined;
    if (!flow || flow.client !== clientId) throw notFound('projectFlow');
    return flow;
  }

  app.post('/v2/project-flows', admin, async (request) => {
    const { clientId } = request;
    const body = withoutServerFields(objectBody(request.body));
    validateFlow(body, clientId);
    checkWebhookReferences(context, clientId, body);
    const flow = newFlowRecord(body, { _id: newObjectId(context.now()), client: clientId, now: context.now() });
    return { data: withWebhookSecret(store.insert(COLLECTIONS.projectFlows, flow)) };
  });

  app.get('/v2/project-flows', admin, async (request) => {
    const { clientId } = request;
    const page = paging(request.query);
    const where: Record<string, string> = {};
    for (const field of LIST_FILTERS) {
      const value = queryString(request.query, `where_${field}`) ?? queryString(request.query, field);
      if (value !== undefined) where[field] = value;
    }
    const { items, total } = store.list(COLLECTIONS.projectFlows, clientId, where, page);
    return listEnvelope(items, total, page);
  });

  app.get<{ Params: { id: string } }>('/v2/project-flows/:id', admin, async (request) => {
    return { data: ownedFlow(request.clientId, request.params.id) };
  });

  /** A partial update: the body is merged into the stored flow, the result checked whole, the version bumped. */
  app.put<{ Params: { id: string } }>('/v2/project-flows/:id', admin, async (request) => {
    const { clientId } = request;
    const flow = ownedFlow(clientId, request.params.id);
    const changes = withoutServerFields(objectBody(request.body));
    const merged = mergeDeep(flow, changes);
    validateFlow(withoutServerFields(merged), clientId);
    // Only a reference being set is checked: a flow whose webhook was deleted stays editable.
    checkWebhookReferences(context, clientId, changes);
    const updated = store.replace(COLLECTIONS.projectFlows, {
      ...(merged as FlowRecord),
      version: (Number(flow['version']) || 1) + 1,
      updatedAt: context.now().toISOString(),
    });
    return { data: withWebhookSecret(updated) };
  });
}
