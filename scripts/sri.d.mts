/** `sha384-<base64>` of a file's bytes, as `integrity` attributes take it. */
export function sriHash(bytes: Uint8Array): string;
/** Rollup plugin: writes `sri.json` into the output folder (its files and the `also` folders'). */
export function sriPlugin(options?: { also?: string[] }): {
  name: string;
  writeBundle(options: { dir?: string }): void;
};
