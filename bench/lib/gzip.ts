import { gzipSync } from 'node:zlib';

/** Bytes on the wire as a server compressing at gzip level 9 would send them. */
export const gzipSize = (body: Buffer | string): number => gzipSync(body, { level: 9 }).length;

/** Bytes as kilobytes (1 KB = 1000 bytes, as size budgets are usually stated), one decimal. */
export const kb = (bytes: number): number => Math.round(bytes / 100) / 10;
