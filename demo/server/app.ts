import compress from '@fastify/compress';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { SandboxContext } from './context.js';
import { ApiError } from './errors.js';
import { checkJsonText } from './json-bounds.js';
import { referenceBackend, type ReferenceBackendOptions } from './integrator/reference-backend.js';
import { appLoginRoutes } from './routes/app-logins.js';
import { appRegistrationRoutes } from './routes/app-registrations.js';
import { devRoutes, isDevRoute, isLoopbackOrigin } from './routes/dev.js';
import { documentRoutes } from './routes/documents.js';
import { biometricRoutes } from './routes/biometrics.js';
import { loginCodeRoutes } from './routes/login-codes.js';
import { loginFaceRoutes } from './routes/login-face.js';
import { handoffRoutes } from './routes/handoffs.js';
import { projectFlowRoutes } from './routes/project-flows.js';
import { signatureRoutes } from './routes/signatures.js';
import { validationRoutes } from './routes/validations.js';
import { webhookRoutes } from './routes/webhooks.js';
import { webhookResourceRoutes } from './routes/webhook-resources.js';
import { projectRoutes } from './routes/projects.js';

export interface AppOptions {
  /** Folder holding `index.html`, served at `/`. */
  demoRoot?: string;
  /** The widget's npm build output, served at `/dist/`. */
  distRoot?: string;
  /** The widget's CDN build (the classic script, `face/`, `sri.json`), served at `/cdn/`, as a CDN would. */
  cdnRoot?: string;
  /** Largest JSON body accepted, in bytes (image endpoints accept more). */
  bodyLimit?: number;
  /** Mount the reference integrator backend, calling this Verifik API with this client token. */
  integrator?: Omit<ReferenceBackendOptions, 'cookieSecret'>;
  /** Adds hooks or routes before the sandbox's own. */
  configure?: ((app: FastifyInstance) => void) | undefined;
}

/** Fastify's own client-error codes, answered in Verifik's `{code, message}` style. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: 'request body is empty' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'request body must be sent as Content-Type: application/json',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'INVALID_BODY',
    message: 'Content-Length does not match the body',
  },
};

/**
 * How long a browser may reuse a face asset (face-api, the wasm binary, the models) without
 * asking: they change only when the face-api dependency does. Every other file keeps the default
 * (`max-age=0`, revalidated by its ETag), so a rebuilt widget is picked up at once.
 */
export const FACE_ASSET_CACHE = 'public, max-age=86400';

/** Whether a request path names a file of a `face/` folder. */
const isFaceAsset = (url: string) => /\/face\/[^?]+/.test(url.split('?')[0]!);

/** The sandbox's HTTP application: Verifik-compatible routes, CORS for any page, the demo page. */
export async function buildApp(context: SandboxContext, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? 1024 * 1024 });

  // JSON bodies are bounded (depth, key count) before they are parsed: see json-bounds.ts.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    try {
      checkJsonText(text);
    } catch (error) {
      done(error as ApiError, undefined);
      return;
    }
    parseJson(request, text, done);
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof ApiError) return reply.status(error.status).headers(error.headers).send(error.toBody());
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return reply.status(known.status).send({ code: known.code, message: known.message });
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Other client errors Fastify detects (e.g. a forbidden __proto__ key in the JSON body).
      return reply.status(status).send({ code: 'BadRequest', message: error.message });
    }
    console.error(error);
    return reply.status(500).send({ code: 'InternalError', message: 'internal_error' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ code: 'NotFound', message: `no route for ${request.method} ${request.url.split('?')[0]}` }),
  );

  // The widget runs on integrators' pages and calls the API from the browser, as Verifik's own
  // hosted page does; no cookies are involved, so any origin may call.
  // The dev outbox (codes, links) answers only pages served from this machine (the demo, the
  // test runner); a website the developer happens to visit cannot read it.
  await app.register(cors, {
    delegator: (request, callback) =>
      callback(null, {
        origin: !isDevRoute(request) || isLoopbackOrigin(request.headers.origin),
        methods: ['GET', 'POST', 'PUT', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type'],
        maxAge: 600,
      }),
  });

  options.configure?.(app);
  projectRoutes(app, context);
  projectFlowRoutes(app, context);
  appRegistrationRoutes(app, context);
  validationRoutes(app, context);
  biometricRoutes(app, context);
  documentRoutes(app, context);
  signatureRoutes(app, context);
  loginCodeRoutes(app, context);
  loginFaceRoutes(app, context);
  appLoginRoutes(app, context);
  handoffRoutes(app, context);
  app.get('/.well-known/jwks.json', async () => context.tokens.jwks);
  devRoutes(app, context);
  webhookRoutes(app, context);
  webhookResourceRoutes(app, context);
  if (options.integrator) {
    referenceBackend(app, { ...options.integrator, cookieSecret: context.secret('integrator_cookie') });
  }

  await app.register(async (assets) => {
    // Compression only for the widget's files, in a scope of their own; the API's answers are small.
    await assets.register(compress, { global: true, threshold: 1024 });
    assets.addHook('onSend', async (request, reply) => {
      if (reply.statusCode < 400 && isFaceAsset(request.url)) reply.header('cache-control', FACE_ASSET_CACHE);
    });
    for (const [prefix, root] of [
      ['/dist/', options.distRoot],
      ['/cdn/', options.cdnRoot],
    ] as const) {
      if (root && existsSync(root)) {
        await assets.register(fastifyStatic, { root, prefix, decorateReply: false });
      }
    }
  });
  const { demoRoot } = options;
  if (demoRoot) {
    await app.register(fastifyStatic, { root: demoRoot, serve: false });
    app.get('/', (_request, reply) => reply.sendFile('index.html', demoRoot));
  }
  return app;
}
