/**
 * Subresource Integrity for the CDN build: after Rollup writes `cdn/`, hashes every file a page
 * loads for it (the script, and the face assets it finds in `../dist/face/`) and writes
 * `cdn/sri.json` (`{"verifik-enroll.js": "sha384-…", "../dist/face/…": "sha384-…"}`, keys relative
 * to the script), for `<script integrity>`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** `sha384-<base64>` of a file's bytes, as `integrity` attributes take it. */
export const sriHash = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * Rollup plugin: writes `sri.json` into the output folder once the bundle is written, for its own
 * files and those of the `also` folders (relative to it).
 */
export function sriPlugin({ also = [] } = {}) {
  return {
    name: 'verifik-sri',
    writeBundle({ dir }) {
      const hashes = {};
      const list = (folder) =>
        readdirSync(join(dir, folder), { recursive: true }).map((name) =>
          join(folder, name).split('\\').join('/').replace(/^\.\//, ''),
        );
      const files = ['.', ...also]
        .flatMap(list)
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
