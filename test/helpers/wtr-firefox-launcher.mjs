/**
 * A web-test-runner launcher for Firefox (Firefox ESR here) through `puppeteer-core`, which drives
 * it over WebDriver BiDi. `@web/test-runner-puppeteer` would do the same, but it depends on the full
 * `puppeteer`, which downloads a browser of its own; the Chrome launcher it wraps takes any
 * puppeteer, so this hands it `puppeteer-core` and the system's Firefox.
 *
 * Two test commands need help over BiDi, so each page is adapted: `sendKeys({press: 'Space'})`
 * (the BiDi keyboard knows the space as ' ', not by its key name) and `emulateMedia({colorScheme})`
 * (puppeteer emulates media features over CDP only: here the page's colour scheme is Firefox's own
 * "Website appearance" setting, changed through the browser's privileged scope).
 */
import { chromeLauncher } from '@web/test-runner-chrome';
import puppeteer from 'puppeteer-core';
import { FIREFOX_PREFS, findFirefox } from '../../scripts/system-tools.mjs';

/** Key names of the CDP keyboard that Firefox's BiDi keyboard takes as the character. */
const KEY_CHARACTERS = { Space: ' ' };

/** Values of Firefox's "Website appearance" setting, by the colour scheme pages see. */
const APPEARANCE = { dark: 0, light: 1 };
const APPEARANCE_PREF = 'layout.css.prefers-color-scheme.content-override';

/** Sets an integer preference of the running browser, as its settings page would. */
async function setPreference(browser, name, value) {
  const { connection } = browser;
  const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  await connection.send('script.evaluate', {
    expression: `Services.prefs.setIntPref(${JSON.stringify(name)}, ${Number(value)})`,
    target: { context: result.contexts[0].context },
    awaitPromise: false,
  });
}

/** Emulates `prefers-color-scheme` on `page` and resolves once the page sees it. */
async function emulateColorScheme(page, features) {
  for (const { name, value } of features) {
    if (name !== 'prefers-color-scheme' || !Object.hasOwn(APPEARANCE, value)) {
      throw new Error(`Firefox tests can emulate prefers-color-scheme light or dark only, not ${name}: ${value}`);
    }
    await setPreference(page.browser(), APPEARANCE_PREF, APPEARANCE[value]);
    // The setting reaches the page's style asynchronously: wait for its media query to change.
    await page.evaluate((query) => {
      const media = globalThis.matchMedia(query);
      return media.matches || new Promise((resolve) => media.addEventListener('change', resolve, { once: true }));
    }, `(prefers-color-scheme: ${value})`);
  }
}

function adaptPage(page) {
  const { keyboard } = page;
  for (const method of ['press', 'down', 'up']) {
    const original = keyboard[method].bind(keyboard);
    keyboard[method] = (key, ...rest) => original(KEY_CHARACTERS[key] ?? key, ...rest);
  }
  page.emulateMediaFeatures = (features = []) => emulateColorScheme(page, features);
  return page;
}

/** Firefox with the test preferences (see system-tools.mjs), and `prefs` over them. */
export function firefoxLauncher(prefs = {}) {
  const executablePath = findFirefox();
  const launcher = chromeLauncher({
    puppeteer,
    launchOptions: {
      browser: 'firefox',
      executablePath,
      headless: true,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...prefs },
      // Lets the launcher change the "Website appearance" setting (emulateMedia, above).
      args: ['--remote-allow-system-access'],
    },
    createPage: async ({ context }) => adaptPage(await context.newPage()),
    // One page at a time: Firefox throttles the timers and stops the animation frames of
    // background tabs, and the colour-scheme setting is the whole browser's.
    concurrency: 1,
  });
  if (!executablePath) {
    // Fails only a run that uses Firefox: the Chromium groups share this configuration.
    launcher.initialize = async () => {
      throw new Error(
        'No Firefox found: install it (apt-get install firefox-esr) or set FIREFOX_PATH. `npm test` installs it when it can.',
      );
    };
  }
  return launcher;
}
