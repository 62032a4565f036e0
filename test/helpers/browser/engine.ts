/** Whether the tests run in Firefox (the Firefox ESR stage) rather than Chromium. */
export const inFirefox = navigator.userAgent.includes('Firefox/');

/**
 * A mocha `before` hook that skips its suite in Firefox: the Firefox launcher
 * (`test/helpers/wtr-firefox-launcher.mjs`) emulates only `prefers-color-scheme`, not
 * `prefers-reduced-motion` or `forced-colors`, and these suites' measurements were made in Chromium.
 */
export function chromiumOnly(this: Mocha.Context): void {
  if (inFirefox) this.skip();
}
