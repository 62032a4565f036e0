import { type Browser, type BrowserContext, chromium } from 'playwright';
import { CHROME_ARGS, findChrome } from '../../scripts/system-tools.mjs';
import { gzipSize } from './gzip.js';

/** The fake-camera flags of ENVIRONMENT.md: `video` plays in a loop as the only camera, permission granted. */
export const fakeCamera = (video: string): string[] => [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  `--use-file-for-fake-video-capture=${video}`,
];

/**
 * Browser UI the bench never shows, which competed with the page for the CPU: since Chromium 15x
 * every new window (each first visit's fresh context) loads the address bar's popup as a WebUI
 * page in a renderer of its own, which cost about 200 ms of a first load on 2 cores. Puppeteer
 * turns the same features off by default.
 */
const HIDDEN_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

let playwrightFeatures: Promise<string[]> | undefined;

/**
 * The features Playwright's own `--disable-features` switch turns off. Chromium reads the last
 * such switch only, so the bench's repeats them: read once from a probe browser's command line
 * (which Chromium reports when automation is on).
 */
function playwrightDisabledFeatures(executablePath: string): Promise<string[]> {
  playwrightFeatures ??= (async () => {
    const probe = await chromium.launch({
      executablePath,
      headless: true,
      args: [...CHROME_ARGS, '--enable-automation'],
    });
    try {
      const session = await probe.newBrowserCDPSession();
      const { arguments: switches } = await session.send('Browser.getBrowserCommandLine');
      const prefix = '--disable-features=';
      return switches
        .filter((value) => value.startsWith(prefix))
        .flatMap((value) => value.slice(prefix.length).split(','));
    } finally {
      await probe.close();
    }
  })();
  return playwrightFeatures;
}

/** Headless system Chromium (CHROME_PATH or Debian's), with the test flags and `args`, and no hidden UI. */
export async function launchChromium(args: string[] = []): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: apt-get install chromium, or set CHROME_PATH.');
  const disabled = [...(await playwrightDisabledFeatures(executablePath)), ...HIDDEN_UI_FEATURES];
  return chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROME_ARGS, ...args, `--disable-features=${disabled.join(',')}`],
  });
}

/** One request of the network log, with its response body measured. */
export interface NetworkEntry {
  url: string;
  method: string;
  status: number;
  resourceType: string;
  /** Response body bytes as received (the local servers do not compress). */
  bytes: number;
  /** The same body gzipped at level 9. */
  gzipBytes: number;
  /** Request body bytes (uploads). */
  requestBytes: number;
  /** The request body, when it is JSON (to read what an upload carried). */
  requestJson?: unknown;
}

export interface NetworkLog {
  /** Every finished request so far, once their bodies are measured. */
  entries(): Promise<NetworkEntry[]>;
}

/** Records every request `context` makes, measuring bodies as they finish. */
export function recordNetwork(context: BrowserContext): NetworkLog {
  const pending: Promise<NetworkEntry | undefined>[] = [];
  context.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        // A page closed while a request was finishing (the next run's page opens): nothing to measure.
        const response = await request.response().catch(() => null);
        if (!response) return undefined;
        const body = await response.body().catch(() => Buffer.alloc(0));
        const post = request.postDataBuffer();
        let requestJson: unknown;
        try {
          requestJson =
            post && request.headers()['content-type']?.includes('json') ? JSON.parse(post.toString()) : undefined;
        } catch {
          requestJson = undefined;
        }
        return {
          url: request.url(),
          method: request.method(),
          status: response.status(),
          resourceType: request.resourceType(),
          bytes: body.length,
          gzipBytes: body.length ? gzipSize(body) : 0,
          requestBytes: post?.length ?? 0,
          requestJson,
        };
      })(),
    );
  });
  return {
    async entries() {
      const settled = await Promise.all(pending);
      return settled.filter((entry): entry is NetworkEntry => entry !== undefined);
    },
  };
}
