import type { OpenRecord as StoredDoc } from './records.js';

/**
 * What may be shown to whom. Stored fields whose name starts with `_` (other than `_id`) are
 * private to the sandbox (code hashes, face descriptors) and are never answered. Projects and
 * flows also have settings only their owner (the client) may read.
 */

const PRIVATE_PROJECT_FIELDS = ['demoOTP'];
const PRIVATE_FLOW_FIELDS = ['security', 'integrations', 'webhook', 'webhookUrl', 'identityUrl'];

const omit = <T extends Record<string, unknown>>(doc: T, fields: string[]): T =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !fields.includes(key))) as T;

/** A record without its private fields. */
export function publicDoc<T extends object>(doc: T): T {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => key === '_id' || !key.startsWith('_'))) as T;
}

/** A project as anyone may see it. */
export const publicProject = (project: StoredDoc): StoredDoc => omit(publicDoc(project), PRIVATE_PROJECT_FIELDS);

/** A flow as anyone may see it: no security lists or webhooks; of v3 `integrations`, only `redirectUrl`. */
export function publicFlow(flow: StoredDoc): StoredDoc {
  const visible = omit(publicDoc(flow), PRIVATE_FLOW_FIELDS);
  const integrations = flow['integrations'] as { redirectUrl?: unknown } | undefined;
  return integrations?.redirectUrl === undefined
    ? visible
    : { ...visible, integrations: { redirectUrl: integrations.redirectUrl } };
}
