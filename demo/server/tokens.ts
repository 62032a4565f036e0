import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { Keys } from './keys.js';
import { ApiError } from './errors.js';

/**
 * What a token lets its bearer do: `registrant` and `final` belong to a registration; `login` is
 * a finished login (its `sub` is the AppLogin), `loginSession` lets the person a code identified
 * open a face session, `livenessSession` lets them send selfies to one.
 */
export type TokenScope = 'registrant' | 'final' | 'login' | 'loginSession' | 'livenessSession';

export interface TokenClaims extends JWTPayload {
  /** The app registration the token belongs to; for login scopes, the AppLogin or session. */
  sub: string;
  scope: TokenScope;
  project: string;
  projectFlow: string;
  /** The registration's status when the token was issued (final tokens). */
  status?: string;
  /** The integrator's own id for the person, when the sign-up carried one (final tokens). */
  reference?: string;
  /** `login` on a login token, as Verifik's sign-in redirect reads it. */
  type?: 'login';
  /** How the login identified the person (login tokens). */
  loginType?: string;
  /** The registration a login identified (login and loginSession tokens). */
  appRegistration?: string;
  /** The code validation that identified the person (loginSession tokens). */
  codeValidation?: { type: 'email' | 'phone'; id: string };
  /** The handoff a phone's registrant token was exchanged for (see services/handoff.ts). */
  handoff?: string;
}

const ISSUER = 'verifik-sandbox';
const ALGORITHM = 'ES256';

/**
 * Signs and checks the sandbox's JWTs with one ES256 key kept in the database. The public key is
 * published at `/.well-known/jwks.json`, so an integrator's backend can check a final token's
 * signature without sharing a secret.
 */
export class TokenService {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
    private readonly publicJwk: JWK,
  ) {}

  static async load(keys: Keys): Promise<TokenService> {
    const privateJwk = await keys.signingKey(async () => {
      const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      return exportJWK(privateKey);
    });
    const { d: _secret, ...publicJwk } = privateJwk;
    const kid = await calculateJwkThumbprint(publicJwk);
    const privateKey = (await importJWK(privateJwk, ALGORITHM)) as CryptoKey;
    const publicKey = (await importJWK(publicJwk, ALGORITHM)) as CryptoKey;
    return new TokenService(privateKey, publicKey, { ...publicJwk, kid, alg: ALGORITHM, use: 'sig' });
  }

  /** The JSON Web Key Set to publish. */
  get jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  /** A signed token for `claims`, valid `minutes` from `now`. */
  async sign(
    claims: TokenClaims,
    now: Date,
    minutes: number,
  ): Promise<{ token: string; issuedAt: Date; expiresAt: Date }> {
    const issuedAtSeconds = Math.floor(now.getTime() / 1000);
    const issuedAt = new Date(issuedAtSeconds * 1000);
    const expiresAt = new Date((issuedAtSeconds + minutes * 60) * 1000);
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid! })
      .setIssuer(ISSUER)
      .setIssuedAt(issuedAtSeconds)
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.privateKey);
    return { token, issuedAt, expiresAt };
  }

  /** The claims of a valid, unexpired token of `scope`; a 401 otherwise. */
  async verify(token: string, scope: TokenScope, now: Date): Promise<TokenClaims> {
    try {
      // Only this sandbox's key: a token naming another key is refused, not tried.
      if (decodeProtectedHeader(token).kid !== this.publicJwk.kid) throw new Error('unknown key');
      const { payload } = await jwtVerify<TokenClaims>(token, this.publicKey, {
        issuer: ISSUER,
        algorithms: [ALGORITHM],
        currentDate: now,
      });
      if (payload.scope !== scope || typeof payload.sub !== 'string') throw new Error('wrong scope');
      return payload;
    } catch (error) {
      const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw new ApiError(401, 'Unauthorized', expired ? 'token_expired' : 'invalid_token');
    }
  }
}
