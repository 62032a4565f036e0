import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../../scripts/system-tools.mjs';

/** Headless Chromium as the browser tests run it (CHROME_PATH or /usr/bin/chromium). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findChrome();
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
  return chromium.launch({ executablePath, headless: true, args: CHROME_ARGS });
}

/** Every response the page receives, as `{url, status}`, and the page's uncaught errors. */
export function recordTraffic(page: Page) {
  const responses: { url: string; status: number }[] = [];
  const pageErrors: string[] = [];
  page.on('response', (response) => responses.push({ url: response.url(), status: response.status() }));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { responses, pageErrors };
}

/**
 * Waits for the widget's first step: the sign-up form's heading, found as a person finds it (by
 * role and name; Playwright's locators see into open shadow roots).
 */
export async function waitForFirstStep(page: Page, title = 'Tell us about you'): Promise<void> {
  await page.getByRole('heading', { name: title }).waitFor({ state: 'visible', timeout: 60_000 });
}

/** The `verifik-error` events the consumer app recorded on `<body data-errors>`. */
export const widgetErrors = (page: Page) => page.evaluate(() => document.body.dataset['errors'] ?? '');
