/**
 * A web-test-runner plugin giving a browser test a second device: a phone, in its own Chromium
 * (mobile viewport, touch, an Android user agent, the fake camera showing `camera`), driven from
 * Node with Playwright while the test's own page plays the computer. Commands:
 * - `phone-decode {width, height, rgba}` decodes the QR code of the computer's screen (base64
 *   RGBA pixels) with jsQR and answers its text;
 * - `phone-open {url}` opens a page on a new phone (a new browser context) in the background and
 *   answers its index;
 * - `phone-do {phone, action, …}` acts on phone `phone` as a person would, answering at once:
 *   `click` a button by its accessible name or `upload` a base64 JPEG into the file picker, or
 *   read the `step` shown or the `text` of a `selector` (false while the phone or the control is
 *   not there yet), or its `state` (the step, the headings and the open dialogs shown: what a
 *   failed wait reports);
 * - `handoff-age {dataDir, appRegistration}` moves the registration's unused handoff's expiry into
 *   the past in the sandbox's database (the sandbox's clock cannot be moved from a browser test).
 */
import Database from 'better-sqlite3';
import jsQR from 'jsqr';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/system-tools.mjs';

const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36';

/** The text of the first shown match of `selector` on the page, through shadow roots. */
function deepText(selector) {
  const find = (root) => {
    const hit = [...root.querySelectorAll(selector)].find((element) => element.checkVisibility());
    if (hit) return hit;
    for (const element of root.querySelectorAll('*')) {
      const inner = element.shadowRoot && find(element.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  return find(globalThis.document)?.textContent?.trim() ?? '';
}

/** What the phone shows, in one line: its step, its shown headings, and its open dialogs. */
function deepState() {
  const headings = [];
  const dialogs = [];
  const walk = (root) => {
    for (const element of root.querySelectorAll('*')) {
      if (/^H[1-3]$/.test(element.tagName) && element.checkVisibility()) headings.push(element.textContent.trim());
      if (element.tagName === 'DIALOG' && element.open) dialogs.push(element.getAttribute('part') ?? 'dialog');
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(globalThis.document);
  const step = globalThis.document.querySelector('verifik-enroll')?.getAttribute('step');
  return `step ${step ?? 'none'}; headings: ${headings.join(' | ') || 'none'}; open dialogs: ${dialogs.join(', ') || 'none'}`;
}

/** @param {{camera: string}} options the phone's fake camera video. */
export function handoffPhonePlugin({ camera }) {
  let browser;
  const phones = [];

  async function launch() {
    browser ??= chromium.launch({
      executablePath: findChrome(),
      headless: true,
      args: [
        ...CHROME_ARGS,
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        `--use-file-for-fake-video-capture=${camera}`,
      ],
    });
    return browser;
  }

  // Each answers at once (a test-runner command must answer within seconds): the test waits by
  // asking again, as it waits for anything else.
  const actions = {
    /** Clicks the button named `name`; false while there is none yet. */
    click: async (page, { name }) => {
      const button = page.getByRole('button', { name, exact: true });
      if (!(await button.isVisible())) return false;
      await button.click();
      return true;
    },
    /** Chooses a photo in the file picker; false while there is none yet. */
    upload: async (page, { base64, name }) => {
      const input = page.locator('input[type="file"]');
      if ((await input.count()) === 0) return false;
      await input.setInputFiles({ name, mimeType: 'image/jpeg', buffer: Buffer.from(base64, 'base64') });
      return true;
    },
    /** The step the phone's element shows. */
    step: (page) =>
      page.evaluate(() => globalThis.document.querySelector('verifik-enroll')?.getAttribute('step') ?? ''),
    /** The text of the first match of `selector`, through shadow roots. */
    text: (page, { selector }) => page.evaluate(deepText, selector),
    /** What the phone shows (see deepState). */
    state: (page) => page.evaluate(deepState),
  };

  return {
    name: 'verifik-handoff-phone',
    async serverStop() {
      if (browser) await (await browser).close();
    },
    async executeCommand({ command, payload }) {
      if (command === 'phone-decode') {
        const pixels = new Uint8ClampedArray(Buffer.from(payload.rgba, 'base64'));
        return jsQR(pixels, payload.width, payload.height)?.data ?? null;
      }
      if (command === 'phone-open') {
        // Launching a browser can take longer than a command may: the phone opens in the
        // background, and its actions answer false until it is there.
        const phone = {};
        phone.ready = (async () => {
          const context = await (
            await launch()
          ).newContext({
            viewport: { width: 390, height: 844 },
            deviceScaleFactor: 2,
            isMobile: true,
            hasTouch: true,
            userAgent: ANDROID_UA,
          });
          const page = await context.newPage();
          await page.goto(payload.url, { waitUntil: 'commit' });
          phone.page = page;
        })().catch((error) => (phone.error = error));
        phones.push(phone);
        return phones.length - 1;
      }
      if (command === 'phone-do') {
        const { page, error } = phones[payload.phone];
        if (error) throw error;
        if (!page) return payload.action === 'state' ? 'not open yet' : false;
        return actions[payload.action](page, payload);
      }
      if (command === 'handoff-age') {
        const db = new Database(join(payload.dataDir, 'sandbox.db'));
        try {
          const past = new Date(Date.now() - 60_000).toISOString();
          const id = payload.appRegistration;
          return db
            .prepare(
              `UPDATE documents SET doc = json_set(doc, '$.expiresAt', ?)
               WHERE collection = 'handoffs' AND json_extract(doc, '$.appRegistration') = ?
                 AND json_extract(doc, '$.status') = 'waiting'`,
            )
            .run(past, id).changes;
        } finally {
          db.close();
        }
      }
      return undefined;
    },
  };
}
