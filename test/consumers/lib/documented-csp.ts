import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './apps.js';

/**
 * The Content-Security-Policy docs/integration.md recommends (its ```csp block), with the
 * example hosts replaced by the test's CDN and API origins: the page test runs under exactly the
 * documented policy, so the documentation cannot drift from what works.
 */
export function documentedCsp({ cdn, api }: { cdn: string; api: string }): string {
  const doc = readFileSync(join(ROOT, 'docs', 'integration.md'), 'utf8');
  const block = /^```csp\n([\s\S]*?)^```$/m.exec(doc)?.[1];
  if (!block) throw new Error('docs/integration.md has no ```csp block');
  return block
    .replaceAll('https://cdn.example.com', cdn)
    .replaceAll('https://api.verifik.co', api)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}
