import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { fileURLToPath } from 'node:url';
import { CHROME_ARGS, findChrome } from './scripts/system-tools.mjs';
import { sandboxPlugin } from './test/helpers/wtr-sandbox-plugin.mjs';

const executablePath = findChrome();
if (!executablePath) {
  throw new Error(
    'No Chromium found: install it (apt-get install chromium) or set CHROME_PATH. `npm test` installs it when it can.',
  );
}

export default {
  files: ['test/elements/**/*.test.ts', 'test/e2e/**/*.test.ts'],
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    sandboxPlugin(),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath, headless: true, args: CHROME_ARGS },
    }),
  ],
  testFramework: { config: { timeout: 20_000 } },
  testsFinishTimeout: 5 * 60_000,
};
