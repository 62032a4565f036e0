import { fileURLToPath } from 'node:url';

// A plain-JavaScript app, production build, no loaders or plugins: webpack 5 follows the
// package's `new URL('…', import.meta.url)` references and emits the face assets by itself.
export default {
  mode: 'production',
  entry: './src/index.js',
  output: { path: fileURLToPath(new URL('./dist/', import.meta.url)), clean: true },
  performance: { hints: false },
};
