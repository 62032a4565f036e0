import { ApiError } from './errors.js';

/**
 * Bounds on every JSON value the sandbox reads or stores. SQLite's JSON functions refuse documents
 * nested more than 1000 levels (every later query of the collection then fails), and deep or huge
 * values make recursive checks slow or overflow the stack; no documented shape comes near these.
 */
export const JSON_LIMITS = { depth: 24, keys: 5000 } as const;

/**
 * A 400 naming the problem when JSON text nests deeper than {@link JSON_LIMITS.depth} or holds
 * more than {@link JSON_LIMITS.keys} object keys. One pass over the text, before it is parsed.
 */
export function checkJsonText(text: string): void {
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
      continue;
    }
    if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) {
      if (++depth > JSON_LIMITS.depth) {
        throw new ApiError(400, 'JSON_TOO_DEEP', `JSON must nest at most ${JSON_LIMITS.depth} levels`);
      }
    } else if (char === 0x7d || char === 0x5d) depth--;
    else if (char === 0x3a && ++keys > JSON_LIMITS.keys) {
      throw new ApiError(400, 'JSON_TOO_MANY_KEYS', `JSON must hold at most ${JSON_LIMITS.keys} keys`);
    }
  }
}
