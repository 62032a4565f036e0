import type { SandboxContext } from '../context.js';
import { verifikError } from '../errors.js';
import type { RegistrationRecord } from '../records.js';
import { deliver } from './outbox.js';
import { isFinished, REGISTRANT_TOKEN_MINUTES } from './registration.js';

/** How long a resend-link token lives (Verifik: 30 minutes). */
export const LINK_TOKEN_MINUTES = 30;

/** A registrant token for `registration`, valid `minutes`. */
export function registrantToken(
  context: SandboxContext,
  registration: RegistrationRecord,
  minutes = REGISTRANT_TOKEN_MINUTES,
) {
  return context.tokens.sign(
    {
      sub: registration._id,
      scope: 'registrant',
      project: registration.project,
      projectFlow: registration.projectFlow,
    },
    context.now(),
    minutes,
  );
}

/**
 * A link that resumes an unfinished registration: a 30-minute registrant token on the configured
 * public URL (never the request's `Host`, which anyone can set), emailed through the outbox when
 * asked.
 */
export async function resendLink(
  context: SandboxContext,
  registration: RegistrationRecord,
  options: { sendEmail?: boolean | undefined; recipientEmail?: string | undefined },
) {
  if (isFinished(registration)) throw verifikError(409, 'cannot_resend_link_for_this_status', registration.status);
  const { token, issuedAt, expiresAt } = await registrantToken(context, registration, LINK_TOKEN_MINUTES);
  const link = new URL(context.settings.publicUrl());
  link.searchParams.set('project', registration.project);
  link.searchParams.set('token', token);
  const recipient = options.recipientEmail ?? registration.email;
  const emailSent = Boolean(options.sendEmail && recipient);
  if (emailSent) {
    deliver(
      context,
      { channel: 'email', to: recipient! },
      { subject: 'Continue your verification', text: `Continue your verification: ${link.href}` },
      { client: registration.client, appRegistration: registration._id, expiresAt },
    );
  }
  return { token, link: link.href, issuedAt, expiresAt, emailSent };
}
