/**
 * A web-test-runner plugin that runs the real sandbox server (`demo/server/main.ts`) beside the
 * browser tests, on a free port with a fresh data folder. The browser's `executeServerCommand`
 * gets `sandbox-info` (its URL and client token), `sandbox-stop` and `sandbox-start` (the same
 * port and data: a restart, as when a server goes away mid-flow), a long command (see
 * `wtr-long-command.mjs`): on a busy machine a sandbox may take longer than one command's budget
 * to start.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { LongWork } from './wtr-long-command.mjs';

/**
 * Ports below Linux's ephemeral range (32768–60999): the sandbox is restarted on its own port, and
 * a port from that range may meanwhile be taken as the local end of any outgoing connection on the
 * machine (another test run's browser, for one).
 */
const PORT_RANGE = { from: 20_000, to: 32_000 };
const randomPort = () => PORT_RANGE.from + Math.floor(Math.random() * (PORT_RANGE.to - PORT_RANGE.from));

/** Starts one sandbox process; resolves to the process and what it printed once it listens. */
function launch(dataDir, port) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'demo/server/main.ts', '--port', String(port), '--json', '--data-dir', dataDir],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const listening = new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve({ child, info: JSON.parse(line) });
      } catch (error) {
        reject(new Error(`sandbox printed ${line}: ${error}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code} before listening`)));
  });
  return { child, listening };
}

/**
 * Starts `demo/server/main.ts` in its own Node process with its data in `dataDir`, on `port` or,
 * when `port` is 0, on a free one below the ephemeral range; resolves once it listens, to the
 * process and the `{url, clientToken, dataDir}` it printed. A port found taken (by another test
 * run on the machine) is retried: a new random one, or the same one a little later.
 */
export async function startSandboxProcess(dataDir, port = 0, attempts = 10) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await launch(dataDir, port === 0 ? randomPort() : port).listening;
    } catch (error) {
      if (attempt >= attempts) throw error;
      if (port !== 0) await delay(500 * attempt);
    }
  }
}

export function sandboxPlugin() {
  let child;
  let info;
  let dataDir;
  const restarts = new LongWork();
  async function stop() {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    restarts.forget('start');
  }
  return {
    name: 'verifik-sandbox',
    async serverStart() {
      dataDir = mkdtempSync(join(tmpdir(), 'verifik-wtr-'));
      ({ child, info } = await startSandboxProcess(dataDir));
    },
    async serverStop() {
      await stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    executeCommand({ command }) {
      if (command === 'sandbox-info') return info;
      if (command === 'sandbox-stop') return stop().then(() => true);
      if (command === 'sandbox-start') {
        return restarts.answer('start', async () => {
          if (child.exitCode !== null) ({ child } = await startSandboxProcess(dataDir, Number(new URL(info.url).port)));
          return true;
        });
      }
      return undefined;
    },
  };
}
