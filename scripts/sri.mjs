/**
 * Subresource Integrity for the CDN build: after Rollup writes `cdn/`, hashes every file a page
 * loads from it (the script and the `face/` assets) and writes `cdn/sri.json`
 * (`{"verifik-enroll.js": "sha384-…", "face/…": "sha384-…"}`), for `<script integrity>`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `sha384-<base64>` of a file's bytes, as `integrity` attributes take it. */
export const sriHash = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** Rollup plugin: writes `sri.json` into the output folder once the bundle is written. */
export function sriPlugin() {
  return {
    name: 'verifik-sri',
    writeBundle({ dir }) {
      const hashes = {};
      const files = readdirSync(dir, { recursive: true })
        .map((name) => name.split('\\').join('/'))
        .filter((name) => !name.endsWith('.map') && name !== 'sri.json' && !name.endsWith('/'))
        .sort();
      for (const name of files) {
        try {
          hashes[name] = sriHash(readFileSync(join(dir, name)));
        } catch (error) {
          if (error.code !== 'EISDIR') throw error;
        }
      }
      writeFileSync(join(dir, 'sri.json'), `${JSON.stringify(hashes, null, 2)}\n`);
    },
  };
}
