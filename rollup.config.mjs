import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { readFileSync, rmSync } from 'node:fs';
import { faceAssetsPlugin } from './scripts/face-assets.mjs';
import { sriPlugin } from './scripts/sri.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
/** Packages an npm consumer installs beside us: `lit`, `lit/decorators.js`, `react`… stay bare imports. */
const installed = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies ?? {})];
const isInstalled = (id) => installed.some((name) => id === name || id.startsWith(`${name}/`));

const typescriptPlugin = () =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: true },
  });

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
    input: {
      index: 'src/index.ts',
      'verifik-enroll': 'src/verifik-enroll.ts',
      'react/index': 'src/react/index.ts',
    },
    external: isInstalled,
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
    plugins: [clean('dist'), nodeResolve(), typescriptPlugin(), keepDefiningEntry(), faceAssetsPlugin()],
  },
  // CDN: one classic script with everything in it (lit, languages, phone metadata), which defines
  // the element when a page loads it with `<script src>`. face-api and its models stay beside it
  // in `face/`, fetched only when a selfie step starts. `sri.json` lists integrity hashes.
  {
    input: 'src/verifik-enroll.ts',
    output: {
      dir: 'cdn',
      entryFileNames: 'verifik-enroll.js',
      format: 'iife',
      name: 'VerifikEnroll',
      sourcemap: true,
      inlineDynamicImports: true,
    },
    plugins: [
      clean('cdn'),
      nodeResolve(),
      typescriptPlugin(),
      terser({ ecma: 2022, format: { comments: false } }),
      faceAssetsPlugin(),
      sriPlugin(),
    ],
  },
];
