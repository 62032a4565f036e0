/** Chrome to test in: CHROME_PATH when set (it must exist), else the first system Chromium found. */
export function findChrome(): string | undefined;
/** Chromium flags for tests on a machine with no network but loopback. */
export const CHROME_ARGS: string[];
/** Makes sure Chromium and ffmpeg are present; returns the Chrome path, or throws with instructions. */
export function ensureSystemTools(): string;
