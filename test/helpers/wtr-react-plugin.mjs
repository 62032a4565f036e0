/**
 * A web-test-runner plugin that lets browser tests import React: React ships CommonJS only, so
 * esbuild bundles `react`, `react/jsx-runtime` and `react-dom/client` once into ES modules that
 * share one copy of React (hooks need a single copy), served under `/__react/`.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
/** Bare import → file name of its ES module. */
const MODULES = { react: 'react', 'react/jsx-runtime': 'jsx-runtime', 'react-dom/client': 'react-dom-client' };
const DIR = join('.tmp', 'react-esm');

export function reactPlugin() {
  return {
    name: 'react-esm',
    async serverStart() {
      const sources = join(DIR, 'src');
      mkdirSync(sources, { recursive: true });
      const entryPoints = {};
      for (const [specifier, name] of Object.entries(MODULES)) {
        const names = Object.keys(require(specifier)).filter((key) => /^[A-Za-z_$][\w$]*$/.test(key));
        const file = join(sources, `${name}.mjs`);
        writeFileSync(
          file,
          `import m from '${specifier}';\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`,
        );
        entryPoints[name] = file;
      }
      await build({
        entryPoints,
        bundle: true,
        splitting: true,
        format: 'esm',
        outdir: join(DIR, 'out'),
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'error',
      });
    },
    resolveImport({ source }) {
      return Object.hasOwn(MODULES, source) ? `/__react/${MODULES[source]}.js` : undefined;
    },
    serve(context) {
      const match = /^\/__react\/([\w-]+\.js)$/.exec(context.path);
      if (match) return { body: readFileSync(join(DIR, 'out', match[1]), 'utf8'), type: 'js' };
      return undefined;
    },
  };
}
