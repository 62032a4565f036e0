import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { type DevClient, ensureDevClient } from './auth.js';
import { FaceEngine } from './biometrics/face-engine.js';
import type { SandboxContext } from './context.js';
import { Store } from './db.js';
import { sandboxFlows } from './integrator/sandbox-flows.js';
import { seedDemo } from './seed.js';
import { TokenService } from './tokens.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface SandboxOptions {
  /** Folder of the SQLite file and the client-token file. Default `.sandbox-data` in the package. */
  dataDir?: string;
  /** TCP port; 0 picks a free one. Default 8787. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1 (this machine only). */
  host?: string;
  /** Use this client token instead of issuing one. */
  clientToken?: string;
  /** Clock, for tests. */
  now?: () => Date;
}

export interface Sandbox {
  url: string;
  client: DevClient;
  dataDir: string;
  app: FastifyInstance;
  /** True when this start created the demo project. */
  seeded: boolean;
  close(): Promise<void>;
}

/** Opens the database, seeds the demo on first start, and listens. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const dataDir = resolve(options.dataDir ?? join(ROOT, '.sandbox-data'));
  const store = Store.open(dataDir);
  try {
    const client = ensureDevClient(store, dataDir, options.clientToken);
    const secrets = new Map<string, Buffer>();
    const secret = (name: string) => {
      if (!secrets.has(name)) {
        const stored = store.getMeta(`secret:${name}`) ?? randomBytes(32).toString('hex');
        store.setMeta(`secret:${name}`, stored);
        secrets.set(name, Buffer.from(stored, 'hex'));
      }
      return secrets.get(name)!;
    };
    let faces: Promise<FaceEngine> | undefined;
    const context: SandboxContext = {
      store,
      client,
      tokens: await TokenService.load(store),
      faces: () => (faces ??= FaceEngine.load()),
      secret,
      now: options.now ?? (() => new Date()),
    };
    const seeded = seedDemo(context);
    let url = '';
    const app = await buildApp(context, {
      demoRoot: join(ROOT, 'demo'),
      distRoot: join(ROOT, 'dist'),
      cdnRoot: join(ROOT, 'cdn'),
      integrator: {
        apiUrl: () => process.env['VERIFIK_API_URL'] ?? url,
        clientToken: () => process.env['VERIFIK_CLIENT_TOKEN'] ?? client.token,
        flows: sandboxFlows(
          () => process.env['VERIFIK_API_URL'] ?? url,
          () => process.env['VERIFIK_CLIENT_TOKEN'] ?? client.token,
        ),
      },
    });
    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port ?? 8787, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
    return {
      url,
      client,
      dataDir,
      app,
      seeded,
      async close() {
        await app.close();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
