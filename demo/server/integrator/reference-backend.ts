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
 *   POST /api/verifik/verify        checks a final or login token before your app trusts it:
 *                                   its signature, then the registration's (or the AppLogin's)
 *                                   project, flow and status at Verifik, and says which kind it
 *                                   is. Never trust the browser's event alone.
 *
 * The project and the flows come from YOUR configuration, never from the browser: anyone can edit
 * the page's `flow` attribute, and a flow whose identity checks are optional ends
 * COMPLETED_WITHOUT_KYC. Without these checks, a person switches to such a flow, skips the
 * document and the selfie, and comes back "verified".
 */

/** A flow your page may run: its project, and whether it must end with identity checked (KYC). */
export interface AllowedFlow {
  project: string;
  /** True: only `COMPLETED` with a validated document or selfie counts, never `COMPLETED_WITHOUT_KYC`. */
  kyc: boolean;
  /** A login flow (its tokens are login tokens; nobody registers through it). Default `onboarding`. */
  kind?: 'onboarding' | 'login';
}
export interface ReferenceBackendOptions {
  /** Verifik's API (here: the sandbox itself). */
  apiUrl: () => string;
  /** Your Verifik client token. */
  clientToken: () => string;
  /** Secret that signs the cookie tying a browser to the registration it started. */
  cookieSecret: Buffer;
  /**
   * Your configuration: the flow with this id if your page may run it, else `undefined`
   * (typically a fixed map, `{[FULL_FLOW_ID]: {project: PROJECT_ID, kyc: true}}`).
   */
  flows: (projectFlow: string) => AllowedFlow | undefined | Promise<AllowedFlow | undefined>;
}

/** Deeper bodies are refused: no sign-up field nests, and deep JSON costs the API dearly. */
const MAX_BODY_DEPTH = 8;

