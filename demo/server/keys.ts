import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { privateFile } from './db.js';
import type { Store } from './db.js';

interface KeyFileContent {
  /** The private key that signs tokens. */
  jwt?: JWK;
  /** Named random secrets (code HMAC, outbox sealing, cookies), hex. */
  secrets: Record<string, string>;
}

/**
 * The sandbox's keys, in `<dataDir>/keys.json` (owner-only), apart from the data: a copy of the
 * database (a backup, a bug report) holds no key. Keys an older start kept in the database move
 * here on first open.
 */
export class Keys {
  private constructor(
    private readonly file: string,
    private readonly content: KeyFileContent,
  ) {}

  static open(dataDir: string, store: Store): Keys {
    const file = join(dataDir, 'keys.json');
    privateFile(file);
    const text = readFileSync(file, 'utf8');
    const keys = new Keys(file, text ? (JSON.parse(text) as KeyFileContent) : { secrets: {} });
    const legacyJwk = store.getMeta('jwt_private_jwk');
    if (legacyJwk) keys.content.jwt ??= JSON.parse(legacyJwk) as JWK;
    for (const [key, value] of store.metaWithPrefix('secret:')) keys.content.secrets[key.slice(7)] ??= value;
    keys.save();
    store.deleteMeta('jwt_private_jwk');
    for (const [key] of store.metaWithPrefix('secret:')) store.deleteMeta(key);
    return keys;
  }

  private save(): void {
    writeFileSync(this.file, `${JSON.stringify(this.content, null, 2)}\n`, { mode: 0o600 });
  }

  /** A random 32-byte secret kept under `name`, created on first use. */
  secret(name: string): Buffer {
    let hex = this.content.secrets[name];
    if (!hex) {
      hex = randomBytes(32).toString('hex');
      this.content.secrets[name] = hex;
      this.save();
    }
    return Buffer.from(hex, 'hex');
  }

  /** The token-signing key, created by `create` on first use. */
  async signingKey(create: () => Promise<JWK>): Promise<JWK> {
    if (!this.content.jwt) {
      this.content.jwt = await create();
      this.save();
    }
    return this.content.jwt;
  }
}
