/**
 * The liveness step's run-time assets: face-api (with tfjs bundled), the tfjs wasm binaries and
 * the two tiny models. They are never bundled into the widget: the build copies them beside its
 * output (`<out>/face/`), the test runner and the sandbox serve them from node_modules, and the
 * widget imports them at run time from `assets-url` (default: the `face/` folder beside itself).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const faceApi = dirname(require.resolve('@vladmandic/face-api/package.json'));
const wasm = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');

/** File name in the assets folder → where it comes from. */
export const FACE_ASSET_FILES = {
  'face-api.esm.js': join(faceApi, 'dist', 'face-api.esm.js'),
  'tfjs-backend-wasm.wasm': join(wasm, 'tfjs-backend-wasm.wasm'),
  'tfjs-backend-wasm-simd.wasm': join(wasm, 'tfjs-backend-wasm-simd.wasm'),
  'tiny_face_detector_model-weights_manifest.json': join(
    faceApi,
    'model',
    'tiny_face_detector_model-weights_manifest.json',
  ),
  'tiny_face_detector_model.bin': join(faceApi, 'model', 'tiny_face_detector_model.bin'),
  'face_landmark_68_tiny_model-weights_manifest.json': join(
    faceApi,
    'model',
    'face_landmark_68_tiny_model-weights_manifest.json',
  ),
  'face_landmark_68_tiny_model.bin': join(faceApi, 'model', 'face_landmark_68_tiny_model.bin'),
};

/** The module whose `import.meta.url` locates the default assets folder (see assets-url.ts). */
const ASSETS_URL_MODULE = /src[\\/]capture[\\/]face[\\/]assets-url\.ts$/;
const DEFAULT_EXPRESSION = "new URL('./face/', import.meta.url)";

/**
 * Rollup plugin: emits every asset as `face/<name>` beside the output and points the widget's
 * default assets URL at that folder, wherever the chunk that reads it ends up (in an IIFE,
 * Rollup resolves it against the `<script>`'s own URL).
 */
export function faceAssetsPlugin() {
  let reference;
  return {
    name: 'verifik-face-assets',
    buildStart() {
      for (const [name, path] of Object.entries(FACE_ASSET_FILES)) {
        const id = this.emitFile({ type: 'asset', fileName: `face/${name}`, source: readFileSync(path) });
        if (name === 'face-api.esm.js') reference = id;
      }
    },
    transform(code, id) {
      if (!ASSETS_URL_MODULE.test(id)) return null;
      if (!code.includes(DEFAULT_EXPRESSION)) this.error(`${id} no longer contains ${DEFAULT_EXPRESSION}`);
      return {
        code: code.replace(DEFAULT_EXPRESSION, `new URL('./', import.meta.ROLLUP_FILE_URL_${reference})`),
        map: null,
      };
    },
  };
}

/**
 * Dev-server middleware (web-test-runner, the sandbox): serves the assets under any URL path
 * that ends in `/face/<name>`, as the unbundled source's default assets URL asks for them.
 */
export function faceAssetsMiddleware() {
  return async (context, next) => {
    const match = /\/face\/([^/?]+)$/.exec(context.path);
    const file = match && Object.hasOwn(FACE_ASSET_FILES, match[1]) ? FACE_ASSET_FILES[match[1]] : undefined;
    if (!file) return next();
    context.body = readFileSync(file);
    context.type = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.wasm')
        ? 'application/wasm'
        : file.endsWith('.json')
          ? 'application/json'
          : 'application/octet-stream';
  };
}
