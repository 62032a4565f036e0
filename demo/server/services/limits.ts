import { createHmac } from 'node:crypto';
import type { SandboxContext } from '../context.js';
import { verifikError } from '../errors.js';

/**
 * Time-window limits on sending one-time codes, per contact (across every registration, so
 * signing up again brings no new guesses) and per client address. Contacts are kept only as an
 * HMAC. A refusal is a 429 with `Retry-After`: when the oldest counted code leaves the window.
 */
export function takeCodeAllowance(context: SandboxContext, contact: string, address: string): void {
  const { settings } = context;
  const windowMs = settings.limits.windowMinutes * 60_000;
  const key = (value: string) => createHmac('sha256', context.secret('limits')).update(value).digest('hex');
  const checks: AllowanceCheck[] = [
    {
      kind: 'code:contact',
      key: key(contact),
      max: settings.limits.codesPerContact,
      code: 'otp_contact_limit_reached',
    },
    {
      kind: 'code:address',
      key: key(address),
      max: settings.limits.codesPerAddress,
      code: 'otp_address_limit_reached',
    },
  ];
  takeAllowances(context, checks, windowMs);
}

/** One counted limit: at most `max` events of `kind` for `key` in the window, else a 429 `code`. */
export interface AllowanceCheck {
  kind: string;
  key: string;
  max: number;
  code: string;
}

/**
 * Counts one event for every check, or refuses (429 with `Retry-After`: when the oldest counted
 * event leaves the window) if any check has reached its maximum.
 */
export function takeAllowances(context: SandboxContext, checks: AllowanceCheck[], windowMs: number): void {
  const { store } = context;
  const now = context.now().getTime();
  store.pruneEvents(now - windowMs);
  for (const check of checks) {
    const times = store.eventsSince(check.kind, check.key, now - windowMs);
    if (times.length >= check.max) {
      const retryAfter = Math.max(1, Math.ceil((times[0]! + windowMs - now) / 1000));
      const error = verifikError(429, check.code, retryAfter);
      error.headers['retry-after'] = String(retryAfter);
      throw error;
    }
  }
  for (const check of checks) store.addEvent(check.kind, check.key, now);
}
