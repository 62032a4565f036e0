import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from './sandbox.js';
import { DEMO_IDS } from './seed.js';

/**
 * `npm run sandbox` / `npm start`: the Verifik-compatible sandbox on this machine.
 *   --port N         (or PORT; default 8787, 0 = any free port)
 *   --host H         (or HOST; default 127.0.0.1)
 *   --data-dir DIR   (or SANDBOX_DATA_DIR; default .sandbox-data)
 *   --client-token T (or SANDBOX_CLIENT_TOKEN; default: issue one on first start)
 *   --public-url U   (or SANDBOX_PUBLIC_URL; default: the URL it listens on) for links in messages
 *   --retention-days N (or SANDBOX_RETENTION_DAYS) erase finished registrations N days after they end
 *   --webhook-any-host (or SANDBOX_WEBHOOK_ANY_HOST=1) send webhooks to any host, not only this machine
 *   --json           print one JSON line {url, clientToken, dataDir} for scripts and test runners
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PORT'] ?? '8787' },
    host: { type: 'string', default: process.env['HOST'] ?? '127.0.0.1' },
    'data-dir': { type: 'string', default: process.env['SANDBOX_DATA_DIR'] },
    'client-token': { type: 'string', default: process.env['SANDBOX_CLIENT_TOKEN'] },
    'public-url': { type: 'string', default: process.env['SANDBOX_PUBLIC_URL'] },
    'retention-days': { type: 'string', default: process.env['SANDBOX_RETENTION_DAYS'] },
    'webhook-any-host': { type: 'boolean', default: process.env['SANDBOX_WEBHOOK_ANY_HOST'] === '1' },
    json: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer from 0 to 65535 (got ${values.port})`);
  process.exit(2);
}

const retention = values['retention-days'] === undefined ? undefined : Number(values['retention-days']);
if (retention !== undefined && !(Number.isFinite(retention) && retention >= 0)) {
  console.error(`--retention-days must be a number of days (got ${values['retention-days']})`);
  process.exit(2);
}

const sandbox = await startSandbox({
  publicUrl: values['public-url'],
  retentionDays: retention,
  port,
  host: values.host,
  dataDir: values['data-dir'],
  clientToken: values['client-token'],
  webhooks: { allowAnyHost: values['webhook-any-host'] },
});

if (values.json) {
  console.log(JSON.stringify({ url: sandbox.url, clientToken: sandbox.client.token, dataDir: sandbox.dataDir }));
} else {
  const tokenFile = relative(process.cwd(), sandbox.client.tokenFile);
  console.log(`Verifik sandbox listening on ${sandbox.url}`);
  console.log(`  demo page     ${sandbox.url}/`);
  console.log(`  data          ${relative(process.cwd(), sandbox.dataDir) || '.'}`);
  console.log(`  demo project  ${DEMO_IDS.project}${sandbox.seeded ? ' (created now)' : ''}`);
  console.log(
    sandbox.client.issued
      ? `  client token  ${sandbox.client.token}\n                (new; kept in ${tokenFile}; send it as Authorization: Bearer <token>)`
      : `  client token  in ${tokenFile}`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void sandbox.close().then(() => process.exit(0));
  });
}
