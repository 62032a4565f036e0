import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * A reference integrator backend for <verifik-enroll>: the two endpoints YOUR server provides.
 * Copy them and adapt: they hold the Verifik client token, which must never reach a browser.
 *
 *   POST /api/verifik/registration  the widget's `token-endpoint`: creates the app registration
 *                                   at Verifik server to server (add your own user id and rate
 *                                   limits here), or refreshes an expired registrant token.
 *   POST /api/verifik/verify        checks a final token before your app trusts a completion:
 *                                   its signature, then the registration's status at Verifik.
 *                                   Never trust the browser's `verifik-complete` event alone.
 */
export interface ReferenceBackendOptions {
  /** Verifik's API (here: the sandbox itself). */
  apiUrl: () => string;
  /** Your Verifik client token. */
  clientToken: () => string;
  /** Secret that signs the cookie tying a browser to the registration it started. */
  cookieSecret: Buffer;
}

const COOKIE = 'verifik_registration';

export function referenceBackend(app: FastifyInstance, options: ReferenceBackendOptions): void {
  /** Calls Verifik with the client token; answers `{status, body}` or a 502 when unreachable. */
  async function verifik(method: 'GET' | 'POST', path: string, body?: unknown) {
    try {
      const response = await fetch(new URL(path, options.apiUrl()), {
        method,
        headers: { authorization: `Bearer ${options.clientToken()}`, 'content-type': 'application/json' },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- Verifik's JSON
    } catch {
      return { status: 502, body: { code: 'BadGateway', message: 'verifik_unreachable' } };
    }
  }

  const sign = (id: string) => `${id}.${createHmac('sha256', options.cookieSecret).update(id).digest('base64url')}`;

  /** The registration id this browser started, from its signed cookie. */
  function startedRegistration(request: FastifyRequest): string | undefined {
    const cookie = /(?:^|;\s*)verifik_registration=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
    const id = cookie?.split('.')[0];
    if (!cookie || !id) return undefined;
    let given: Buffer;
    try {
      given = Buffer.from(decodeURIComponent(cookie));
    } catch {
      return undefined;
    }
    const expected = Buffer.from(sign(id));
    return expected.length === given.length && timingSafeEqual(expected, given) ? id : undefined;
  }

  app.post('/api/verifik/registration', async (request: FastifyRequest, reply: FastifyReply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;

    if (body['refresh'] === true) {
      // A fresh registrant token, only for the browser that started this registration.
      const id = String(body['appRegistrationId'] ?? '');
      if (!id || startedRegistration(request) !== id) {
        return reply.status(403).send({ code: 'Forbidden', message: 'this browser did not start that registration' });
      }
      const link = await verifik('POST', `/v2/app-registrations/${encodeURIComponent(id)}/resend-link`, {
        sendEmail: false,
      });
      if (link.status !== 200) return reply.status(link.status).send(link.body);
      const { token, status } = link.body['data'];
      return { data: { appRegistration: { _id: id, status }, token } };
    }

    // Your own checks go here: the signed-in user, rate limits, fields you add.
    const { refresh: _refresh, appRegistrationId: _id, ...signUp } = body;
    const created = await verifik('POST', '/v2/app-registrations', signUp);
    if (created.status === 200) {
      const id = String(created.body['data']?.appRegistration?._id);
      reply.header(
        'set-cookie',
        `${COOKIE}=${encodeURIComponent(sign(id))}; HttpOnly; SameSite=Strict; Path=/api/verifik; Max-Age=7200`,
      );
    }
    return reply.status(created.status).send(created.body);
  });

  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const verifikKeys = () => (keys ??= createRemoteJWKSet(new URL('/.well-known/jwks.json', options.apiUrl())));

  app.post('/api/verifik/verify', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = (request.body as Record<string, unknown> | undefined)?.['token'];
    if (typeof token !== 'string')
      return reply.status(400).send({ code: 'MISSING_FIELD', message: 'token is required' });
    let registrationId: string;
    try {
      const { payload } = await jwtVerify(token, verifikKeys(), { issuer: 'verifik-sandbox' });
      if (payload['scope'] !== 'final' || typeof payload.sub !== 'string') throw new Error('not a final token');
      registrationId = payload.sub;
    } catch {
      return reply.status(401).send({ code: 'invalid_token', message: 'the token is not a valid final token' });
    }
    // The signature proves Verifik issued the token; the registration's status is the truth.
    const registration = await verifik(
      'GET',
      `/v2/app-registrations/${registrationId}?populates[]=documentValidation&populates[]=biometricValidation`,
    );
    if (registration.status !== 200) return reply.status(registration.status).send(registration.body);
    const { status, email, phone, countryCode, fullName, reference } = registration.body['data'];
    // COMPLETED_WITHOUT_KYC: finished a flow whose identity checks were optional and skipped.
    if (status !== 'COMPLETED' && status !== 'COMPLETED_WITHOUT_KYC') {
      return reply.status(409).send({ code: 'not_completed', message: `the registration is ${status}` });
    }
    // Identity checked only if a document or a selfie actually passed (optional steps may be skipped).
    const { documentValidation, biometricValidation } = registration.body['data'];
    const kyc = documentValidation?.status === 'VALIDATED' || biometricValidation?.status === 'VALIDATED';
    return {
      // reference: your own user id, as the widget's `reference` attribute sent it with the sign-up.
      data: {
        verified: true,
        kyc,
        appRegistrationId: registrationId,
        status,
        email,
        phone,
        countryCode,
        fullName,
        reference,
      },
    };
  });
}
