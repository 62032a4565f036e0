import type { FastifyInstance } from 'fastify';

/**
 * Holds chosen requests after their headers: the route's `onRequest` guard has run (and read the
 * registration), the body is not parsed yet. A test starts a request with `x-hold: <name>`, waits
 * for `reached`, makes another request, then releases the first. No timers: each step waits on an
 * event of the server.
 */
export function requestHolds() {
  const gates = new Map<string, { reached: () => void; released: Promise<void> }>();
  return {
    /** Pass as `configureApp` to the sandbox. */
    configureApp(app: FastifyInstance): void {
      app.addHook('preParsing', async (request, _reply, payload) => {
        const name = request.headers['x-hold'];
        const gate = typeof name === 'string' ? gates.get(name) : undefined;
        if (gate) {
          gate.reached();
          await gate.released;
        }
        return payload;
      });
    },
    /** Arms a hold for requests sent with `x-hold: name`. */
    hold(name: string): { reached: Promise<void>; release: () => void } {
      let reached!: () => void;
      let release!: () => void;
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      gates.set(name, { reached, released });
      return {
        reached: reachedPromise,
        release: () => {
          gates.delete(name);
          release();
        },
      };
    },
  };
}
