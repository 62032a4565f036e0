import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../context.js';
import { ApiError } from '../errors.js';
import { readOutbox } from '../services/outbox.js';

/** Whether a TCP peer is this machine (127.0.0.0/8, ::1, or IPv4 mapped into IPv6). */
export function isLoopbackAddress(ip: string): boolean {
  return ip === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(ip);
}

/** Whether a host name (no port) names this machine: localhost, 127.0.0.0/8 or [::1]. */
function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Whether a `Host` header (`name[:port]`) names this machine. */
export function isLoopbackHost(host: string | undefined): boolean {
  try {
    return !!host && isLoopbackHostname(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/** Whether a page's origin is on this machine (localhost, 127.0.0.0/8, [::1]). */
export function isLoopbackOrigin(origin: string | undefined): boolean {
  try {
    return isLoopbackHostname(new URL(origin ?? '').hostname);
  } catch {
    return false;
  }
}

/** Route config that marks a route as development-only: see {@link devRoutes}. */
export const DEV_ONLY = { devOnly: true } as const;

/**
 * Whether the route a request matched is development-only. This reads the route Fastify chose
 * (after it decoded the path), never the raw URL: `/%64ev/…` matches `/dev/…` too.
 */
export function isDevRoute(request: FastifyRequest): boolean {
  return (request.routeOptions.config as { devOnly?: boolean } | undefined)?.devOnly === true;
}

/**
 * Refuses a development-only request unless it comes from this machine, addressed to this
 * machine (a `Host` of localhost defeats DNS rebinding), from a page on this machine or from no
 * page at all (curl, tests).
 */
function guardDevRequest(request: FastifyRequest): void {
  if (!isLoopbackAddress(request.socket.remoteAddress ?? '')) {
    throw new ApiError(403, 'Forbidden', 'development routes answer only this machine');
  }
  if (!isLoopbackHost(request.headers.host)) {
    throw new ApiError(403, 'Forbidden', 'development routes answer only a Host of localhost, 127.0.0.1 or [::1]');
  }
  const { origin } = request.headers;
  if (origin !== undefined && !isLoopbackOrigin(origin)) {
    throw new ApiError(403, 'Forbidden', 'development routes answer only pages served from this machine');
  }
}

/**
 * Development helpers for the demo page and the tests, all under `/dev/` and all behind one guard
 * (see {@link guardDevRequest}). Verifik has no such endpoints: the client token lives in Verifik's
 * dashboard and your server, never in a page; codes go to real inboxes and phones.
 */
export function devRoutes(app: FastifyInstance, context: SandboxContext): void {
  app.addHook('onRequest', async (request) => {
    if (isDevRoute(request)) guardDevRequest(request);
  });

  /** The sandbox's client token, so the demo page's flow editor can call the admin API. */
  app.get('/dev/client-token', { config: DEV_ONLY }, async () => ({ data: { token: context.client.token } }));

  /** The messages the sandbox "sent" (codes, links) that are still valid, newest first. */
  app.get('/dev/outbox', { config: DEV_ONLY }, async (request) => {
    const where: Partial<Record<'to' | 'channel' | 'appRegistration', string>> = {};
    for (const field of ['to', 'channel', 'appRegistration'] as const) {
      const value = (request.query as Record<string, unknown>)[field];
      if (typeof value === 'string') where[field] = value;
      else if (value !== undefined) throw new ApiError(400, 'INVALID_TYPE', `${field} must be given once`);
    }
    return { data: readOutbox(context, where) };
  });
}
