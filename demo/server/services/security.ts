import type { FlowRecord } from '../records.js';
import { verifikError } from '../errors.js';

interface ListEntry {
  email?: unknown;
  phone?: unknown;
  countryCode?: unknown;
}

/** A person as the security lists name them. */
export interface ListedPerson {
  email?: string | undefined;
  phone?: string | undefined;
  countryCode?: string | undefined;
}

/** A flow's `security` (v3 flows keep strategy, source and API in `integrations`). */
export interface FlowSecurity {
  strategy: unknown;
  source: unknown;
  apiUrl: unknown;
  list: ListEntry[];
}

const digits = (value: unknown) => String(value ?? '').replace(/\D/g, '');

/** The flow's security settings, wherever its shape keeps them. */
export function securityOf(flow: FlowRecord): FlowSecurity {
  const security = (flow['security'] ?? {}) as Record<string, unknown>;
  const integrations = (flow['integrations'] ?? {}) as Record<string, unknown>;
  return {
    strategy: security['strategy'] ?? integrations['strategy'],
    source: security['source'] ?? integrations['source'],
    apiUrl: security['apiUrl'] ?? integrations['apiUrl'],
    list: Array.isArray(security['whiteList']) ? (security['whiteList'] as ListEntry[]) : [],
  };
}

/** Whether the CSV list names the person (by email, or by country code and phone). */
export function onList(list: ListEntry[], person: ListedPerson): boolean {
  return list.some((entry) => {
    const sameEmail = Boolean(person.email) && String(entry.email ?? '').toLowerCase() === person.email;
    const samePhone =
      Boolean(person.phone) &&
      digits(entry.phone) === person.phone &&
      digits(entry.countryCode) === digits(person.countryCode);
    return sameEmail || samePhone;
  });
}

/** Whether a strategy applies a list at all. */
export const usesList = (strategy: unknown): strategy is 'blacklist' | 'whitelist' =>
  strategy === 'blacklist' || strategy === 'whitelist';

/**
 * The flow's `security` at registration: with source `CSV`, a `blacklist` refuses the people on
 * its list and a `whitelist` admits only them. Source `NONE`, strategy `none`, or no security:
 * everyone passes. Source `API` asks the integrator's own service, which registration does not
 * call: it passes too (documented; login flows call it, see login-security.ts).
 */
export function checkSecurity(flow: FlowRecord, person: ListedPerson): void {
  const { strategy, source, list } = securityOf(flow);
  if (source !== 'CSV' || !usesList(strategy)) return;
  const listed = onList(list, person);
  if (strategy === 'blacklist' ? listed : !listed) throw verifikError(403, 'user_not_allowed');
}
