/**
 * A web-test-runner plugin that runs the real sandbox server (`demo/server/main.ts`) beside the
 * browser tests, on a free port with a fresh data folder. The browser's `executeServerCommand`
 * gets `sandbox-info` (its URL and client token), `sandbox-stop` and `sandbox-start` (the same
 * port and data: a restart, as when a server goes away mid-flow).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

function startSandboxProcess(dataDir, port = 0) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'demo/server/main.ts', '--port', String(port), '--json', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
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
}

export function sandboxPlugin() {
  let child;
  let info;
  let dataDir;
  async function stop() {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
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
    async executeCommand({ command }) {
      if (command === 'sandbox-info') return info;
      if (command === 'sandbox-stop') {
        await stop();
        return true;
      }
      if (command === 'sandbox-start') {
        if (child?.exitCode === null) return true;
        ({ child } = await startSandboxProcess(dataDir, new URL(info.url).port));
        return true;
      }
      return undefined;
    },
  };
}
