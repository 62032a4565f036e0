import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { faceAssetsPlugin } from './scripts/face-assets.mjs';

const plugins = () => [
  nodeResolve(),
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts'],
    compilerOptions: { noEmit: false, declaration: false, sourceMap: true },
  }),
  terser({ ecma: 2022, module: true, format: { comments: false } }),
  faceAssetsPlugin(),
];

export default [
  // ES module: `<script type="module">` or a bundler import. Languages other than English load
  // as separate chunks on first use.
  {
    input: 'src/verifik-enroll.ts',
    output: {
      dir: 'dist',
      format: 'es',
      sourcemap: true,
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
    },
    plugins: plugins(),
  },
  // Classic `<script src>`: one file, no module loader needed.
  {
    input: 'src/verifik-enroll.ts',
    output: {
      file: 'dist/verifik-enroll.iife.js',
      format: 'iife',
      name: 'VerifikEnroll',
      sourcemap: true,
      inlineDynamicImports: true,
    },
    plugins: plugins(),
  },
];
