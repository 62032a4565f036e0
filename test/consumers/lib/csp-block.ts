/**
 * The Content-Security-Policy of docs/integration.md's ```csp block (given the doc's text), with
 * the example hosts replaced by the test's CDN and API origins, as one header value. Pure, so the
 * consumer test (Node) and the CDN page test (in the browser) read the same policy.
 */
export function cspFromDoc(doc: string, { cdn, api }: { cdn: string; api: string }): string {
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
