/**
 * A web-test-runner plugin that makes a module slow on demand, so a test can show what a person
 * sees when they outrun a prefetch (a step's chunk still on its way over a slow network):
 * - `hold-modules {path}` holds every request whose path, without its extension, ends with `path`
 *   (e.g. `/src/steps/code/code-step`) until released;
 * - `held-modules` answers how many requests are held right now;
 * - `release-modules` lets them all go on, and stops holding.
 * A hold is global (the dev server cannot tell pages apart), and web-test-runner lets browsers cache
 * modules for a year (a module another page fetched is not asked for again): tests that hold run in
 * a browser of their own, the `slow-network` group. A hold left by a failed test lets go after
 * {@link HOLD_LIMIT_MS}.
 */
const HOLD_LIMIT_MS = 60_000;

export function holdModulesPlugin() {
  let holding = null;
  let waiting = [];
  let limit;

  const release = () => {
    clearTimeout(limit);
    holding = null;
    for (const go of waiting) go();
    waiting = [];
  };

  return {
    name: 'verifik-hold-modules',
    async serve(context) {
      if (holding && context.path.replace(/\.\w+$/, '').endsWith(holding)) await new Promise((go) => waiting.push(go));
      return undefined;
    },
    executeCommand({ command, payload }) {
      if (command === 'hold-modules') {
        release();
        holding = String(payload.path);
        limit = setTimeout(release, HOLD_LIMIT_MS);
        return true;
      }
      if (command === 'held-modules') return waiting.length;
      if (command === 'release-modules') {
        release();
        return true;
      }
      return undefined;
    },
  };
}
