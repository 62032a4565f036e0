/**
 * The liveness step's run-time assets: face-api (with tfjs bundled), the tfjs wasm binaries and
 * the two tiny models. They are never bundled into the widget's code: the npm build copies them
 * once into `dist/face/` (the CDN script uses the same copy), the test runner and the sandbox serve
 * them from node_modules, and the widget fetches them at run time (src/capture/face/assets-url.ts).
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

/** The module that names every asset with a literal `new URL('./face/<name>', import.meta.url)`. */
const ASSETS_URL_MODULE = /src[\\/]capture[\\/]face[\\/]assets-url\.ts$/;
const literal = (name) => `new URL('./face/${name}', import.meta.url)`;

/** Rewrites each asset's literal in the assets module with `replace(name)`, failing if one is gone. */
function rewriteLiterals(context, code, id, replace) {
  if (!ASSETS_URL_MODULE.test(id)) return null;
  let rewritten = code;
  for (const name of Object.keys(FACE_ASSET_FILES)) {
    if (!rewritten.includes(literal(name))) context.error(`${id} no longer contains ${literal(name)}`);
    rewritten = rewritten.replace(literal(name), replace(name));
  }
  return { code: rewritten, map: null };
}

/**
 * Rollup plugin for the npm build: emits every asset once, as `face/<name>` in the output
 * folder, and points each literal at it. The output keeps a literal relative
 * `new URL('../../face/<name>', import.meta.url)`, which an app's bundler (Vite, webpack) follows
 * to copy the file into the app's build with no configuration.
 */
export function faceAssetsPlugin() {
  const references = new Map();
  return {
    name: 'verifik-face-assets',
    buildStart() {
      for (const [name, path] of Object.entries(FACE_ASSET_FILES)) {
        references.set(name, this.emitFile({ type: 'asset', fileName: `face/${name}`, source: readFileSync(path) }));
      }
    },
    transform(code, id) {
      return rewriteLiterals(this, code, id, (name) => `import.meta.ROLLUP_FILE_URL_${references.get(name)}`);
    },
    resolveFileUrl: ({ relativePath }) => `new URL('${relativePath}', import.meta.url)`,
  };
}

/** Where the CDN script finds the face assets, relative to the package root. */
export const CDN_FACE_FOLDER = 'dist/face/';

/**
 * Rollup plugin for the builds that use the npm build's copy (the package ships the assets once):
 * points each literal at `<folder><name>`, relative to the output file. The CDN script (in
 * `cdn/`) uses `../dist/face/`, which a CDN serving the whole package has.
 */
export function faceAssetsAt(folder) {
  return {
    name: 'verifik-face-assets-at',
    transform(code, id) {
      return rewriteLiterals(this, code, id, (name) => `new URL('${folder}${name}', import.meta.url)`);
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