/** True when `value` nests objects or arrays deeper than `limit` levels. */
function nestsDeeper(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  return Object.values(value).some((inner) => nestsDeeper(inner, limit - 1));
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
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body) || nestsDeeper(body, MAX_BODY_DEPTH)) {
      return reply.status(400).send({ code: 'INVALID_BODY', message: 'the body must be a flat JSON object' });
    }
    const fields = body as Record<string, unknown>;

    if (fields['refresh'] === true) {
      // A fresh registrant token, only for the browser that started this registration.
      const id = fields['appRegistrationId'];
      if (typeof id !== 'string' || !id) {
        return reply.status(400).send({ code: 'INVALID_TYPE', message: 'appRegistrationId must be a string' });
      }
      if (startedRegistration(request) !== id) {
        return reply.status(403).send({ code: 'Forbidden', message: 'this browser did not start that registration' });
      }
      const link = await verifik('POST', `/v2/app-registrations/${encodeURIComponent(id)}/resend-link`, {
        sendEmail: false,
      });
      if (link.status !== 200) return reply.status(link.status).send(link.body);
      const { token, status } = link.body['data'];
      return { data: { appRegistration: { _id: id, status }, token } };
    }

    // The browser chooses only among the flows you allow; the project is yours, whatever it sent.
    const projectFlow = fields['projectFlow'];
    const allowed = typeof projectFlow === 'string' ? await options.flows(projectFlow) : undefined;
    if (!allowed || allowed.kind === 'login') {
      return reply.status(403).send({ code: 'flow_not_allowed', message: 'projectFlow is not a flow of this site' });
    }
    // Your own checks go here: the signed-in user, rate limits, fields you add.
    const { refresh: _refresh, appRegistrationId: _id, ...signUp } = fields;
    const created = await verifik('POST', '/v2/app-registrations', {
      ...signUp,
      project: allowed.project,
      projectFlow,
    });
    if (created.status === 200) {
      const id = String(created.body['data']?.appRegistration?._id);
      // Secure on https (behind a proxy, Fastify's trustProxy makes `protocol` read X-Forwarded-Proto).
      const secure = request.protocol === 'https' ? '; Secure' : '';
      reply.header(
        'set-cookie',
        `${COOKIE}=${encodeURIComponent(sign(id))}; HttpOnly; SameSite=Strict; Path=/api/verifik; Max-Age=7200${secure}`,
      );
    }
    return reply.status(created.status).send(created.body);
  });

  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  const verifikKeys = () => (keys ??= createRemoteJWKSet(new URL('/.well-known/jwks.json', options.apiUrl())));

  /** The flow a token names, if your site runs it with this project and of this kind. */
  async function allowedFlow(projectFlow: unknown, project: unknown, kind: 'onboarding' | 'login') {
    const allowed = typeof projectFlow === 'string' ? await options.flows(projectFlow) : undefined;
    return allowed && allowed.project === project && (allowed.kind ?? 'onboarding') === kind ? allowed : undefined;
  }

  const notOfThisSite = (reply: FastifyReply, what: string) =>
    reply.status(403).send({ code: 'flow_not_allowed', message: `the ${what} is not of a flow of this site` });

  /** A login token: the AppLogin it names, then the registration that logged in, both at Verifik. */
  async function verifyLogin(reply: FastifyReply, appLoginId: string) {
    const login = await verifik('GET', `/v2/app-logins/${encodeURIComponent(appLoginId)}`);
    if (login.status !== 200) return reply.status(login.status).send(login.body);
    const { project, projectFlow, type, status, appRegistration } = login.body['data'];
    if (!(await allowedFlow(projectFlow, project, 'login'))) return notOfThisSite(reply, 'login');
    if (status !== 'completed')
      return reply.status(409).send({ code: 'not_completed', message: `the login is ${status}` });
    const person = await verifik('GET', `/v2/app-registrations/${encodeURIComponent(appRegistration)}`);
    if (person.status !== 200) return reply.status(person.status).send(person.body);
    const { email, phone, countryCode, fullName, reference } = person.body['data'];
    return {
      data: {
        verified: true,
        kind: 'login',
        loginType: type,
        appLoginId,
        appRegistrationId: appRegistration,
        projectFlow,
        email,
        phone,
        countryCode,
        fullName,
        reference,
      },
    };
  }

  app.post('/api/verifik/verify', async (request: FastifyRequest, reply: FastifyReply) => {
    const token = (request.body as Record<string, unknown> | undefined)?.['token'];
    if (typeof token !== 'string')
      return reply.status(400).send({ code: 'MISSING_FIELD', message: 'token is required' });
    let subject: { scope: 'final' | 'login'; id: string };
    try {
      const { payload } = await jwtVerify(token, verifikKeys(), { issuer: 'verifik-sandbox' });
      const scope = payload['scope'];
      if ((scope !== 'final' && scope !== 'login') || typeof payload.sub !== 'string') throw new Error('wrong token');
      subject = { scope, id: payload.sub };
    } catch {
      return reply
        .status(401)
        .send({ code: 'invalid_token', message: 'the token is not a valid final or login token' });
    }
    if (subject.scope === 'login') return verifyLogin(reply, subject.id);
    const registrationId = subject.id;
    // The signature proves Verifik issued the token; the registration's status is the truth.
    const registration = await verifik(
      'GET',
      `/v2/app-registrations/${registrationId}?populates[]=documentValidation&populates[]=biometricValidation`,
    );
    if (registration.status !== 200) return reply.status(registration.status).send(registration.body);
    const { status, email, phone, countryCode, fullName, project, projectFlow, reference } = registration.body['data'];
    // A registration of another project or of a flow your page does not run proves nothing here.
    const allowed = await allowedFlow(projectFlow, project, 'onboarding');
    if (!allowed) return notOfThisSite(reply, 'registration');
    // Identity checked only if a document or a selfie actually passed (optional steps may be skipped).
    const { documentValidation, biometricValidation } = registration.body['data'];
    const kyc = documentValidation?.status === 'VALIDATED' || biometricValidation?.status === 'VALIDATED';
    // COMPLETED_WITHOUT_KYC (a flow whose identity checks were optional, skipped) counts only for
    // flows you configured without KYC.
    const accepted = allowed.kyc
      ? status === 'COMPLETED' && kyc
      : status === 'COMPLETED' || status === 'COMPLETED_WITHOUT_KYC';
    if (!accepted) {
      return reply.status(409).send({ code: 'not_completed', message: `the registration is ${status}` });
    }
    return {
      data: {
        verified: true,
        kind: 'onboarding',
        kyc,
        appRegistrationId: registrationId,
        projectFlow,
        status,
        email,
        phone,
        countryCode,
        fullName,
        // Your own user id, as the widget's `reference` attribute sent it with the sign-up.
        reference,
      },
    };
  });
}
