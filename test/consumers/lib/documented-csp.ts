import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './apps.js';
import { cspFromDoc } from './csp-block.js';

/**
 * The Content-Security-Policy docs/integration.md recommends (its ```csp block), with the
 * example hosts replaced by the test's CDN and API origins: the page test runs under exactly the
 * documented policy, so the documentation cannot drift from what works.
 */
export function documentedCsp(origins: { cdn: string; api: string }): string {
  return cspFromDoc(readFileSync(join(ROOT, 'docs', 'integration.md'), 'utf8'), origins);
}
