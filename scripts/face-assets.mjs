/**
 * The liveness step's run-time assets: the face engine (face-api without its bundled TensorFlow,
 * on tfjs-core with only the kernels the two models run), the Worker that runs it, the tfjs wasm
 * binaries and the two tiny models. They are never bundled into the widget's code: the npm build
 * writes them once into `dist/face/` (the CDN script uses the same copy), the test runner serves
 * them from here, and the widget fetches them at run time (src/capture/face/assets-url.ts).
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const faceApi = dirname(require.resolve('@vladmandic/face-api/package.json'));
const wasm = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
const ENGINE = fileURLToPath(new URL('../src/capture/face/engine/', import.meta.url));

/** Files copied as they are: name in the assets folder → where it comes from. */
const COPIED = {
  'tfjs-backend-wasm.wasm': join(wasm, 'tfjs-backend-wasm.wasm'),
  'tfjs-backend-wasm-simd.wasm': join(wasm, 'tfjs-backend-wasm-simd.wasm'),
  // The tiny models as face-api ships them: already 8-bit (uint8-quantised weights, one byte each).
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

/** Modules built from src/capture/face/engine/: name in the assets folder → entry. */
const BUILT = {
  'face-engine.js': join(ENGINE, 'face-engine.ts'),
  'face-worker.js': join(ENGINE, 'face-worker.ts'),
};

/** Every asset's name. */
export const FACE_ASSET_NAMES = [...Object.keys(BUILT), ...Object.keys(COPIED)];

/**
 * One self-contained, minified ES module per entry. face-api's nobundle build imports the whole
 * `@tensorflow/tfjs` and the WebGL and wasm backends' indexes (every kernel): the engine gives it
 * `tfjs-core.ts` instead, nothing for WebGL, and registers its own pruned backends.
 */
async function buildModule(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    platform: 'browser',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [
      {
        name: 'face-engine-imports',
        setup(esbuild) {
          const replace = (filter, resolved) => esbuild.onResolve({ filter }, () => resolved);
          replace(/^@tensorflow\/tfjs\/dist\/index\.js$/, { path: join(ENGINE, 'tfjs-core.ts') });
          replace(/^@tensorflow\/tfjs-backend-(webgl|wasm)\/dist\/index\.js$/, { path: 'empty', namespace: 'empty' });
          esbuild.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};' }));
        },
      },
    ],
  });
  return Buffer.from(result.outputFiles[0].contents);
}

const built = new Map();

/** The bytes of asset `name` (the built modules are built once per process). */
export function faceAssetSource(name) {
  if (Object.hasOwn(COPIED, name)) return Promise.resolve(readFileSync(COPIED[name]));
  if (!Object.hasOwn(BUILT, name)) return Promise.reject(new Error(`no face asset ${name}`));
  if (!built.has(name)) built.set(name, buildModule(BUILT[name]));
  return built.get(name);
}

/**
 * The modules that name assets with a literal `new URL('./face/<name>', import.meta.url)`, and the
 * names each must contain: every asset in the assets module, the engine in the default folder's.
 */
const LITERAL_MODULES = [
  { module: /src[\\/]capture[\\/]face[\\/]assets-url\.ts$/, names: FACE_ASSET_NAMES },
  { module: /src[\\/]capture[\\/]face[\\/]assets-folder\.ts$/, names: ['face-engine.js'] },
];
const literal = (name) => `new URL('./face/${name}', import.meta.url)`;

/** Rewrites each asset's literal in those modules with `replace(name)`, failing if one is gone. */
function rewriteLiterals(context, code, id, replace) {
  const names = LITERAL_MODULES.find(({ module }) => module.test(id))?.names;
  if (!names) return null;
  let rewritten = code;
  for (const name of names) {
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
    async buildStart() {
      for (const name of FACE_ASSET_NAMES) {
        const source = await faceAssetSource(name);
        references.set(name, this.emitFile({ type: 'asset', fileName: `face/${name}`, source }));
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
    const file = match && FACE_ASSET_NAMES.includes(match[1]) ? match[1] : undefined;
    if (!file) return next();
    context.body = await faceAssetSource(file);
    context.type = file.endsWith('.js')
      ? 'text/javascript'
      : file.endsWith('.wasm')
        ? 'application/wasm'
        : file.endsWith('.json')
          ? 'application/json'
          : 'application/octet-stream';
  };
}
