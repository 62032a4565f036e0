import type { FlowRecord } from '../records.js';
import { verifikError } from '../errors.js';

interface ListEntry {
  email?: unknown;
  phone?: unknown;
  countryCode?: unknown;
}

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/**
 * The flow's `security` at registration: with source `CSV`, a `blacklist` refuses the people on
 * its list and a `whitelist` admits only them (matched by email, or by country code and phone).
 * Source `NONE`, strategy `none`, or no security: everyone passes. Source `API` asks the
 * integrator's own service, which the sandbox cannot reach offline: it passes too (documented).
 * v3 flows keep strategy and source in `integrations`.
 */
export function checkSecurity(
  flow: FlowRecord,
  person: { email?: string; phone?: string; countryCode?: string },
): void {
  const security = (flow['security'] ?? {}) as Record<string, unknown>;
  const integrations = (flow['integrations'] ?? {}) as Record<string, unknown>;
  const strategy = security['strategy'] ?? integrations['strategy'];
  const source = security['source'] ?? integrations['source'];
  if (source !== 'CSV' || (strategy !== 'blacklist' && strategy !== 'whitelist')) return;

  const list = Array.isArray(security['whiteList']) ? (security['whiteList'] as ListEntry[]) : [];
  const listed = list.some((entry) => {
    const sameEmail = Boolean(person.email) && String(entry.email ?? '').toLowerCase() === person.email;
    const samePhone =
      Boolean(person.phone) &&
      digits(entry.phone) === person.phone &&
      digits(entry.countryCode) === digits(person.countryCode);
    return sameEmail || samePhone;
  });
  if (strategy === 'blacklist' ? listed : !listed) throw verifikError(403, 'user_not_allowed');
}
