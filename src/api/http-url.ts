/**
 * `value` resolved against the page (so `/verifik` or `https://…` both work), if it is http(s).
 * Nothing else is ever fetched or linked: no `javascript:`, `data:` or `file:` URLs.
 */
export function httpUrl(value: string, base: string): URL | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
