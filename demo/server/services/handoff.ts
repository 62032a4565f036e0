import { createHmac, randomBytes } from 'node:crypto';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { verifikError } from '../errors.js';
import { newObjectId } from '../ids.js';
import type { AttemptRecord, HandoffRecord, RegistrationRecord } from '../records.js';
import { takeAllowances } from './limits.js';
import { currentRegistration, requireOpen } from './registration.js';

/**
 * Cross-device handoff: a person on a computer continues the camera steps on their phone. The
 * registration's owner issues a single-use token (10 minutes, bound to the registration, no
 * personal data); the phone exchanges it once for a registrant token of its own (the computer
 * keeps its token); the computer follows the phone's progress; either side can cancel.
 */

/** How long a handoff token can be exchanged. */
export const HANDOFF_MINUTES = 10;
/** How long the phone's registrant token lives: enough for the document and the selfie. */
export const PHONE_TOKEN_MINUTES = 30;
/** Handoff tokens one registration may issue in the limits window (a QR refreshed every 9 minutes needs 7 an hour). */
export const HANDOFFS_PER_REGISTRATION = 20;
/** Exchanges tried from one client address in the limits window (right or wrong). */
export const EXCHANGES_PER_ADDRESS = 60;

/** What the waiting side reads: the handoff's state and the camera steps' progress. */
export type HandoffState = HandoffRecord['status'] | 'expired';
export type StepProgress = 'pending' | 'passed' | 'failed';

export interface HandoffStatus {
  handoff: { _id: string; status: HandoffState; expiresAt: string; cancelledBy?: 'computer' | 'phone' } | null;
  steps: { document: StepProgress; liveness: StepProgress };
}

const hashOf = (context: SandboxContext, secret: string) =>
  createHmac('sha256', context.secret('handoff')).update(secret).digest('hex');

/** `<registration id>.<secret>`: the id binds the token to its registration. */
function splitToken(token: string): { appRegistration: string; secret: string } | undefined {
  const match = /^([0-9a-f]{24})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { appRegistration: match[1]!, secret: match[2]! } : undefined;
}

/** The registration's newest handoff, if it has one. */
function latestHandoff(context: SandboxContext, appRegistration: string): HandoffRecord | undefined {
  return context.store.list(COLLECTIONS.handoffs, undefined, { appRegistration }, { offset: 0, limit: 1 }).items[0];
}

const stateOf = (context: SandboxContext, handoff: HandoffRecord): HandoffState =>
  handoff.status === 'waiting' && handoff.expiresAt <= context.now().toISOString() ? 'expired' : handoff.status;

/** Issues a handoff token for `registration`; earlier unexchanged ones of it stop working. */
export function issueHandoff(
  context: SandboxContext,
  registration: RegistrationRecord,
): { token: string; handoff: HandoffStatus['handoff'] } {
  requireOpen(registration);
  const windowMs = context.settings.limits.windowMinutes * 60_000;
  takeAllowances(
    context,
    [{ kind: 'handoff:issue', key: registration._id, max: HANDOFFS_PER_REGISTRATION, code: 'handoff_limit_reached' }],
    windowMs,
  );
  const now = context.now();
  const secret = randomBytes(32).toString('base64url');
  const record: HandoffRecord = {
    _id: newObjectId(now),
    client: registration.client,
    appRegistration: registration._id,
    status: 'waiting',
    expiresAt: new Date(now.getTime() + HANDOFF_MINUTES * 60_000).toISOString(),
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    _tokenHash: hashOf(context, secret),
  };
  context.store.transaction(() => {
    const { items } = context.store.list(
      COLLECTIONS.handoffs,
      undefined,
      { appRegistration: registration._id, status: 'waiting' },
      { offset: 0, limit: 100 },
    );
    for (const earlier of items) context.store.replace(COLLECTIONS.handoffs, { ...earlier, status: 'revoked' });
    context.store.insert(COLLECTIONS.handoffs, record);
  });
  return { token: `${registration._id}.${secret}`, handoff: publicHandoff(context, record) };
}

/**
 * Exchanges a handoff token, once, for a registrant token of the phone's own. Refused: a token of
 * another shape or registration (404 `handoff_not_found`), used (409 `handoff_already_used`),
 * expired (410 `handoff_expired`) or replaced or cancelled (410 `handoff_revoked`).
 */
