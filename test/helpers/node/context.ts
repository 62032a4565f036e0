import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevClient } from '../../../demo/server/auth.js';
import type { SandboxContext } from '../../../demo/server/context.js';
import { Store } from '../../../demo/server/db.js';
import { Keys } from '../../../demo/server/keys.js';
import { DEFAULT_CODE_LIMITS } from '../../../demo/server/sandbox.js';
import { seedDemo } from '../../../demo/server/seed.js';
import { TokenService } from '../../../demo/server/tokens.js';

/** A sandbox context on a real database in a temporary folder, without HTTP, with a clock tests move. */
export async function serviceContext(): Promise<{
  context: SandboxContext;
  clock: { offset: number };
  close(): void;
}> {
  const dataDir = mkdtempSync(join(tmpdir(), 'verifik-services-'));
  const store = Store.open(dataDir);
  const keys = Keys.open(dataDir, store);
  const clock = { offset: 0 };
  const context: SandboxContext = {
    store,
    client: ensureDevClient(store, dataDir),
    tokens: await TokenService.load(keys),
    faces: () => Promise.reject(new Error('no face engine in service tests')),
    ocr: () => Promise.reject(new Error('no document reader in service tests')),
    secret: (name) => keys.secret(name),
    now: () => new Date(Date.now() + clock.offset),
    settings: { publicUrl: () => 'https://kyc.example', limits: DEFAULT_CODE_LIMITS },
  };
  seedDemo(context);
  return {
    context,
    clock,
    close() {
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
