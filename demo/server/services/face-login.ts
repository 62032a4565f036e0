import { checkImage } from '../biometrics/images.js';
import { livenessStandIn } from '../biometrics/scores.js';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { ApiError, verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';
import type { AttemptRecord, FlowRecord, LivenessSessionRecord } from '../records.js';
import type { TokenClaims } from '../tokens.js';
import { appLoginSummary, completeLogin, type LoginSettings, loginFlow, stillRegistered } from './login.js';
import { loginFaces } from './login-faces.js';
import { checkLoginSecurity } from './login-security.js';

/**
 * Face login (docs/login.md): a liveness session, then selfies: one face, a liveness score above
 * the flow's `livenessMinScore`, then a 1:N search over the project's enrolled faces
 * (`searchMode`, `searchMinScore`). After a code, the face must be the person the code identified.
 */

/** Analysed selfies per session. */
export const FACE_LOGIN_ATTEMPTS = 3;
/** How long a liveness session (and its token) lives. */
export const LIVENESS_SESSION_MINUTES = 10;
/** ACCURATE: how far the best match must lead any other person's face. */
export const ACCURATE_MARGIN = 0.05;

const round = (value: number) => Math.round(value * 1000) / 1000;

/** A session as answered: without which registration a code tied it to. */
export const presentSession = ({
  appRegistration: _who,
  codeValidation: _code,
  ...session
}: LivenessSessionRecord) => ({
  ...session,
  attemptsLeft: FACE_LOGIN_ATTEMPTS - session.attempts,
});

/**
 * Opens a session for the flow. Without `identified` (a loginSession token's claims) only a flow
 * that asks for the face alone may: one with codes needs the code first (403 `login_code_required`).
 */
export async function openFaceSession(
  context: SandboxContext,
  scope: { project: string; projectFlow: string },
  identified: TokenClaims | undefined,
  identifier: string | null,
): Promise<{ session: LivenessSessionRecord; token: string; settings: LoginSettings }> {
  const { flow, settings } = loginFlow(context, scope.project, scope.projectFlow);
  if (!settings.faceLiveness) throw verifikError(409, 'faceLiveness_login_not_enabled');
  if (!identified && (settings.email || settings.phone)) throw verifikError(403, 'login_code_required');
  const now = context.now();
  const session = context.store.insert(COLLECTIONS.livenessSessions, {
    _id: newObjectId(now),
    client: flow.client,
    project: flow.project,
    projectFlow: flow._id,
    appRegistration: identified?.appRegistration ?? '',
    codeValidation: identified?.codeValidation ?? null,
    identifier,
    status: 'active',
    attempts: 0,
    expiresAt: new Date(now.getTime() + LIVENESS_SESSION_MINUTES * 60_000).toISOString(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  });
  const { token } = await context.tokens.sign(
    { sub: session._id, scope: 'livenessSession', project: flow.project, projectFlow: flow._id },
    now,
    LIVENESS_SESSION_MINUTES,
  );
  return { session, token, settings };
}

/** Takes one attempt of an active session, or refuses (409 closed / attempts used). */
function takeAttempt(context: SandboxContext, sessionId: string, change: 1 | -1): LivenessSessionRecord {
  return context.store.transaction(() => {
    const session = context.store.get(COLLECTIONS.livenessSessions, sessionId);
    if (!session) throw new ApiError(401, 'Unauthorized', 'invalid_token');
    if (change === 1) {
      if (session.status !== 'active') throw verifikError(409, 'liveness_session_closed');
      if (session.attempts >= FACE_LOGIN_ATTEMPTS) throw verifikError(409, 'max_attempts_reached', FACE_LOGIN_ATTEMPTS);
    }
    return context.store.replace(COLLECTIONS.livenessSessions, {
      ...session,
      attempts: session.attempts + change,
      updatedAt: context.now().toISOString(),
    });
  });
}

/** Stores one analysed selfie of a session (no image, no descriptor: only the outcome). */
function recordAttempt(
  context: SandboxContext,
  session: LivenessSessionRecord,
  flow: FlowRecord,
  outcome: { status: 'VALIDATED' | 'FAILED'; appRegistration?: string; details: Record<string, unknown> },
): AttemptRecord {
  const now = context.now().toISOString();
  return context.store.insert(COLLECTIONS.biometricValidations, {
    _id: newObjectId(context.now()),
    client: flow.client,
    appRegistration: outcome.appRegistration ?? '',
    project: flow.project,
    projectFlow: flow._id,
    type: 'login',
    livenessSession: session._id,
    status: outcome.status,
    attempt: session.attempts,
    attemptsLeft: FACE_LOGIN_ATTEMPTS - session.attempts,
    createdAt: now,
    updatedAt: now,
    ...outcome.details,
  });
}

/** Checks a selfie against a session; the AppLogin and login token when it is the person. */
export async function validateFace(context: SandboxContext, sessionId: string, image: Buffer, os: string) {
  await checkImage(image, 'image');
  const reserved = takeAttempt(context, sessionId, 1);
  let flow: FlowRecord;
  let settings: LoginSettings;
  let analysis;
  try {
    ({ flow, settings } = loginFlow(context, reserved.project, reserved.projectFlow));
    analysis = await (await context.faces()).analyze(image, settings.searchMode);
  } catch (error) {
    takeAttempt(context, sessionId, -1); // not analysed: not counted
    throw error;
  }
  const fail = (code: string, detail: string | number | undefined, details: Record<string, unknown> = {}) => {
    recordAttempt(context, reserved, flow, { status: 'FAILED', details: { os, failReason: code, ...details } });
    return verifikError(400, code, detail);
  };
  if (analysis.faces.length !== 1) {
    throw fail('INVALID_BIOMETRIC_DATA', analysis.faces.length ? 'multiple_faces' : 'no_face_detected');
  }
  const face = analysis.faces[0]!;
  const livenessScore = livenessStandIn({
    confidence: face.score,
    faceWidthRatio: face.box.width / analysis.width,
    sharpness: face.sharpness,
  });
  if (livenessScore <= settings.livenessMinScore) {
    throw fail('LIVENESS_DETECTION_FAILED', livenessScore, { livenessScore });
  }
  const { best, runnerUpScore } = loginFaces(context, flow.project).search(face.descriptor);
  const ambiguous =
    settings.searchMode === 'ACCURATE' &&
    best !== undefined &&
    runnerUpScore !== undefined &&
    best.score - runnerUpScore < ACCURATE_MARGIN;
  const expected = reserved.appRegistration || undefined;
  const matched =
    best && best.score >= settings.searchMinScore && !ambiguous && (!expected || best.key === expected)
      ? stillRegistered(context, best.key)
      : undefined;
  const scores = { livenessScore, searchScore: best ? round(best.score) : null };
  if (!matched) throw fail('IDENTITY_VERIFICATION_FAILED', undefined, scores);
  await checkLoginSecurity(flow, matched);

  // The session logs in once: a concurrent selfie that also matched finds it closed.
  context.store.transaction(() => {
    const current = context.store.get(COLLECTIONS.livenessSessions, sessionId)!;
    if (current.status !== 'active') throw verifikError(409, 'liveness_session_closed');
    context.store.replace(COLLECTIONS.livenessSessions, {
      ...current,
      status: 'closed',
      appRegistration: matched._id,
      updatedAt: context.now().toISOString(),
    });
  });
  const record = recordAttempt(context, reserved, flow, {
    status: 'VALIDATED',
    appRegistration: matched._id,
    details: { os, searchMode: settings.searchMode, ...scores },
  });
  const code = reserved.codeValidation;
  const { appLogin, token } = await completeLogin(context, flow, matched, {
    type: code?.type ?? 'faceLiveness',
    biometricValidation: record._id,
    ...(code ? { [`${code.type}Validation`]: code.id } : {}),
  });
  return {
    _id: record._id,
    status: 'completed',
    verificationResults: { livenessDetection: 'passed', identityMatch: 'passed' },
    biometricData: { livenessScore },
    searchScore: scores.searchScore,
    appLogin: appLoginSummary(appLogin),
    token,
  };
}