export async function exchangeHandoff(context: SandboxContext, token: string, address: string) {
  const windowMs = context.settings.limits.windowMinutes * 60_000;
  const addressKey = createHmac('sha256', context.secret('limits')).update(address).digest('hex');
  takeAllowances(
    context,
    [{ kind: 'handoff:exchange', key: addressKey, max: EXCHANGES_PER_ADDRESS, code: 'handoff_exchange_limit_reached' }],
    windowMs,
  );
  const parts = splitToken(token);
  const opened = context.store.transaction(() => {
    const found = parts
      ? context.store.list(
          COLLECTIONS.handoffs,
          undefined,
          { appRegistration: parts.appRegistration, _tokenHash: hashOf(context, parts.secret) },
          { offset: 0, limit: 1 },
        ).items[0]
      : undefined;
    if (!found) throw verifikError(404, 'handoff_not_found');
    const state = stateOf(context, found);
    if (state === 'expired') throw verifikError(410, 'handoff_expired');
    if (state === 'revoked' || state === 'cancelled') throw verifikError(410, 'handoff_revoked');
    if (state !== 'waiting') throw verifikError(409, 'handoff_already_used');
    const registration = currentRegistration(context, found.appRegistration);
    requireOpen(registration);
    const now = context.now().toISOString();
    context.store.replace(COLLECTIONS.handoffs, { ...found, status: 'opened', exchangedAt: now, updatedAt: now });
    return { handoff: found, registration };
  });
  const { registration, handoff } = opened;
  const signed = await context.tokens.sign(
    {
      sub: registration._id,
      scope: 'registrant',
      project: registration.project,
      projectFlow: registration.projectFlow,
      handoff: handoff._id,
    },
    context.now(),
    PHONE_TOKEN_MINUTES,
  );
  return {
    token: signed.token,
    expiresAt: signed.expiresAt,
    appRegistration: { _id: registration._id, project: registration.project, projectFlow: registration.projectFlow },
    ...handoffStatus(context, registration, handoff._id),
  };
}

/** The handoff as either side may see it (never its token). */
function publicHandoff(context: SandboxContext, handoff: HandoffRecord): HandoffStatus['handoff'] {
  return {
    _id: handoff._id,
    status: stateOf(context, handoff),
    expiresAt: handoff.expiresAt,
    ...(handoff.cancelledBy ? { cancelledBy: handoff.cancelledBy } : {}),
  };
}

/** A camera step's progress, read from its newest attempt. */
function progressOf(attempt: AttemptRecord | undefined): StepProgress {
  if (attempt?.status === 'VALIDATED') return 'passed';
  return attempt?.status === 'FAILED' && attempt.attemptsLeft <= 0 ? 'failed' : 'pending';
}

/**
 * The camera steps' progress and a handoff: the phone's own (`handoffId`), else the
 * registration's newest, for the side that waits.
 */
export function handoffStatus(
  context: SandboxContext,
  registration: RegistrationRecord,
  handoffId?: string,
): HandoffStatus {
  const current = currentRegistration(context, registration._id);
  const handoff = handoffId ? context.store.get(COLLECTIONS.handoffs, handoffId) : latestHandoff(context, current._id);
  const attempt = (collection: 'documentValidations' | 'biometricValidations', id: string | null) =>
    id === null ? undefined : context.store.get(collection, id);
  return {
    handoff: handoff ? publicHandoff(context, handoff) : null,
    steps: {
      document: progressOf(attempt(COLLECTIONS.documentValidations, current.documentValidation)),
      liveness: progressOf(attempt(COLLECTIONS.biometricValidations, current.biometricValidation)),
    },
  };
}

/** Whether a phone's registrant token, exchanged for `handoffId`, may still act. */
export function handoffOpen(context: SandboxContext, handoffId: string): boolean {
  return context.store.get(COLLECTIONS.handoffs, handoffId)?.status === 'opened';
}

/**
 * Ends a handoff: the phone's own (`handoffId`), else the registration's newest; `cancelled` by
 * either side, or `finished` by the phone once it ran its steps. One that already ended is
 * answered as it is.
 */
export function endHandoff(
  context: SandboxContext,
  registration: RegistrationRecord,
  ending: { status: 'cancelled'; by: 'computer' | 'phone' } | { status: 'finished' },
  handoffId?: string,
): HandoffStatus {
  context.store.transaction(() => {
    const handoff = handoffId
      ? context.store.get(COLLECTIONS.handoffs, handoffId)
      : latestHandoff(context, registration._id);
    if (!handoff) throw verifikError(404, 'handoff_not_found');
    if (!['waiting', 'opened'].includes(handoff.status)) return;
    const cancelledBy = ending.status === 'cancelled' ? { cancelledBy: ending.by } : {};
    const updatedAt = context.now().toISOString();
    context.store.replace(COLLECTIONS.handoffs, { ...handoff, status: ending.status, ...cancelledBy, updatedAt });
  });
  return handoffStatus(context, registration, handoffId);
}
