import { verifikError } from '../errors.js';
import type { FlowRecord } from '../records.js';
import { type ListedPerson, onList, securityOf, usesList } from './security.js';

/**
 * A login flow's `security` (verifik-api.md §8): `blacklist` refuses the people listed,
 * `whitelist` admits only them. The list is the flow's CSV `whiteList`, or, with source `API`,
 * the integrator's own service: `GET {apiUrl}?email=…` (or `?phone=…&countryCode=…`) answering
 * 200 for a person it lists and 404 for one it does not. The sandbox calls only a service on this
 * machine (loopback): anything else is refused with a clear code, never called.
 */

const API_TIMEOUT_MS = 5000;

/** Whether `url` points at this machine: 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(url: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return false;
  }
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Asks the integrator's service whether it lists the person. */
async function listedByApi(apiUrl: unknown, person: ListedPerson): Promise<boolean> {
  if (typeof apiUrl !== 'string' || !isLoopbackUrl(apiUrl)) {
    throw verifikError(409, 'security_api_not_loopback');
  }
  const url = new URL(apiUrl);
  if (person.email) url.searchParams.set('email', person.email);
  else {
    url.searchParams.set('phone', person.phone ?? '');
    url.searchParams.set('countryCode', person.countryCode ?? '');
  }
  let status: number;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(API_TIMEOUT_MS), redirect: 'error' });
    status = response.status;
    await response.body?.cancel();
  } catch {
    status = 0;
  }
  if (status === 200) return true;
  if (status === 404) return false;
  throw verifikError(502, 'security_api_unreachable', status || undefined);
}

/**
 * Refuses a person the login flow's security does not admit: 403 `user_blacklisted` or
 * `user_not_whitelisted`. Strategy `none`, source `NONE` or no security: everyone passes.
 */
export async function checkLoginSecurity(flow: FlowRecord, person: ListedPerson): Promise<void> {
  const { strategy, source, list, apiUrl } = securityOf(flow);
  if (!usesList(strategy)) return;
  let listed: boolean;
  if (source === 'CSV') listed = onList(list, person);
  else if (source === 'API') listed = await listedByApi(apiUrl, person);
  else return;
  if (strategy === 'blacklist' && listed) throw verifikError(403, 'user_blacklisted');
  if (strategy === 'whitelist' && !listed) throw verifikError(403, 'user_not_whitelisted');
}
