import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { ApiError } from '../errors.js';

/** Whether a TCP peer is this machine (127.0.0.0/8, ::1, or IPv4 mapped into IPv6). */
export function isLoopbackAddress(ip: string): boolean {
  return ip === '::1' || /^(::ffff:)?127\.\d+\.\d+\.\d+$/.test(ip);
}

/**
 * Development helpers for the demo page. Verifik has no such endpoints: the client token lives in
 * Verifik's dashboard and your server, never in a page.
 */
export function devRoutes(app: FastifyInstance, context: SandboxContext): void {
  /**
   * The sandbox's client token, so the demo page's flow editor can call the admin API. Answered
   * only to this machine (a sandbox started with `--host 0.0.0.0` keeps it from the network), and
   * the `/dev/` CORS policy keeps it from pages of other sites.
   */
  app.get('/dev/client-token', async (request) => {
    if (!isLoopbackAddress(request.socket.remoteAddress ?? '')) {
      throw new ApiError(403, 'Forbidden', 'the client token is given only to this machine');
    }
    return { data: { token: context.client.token } };
  });
}
