import { parseApiError, VerifikApiError } from './errors.js';

export interface ApiClientOptions {
  /** Absolute base URL of the API, e.g. `https://api.verifik.co`. */
  baseUrl: string;
  /** The `fetch` to call; defaults to the page's. */
  fetch?: typeof fetch;
  /** Extra tries after a network error or a 5xx (default 2). Nothing else is retried. */
  retries?: number;
  /** First pause before a retry, doubled each time, with jitter (default 400 ms). */
  retryDelayMs?: number;
  /** Cookies: `omit` for Verifik (default); `same-origin` for the integrator's token endpoint. */
  credentials?: RequestCredentials;
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
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly credentials: RequestCredentials;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? 400;
    this.credentials = options.credentials ?? 'omit';
  }

  /**
   * Sends a request and resolves to the response's `data`. Network errors and 5xx answers are
   * retried with exponential backoff; the last error is thrown. An abort stops at once.
   */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.send<T>(path, options);
      } catch (error) {
        const transient = error instanceof VerifikApiError && (error.status === 0 || error.status >= 500);
        if (!transient || attempt >= this.retries) throw error;
        await pause(this.retryDelayMs * 2 ** attempt * (0.75 + Math.random() / 2), options.signal);
      }
    }
  }

  private async send<T>(path: string, options: RequestOptions): Promise<T> {
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
        credentials: this.credentials,
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

/** Waits `ms`, or rejects as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
