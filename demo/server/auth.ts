import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { onRequestAsyncHookHandler } from 'fastify';
import type { Store } from './db.js';
import { ApiError } from './errors.js';
import { newObjectId } from './ids.js';

/**
 * The sandbox's one Verifik client (account) and its API token. Verifik issues client tokens in its
 * dashboard; the sandbox issues one on first start, keeps only its SHA-256 in the database and the
 * token itself in `<dataDir>/client-token` (mode 600) so a developer can find it again.
 */
export interface DevClient {
  id: string;
  token: string;
  /** True when this start issued the token (first start, or its file was deleted). */
  issued: boolean;
  /** Where the token is written. */
  tokenFile: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Loads the dev client, issuing a token when there is none yet. `fixedToken` (for CI or a team
 * that shares one) replaces the stored token.
 */
export function ensureDevClient(store: Store, dataDir: string, fixedToken?: string): DevClient {
  const tokenFile = join(dataDir, 'client-token');
  const id = store.getMeta('dev_client_id') ?? newObjectId();
  store.setMeta('dev_client_id', id);

  const storedHash = store.getMeta('dev_client_token_sha256');
  const fileToken = existsSync(tokenFile) ? readFileSync(tokenFile, 'utf8').trim() : undefined;
  const current = fixedToken ?? fileToken;
  if (storedHash && current && sha256(current).toString('hex') === storedHash) {
    return { id, token: current, issued: false, tokenFile };
  }

  const token = fixedToken ?? `sbx_${randomBytes(32).toString('base64url')}`;
  store.setMeta('dev_client_token_sha256', sha256(token).toString('hex'));
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  chmodSync(tokenFile, 0o600);
  return { id, token, issued: true, tokenFile };
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The Verifik client (account) an admin request acts for, set by {@link clientGuard}. */
    clientId: string;
  }
}

/**
 * An `onRequest` hook for admin routes, so it runs before the body is even read:
 * `Authorization: Bearer <client token>` is required (401 when absent) and must be the dev
 * client's (403 otherwise, Verifik's documented body). Sets `request.clientId`.
 */
export function clientGuard(client: DevClient): onRequestAsyncHookHandler {
  const expected = sha256(client.token);
  return async (request) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new ApiError(401, 'Unauthorized', 'Authorization: Bearer <client token> is required');
    }
    if (!timingSafeEqual(sha256(match[1]), expected)) {
      throw new ApiError(403, 'Forbidden', 'Access forbidden');
    }
    request.clientId = client.id;
  };
}
