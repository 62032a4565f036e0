import { parseApiError, VerifikApiError } from './errors.js';

export interface ApiClientOptions {
  /** Absolute base URL of the API, e.g. `https://api.verifik.co`. */
  baseUrl: string;
  /** The `fetch` to call; defaults to the page's. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, string>;
  body?: unknown;
  /** Bearer token for this call. */
  token?: string;
  signal?: AbortSignal;
}

/**
 * A thin client for the Verifik REST API: JSON in, the `data` of Verifik's `{data: …}` envelope
 * out, a {@link VerifikApiError} for anything else. It never logs or stores tokens.
 */
export class VerifikApiClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** Sends one request and resolves to the response's `data`. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;

    let response: Response;
    try {
      response = await this.fetchImpl(url.href, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? null : JSON.stringify(options.body),
        signal: options.signal ?? null,
        credentials: 'omit',
      });
    } catch (cause) {
      if (options.signal?.aborted) throw cause;
      throw new VerifikApiError(0, 'network_error', `could not reach ${url.origin}`);
    }

    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) throw parseApiError(response.status, body);
    if (typeof body !== 'object' || body === null || !('data' in body)) {
      throw new VerifikApiError(response.status, 'invalid_response', `${url.pathname} answered without data`);
    }
    return (body as { data: T }).data;
  }
}
