/**
 * The default `assets-url`: the folder of the face assets as the package ships them, a module of
 * its own because the root element needs it and not the assets' URLs (`assets-url.ts`, loaded
 * with the face detector). An app bundler may rename the files (hashes), so the default stands for
 * `faceAssetUrls`' bundled URLs rather than for a folder to append names to; it is the folder the
 * face engine landed in, named with the same literal as there, which a bundler follows too.
 */
export const DEFAULT_ASSETS_URL: string = new URL('./', new URL('./face/face-engine.js', import.meta.url).href).href;
