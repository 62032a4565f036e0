import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync, rmSync } from 'node:fs';
import { CDN_FACE_FOLDER, faceAssetsAt, faceAssetsPlugin } from './scripts/face-assets.mjs';
import { cdnLoaderPlugin } from './scripts/cdn-loader.mjs';
import { parallelImportsPlugin } from './scripts/parallel-imports.mjs';
import { sriPlugin } from './scripts/sri.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
/** Packages an npm consumer installs beside us: `lit`, `lit/decorators.js`, `react`… stay bare imports. */
const installed = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];
const isInstalled = (id) => installed.some((name) => id === name || id.startsWith(`${name}/`));

/** Lit's own packages: the server build bundles their Node flavour (see below). */
const isLit = (id) => /^(lit|lit-html|lit-element|@lit\/[^/]+|@lit-labs\/[^/]+)(\/|$)/.test(id);

// No source maps ship: the npm modules are readable as they are, and a map without its sources
// (src/ is not published) would only point at missing files.
const typescriptPlugin = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: false },
  });

const ENTRIES = {
  index: 'src/index.ts',
  'verifik-enroll': 'src/verifik-enroll.ts',
  'react/index': 'src/react/index.ts',
};

/**
 * Keeps `import './verifik-enroll.js'` (the entry that defines the tags) wherever a module imports
 * it for its effect, as the React bindings do. node-resolve marks every source file by the
 * package's `sideEffects` list, which names the shipped files, not `src/`: without this, Rollup
 * drops the import and `verifik-enroll/react` renders an undefined tag (a blank page).
 */
const keepDefiningEntry = () => ({
  name: 'keep-defining-entry',
  transform(code, id) {
    if (id.endsWith('/src/verifik-enroll.ts')) return { code, map: null, moduleSideEffects: true };
    return null;
  },
});

/** Empties an output folder before a build, so files a former build made do not linger. */
const clean = (dir) => ({ name: 'clean', buildStart: () => rmSync(dir, { recursive: true, force: true }) });

export default [
  // npm: one ES module per source module (a bundler keeps only what is imported), dependencies
  // left as bare imports, readable (the integrator's bundler minifies). Declarations come from
  // `tsc -p tsconfig.build.json` beside each file.
  {
    input: ENTRIES,
    external: isInstalled,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
    plugins: [clean('dist'), nodeResolve(), typescriptPlugin(), keepDefiningEntry(), faceAssetsPlugin()],
  },
  // Servers (`node`, and edge runtimes that also match `browser`): the same entries with Lit's
  // Node flavour bundled in. Lit's browser build touches `HTMLElement` and `document` as it loads,
  // so with the `browser` condition in Node (or on an edge runtime) a plain import would throw.
  {
    input: ENTRIES,
    external: (id) => isInstalled(id) && !isLit(id),
    output: { dir: 'dist/server', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    onwarn(warning, warn) {
      // The DOM shim's TypeScript helpers test `this` at the top level, harmlessly undefined in ES modules.
      if (warning.code === 'THIS_IS_UNDEFINED' && warning.id?.includes('ssr-dom-shim')) return;
      warn(warning);
    },
    plugins: [
      nodeResolve({ exportConditions: ['node'] }),
      typescriptPlugin(),
      keepDefiningEntry(),
      faceAssetsAt('../face/'),
    ],
  },
  // CDN: `verifik-enroll.js`, a tiny classic script (the one `<script src>` of the docs), imports
  // the core (what the first screen needs: lit, the root element, English) and the core imports
  // the rest on demand from beside it: each step, each other language, the phone metadata. Every
  // module has a content hash in its name; the first step's module is fetched together with the
  // modules it imports (scripts/parallel-imports.mjs). face-api and its models are the npm build's
  // (`../dist/face/`), fetched only for a selfie step. `sri.json` lists integrity hashes.
  {
    input: 'src/verifik-enroll.ts',
    output: {
      dir: 'cdn',
      format: 'es',
      entryFileNames: 'core-[hash].js',
      chunkFileNames: '[name]-[hash].js',
    },
    // Nothing imports the entry's exports (the loader imports it for its effect): the core can
    // then be one chunk, not a facade re-exporting a shared chunk.
    preserveEntrySignatures: false,
    plugins: [
      clean('cdn'),
      cdnLoaderPlugin(),
      parallelImportsPlugin(),
      nodeResolve(),
      typescriptPlugin(),
      terser({ ecma: 2022, compress: { passes: 2 }, format: { comments: false } }),
      faceAssetsAt(`../${CDN_FACE_FOLDER}`),
      sriPlugin({ also: [`../${CDN_FACE_FOLDER}`] }),
    ],
  },
];
