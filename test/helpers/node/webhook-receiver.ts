import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ReceivedEvent, webhookReceiver } from '../../../demo/server/integrator/webhook-receiver.js';

/** An integrator's server: the reference receiver over HTTP, counting requests and handled events. */
export class Receiver {
  readonly requests: IncomingHttpHeaders[] = [];
  readonly handled: ReceivedEvent[] = [];
  private server: Server | undefined;
  private readonly receive;

  constructor(secret: () => string) {
    // Events already handled outlive a restart of the receiver (a real one keeps them in its database).
    const seen = new Set<string>();
    this.receive = webhookReceiver({ secret, handle: (event) => void this.handled.push(event), handled: seen });
  }

  /** Listens on `port` (0: any free one); answers the port. */
  async start(port = 0): Promise<number> {
    const server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => {
        this.requests.push(request.headers);
        const signature = request.headers['verifik-signature'];
        void this.receive(typeof signature === 'string' ? signature : undefined, body).then(({ status, body }) => {
          response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        });
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const { server } = this;
    if (server) await new Promise((resolve) => server.close(resolve));
    this.server = undefined;
  }
}
