import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sriHash } from '../../scripts/sri.mjs';

/**
 * The built package (`npm run build`: dist/ and cdn/) as integrators get it: imported on a server
 * with no DOM, resolved through the `exports` map, typed, and the CDN files matching their
 * published integrity hashes.
 */

const ROOT = join(import.meta.dirname, '..', '..');

interface ManifestModule {
  path: string;
  exports?: { name: string; declaration: { module?: string } }[];
  declarations?: {
    customElement?: boolean;
    tagName?: string;
    events?: { name: string; type?: { text: string } }[];
    attributes?: { name: string; type?: { text: string } }[];
  }[];
}
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the npm package', () => {
  it('imports on a server with no window or document (SSR), through its exports map', async () => {
    assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    // The package imports itself by name, so these resolve through package.json `exports`.
    const api = await import('verifik-enroll');
    assert.equal(typeof api.VerifikEnroll, 'function');
    assert.equal(api.VERIFIK_COMPLETE, 'verifik-complete');
    const entry = await import('verifik-enroll/verifik-enroll.js');
    assert.equal(entry.VerifikEnroll, api.VerifikEnroll, 'one class, not two copies');
    const react = await import('verifik-enroll/react');
    assert.equal(typeof react.VerifikEnroll, 'object', 'a React component (forwardRef object)');
  });

  it('`verifik-enroll/react` defines the element in an app bundle (a bundler honours `sideEffects`)', async () => {
    // An app that imports only the React component, bundled as Vite or webpack would: the package's
    // `sideEffects` list decides what may be dropped. Without the defining import, React renders an
    // undefined <verifik-enroll> tag: a blank page.
    const { build } = await import('esbuild');
    const result = await build({
      stdin: { contents: "export { VerifikEnroll } from 'verifik-enroll/react';", resolveDir: ROOT },
      bundle: true,
      write: false,
      format: 'esm',
      // Its dependencies stay out (the app installs them); the package itself is bundled.
      external: Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).flatMap((name) => [name, `${name}/*`]),
      logLevel: 'silent',
    });
    const bundle = result.outputFiles[0]!.text;
    assert.match(bundle, /customElements\.define\(/, 'the bundle defines the tags');
    assert.match(bundle, /["']verifik-enroll["']/);
  });

  it('leaves its dependencies as bare imports, for the integrator to install once', () => {
    const root = readFileSync(join(ROOT, 'dist', 'enroll', 'verifik-enroll.js'), 'utf8');
    assert.match(root, /from 'lit'/);
    assert.match(root, /from '@lit\/task'/);
    assert.doesNotMatch(root, /node_modules/);
  });

  it('points `customElements`, `types` and every export at files the build made', () => {
    const paths = [pkg.customElements, pkg.types, pkg.main, pkg['web-types']];
    for (const target of Object.values(pkg.exports) as (string | Record<string, string>)[]) {
      if (typeof target === 'string') {
        if (!target.includes('*')) paths.push(target);
      } else paths.push(...Object.values(target));
    }
    for (const path of paths) assert.doesNotThrow(() => readFileSync(join(ROOT, path)), `${path} exists`);
    assert.equal(pkg.customElements, 'custom-elements.json');
    const manifest = JSON.parse(readFileSync(join(ROOT, pkg.customElements), 'utf8'));
    const modules = manifest.modules as ManifestModule[];
    assert.ok(modules.some((module) => module.path === 'dist/enroll/verifik-enroll.js'));
    for (const module of modules) {
      assert.doesNotThrow(() => readFileSync(join(ROOT, module.path)), `the manifest's ${module.path} ships`);
      for (const entry of module.exports ?? []) {
        if (entry.declaration.module)
          assert.match(entry.declaration.module, /^dist\//, `${module.path} exports ${entry.name}`);
      }
    }
  });

  it('lists only public elements in its manifest, with typed events and attributes', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, pkg.customElements), 'utf8'));
    const elements = (manifest.modules as ManifestModule[]).flatMap((module) =>
      (module.declarations ?? []).filter((declaration) => declaration.customElement),
    );
    assert.deepEqual(
      elements.map((element) => element.tagName),
      ['verifik-enroll'],
    );
    const [element] = elements;
    for (const event of element!.events ?? []) assert.ok(event.type?.text, `${event.name} has a type`);
    for (const attribute of element!.attributes ?? []) assert.ok(attribute.type?.text, `${attribute.name} has a type`);
  });

  it('type-checks an integrator’s TypeScript and React code against the built declarations', async () => {
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    await assert.doesNotReject(
      promisify(execFile)(tsc, ['-p', join(import.meta.dirname, 'consumer', 'tsconfig.json')], { cwd: ROOT }),
    );
  });
});

describe('the tarball', () => {
  const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
  const exec = promisify(execFile);

  it('passes publint --strict', async () => {
    await assert.doesNotReject(exec(bin('publint'), ['--strict'], { cwd: ROOT }));
  });

  it('has types for every entry as an ES module package (are-the-types-wrong, esm-only profile)', async () => {
    await assert.doesNotReject(exec(bin('attw'), ['--pack', '.', '--profile', 'esm-only'], { cwd: ROOT }));
  });

  it('would publish (npm publish --dry-run): licence, docs, changelog and one copy of the face assets', async () => {
    const { stdout } = await exec('npm', ['publish', '--dry-run', '--json'], { cwd: ROOT });
    const { files } = (JSON.parse(stdout) as Record<string, { files: { path: string }[] }>)['verifik-enroll']!;
    const paths = files.map((file) => file.path);
    for (const path of [
      'LICENSE',
      'CHANGELOG.md',
      'README.md',
      'docs/integration.md',
      'dist/face/face-engine.js',
      'dist/face/face-worker.js',
      'dist/editors/vscode.html-custom-data.json',
      'dist/editors/web-types.json',
      'dist/editors/jsx.d.ts',
      'dist/editors/vue.d.ts',
    ]) {
      assert.ok(paths.includes(path), `${path} is published`);
    }
    assert.deepEqual(
      paths.filter((path) => path.endsWith('face-engine.js')),
      ['dist/face/face-engine.js'],
      'one copy of the face assets',
    );
    assert.deepEqual(
      paths.filter((path) => path.endsWith('.map')),
      [],
      'no source maps pointing at unshipped sources',
    );
    assert.match(pkg.dependencies.lit, /^\^3\./, 'a caret range: apps on a newer Lit 3 share one copy');
    assert.ok(pkg.repository && pkg.homepage && pkg.bugs, 'repository metadata');
  });
});

describe('the CDN build', () => {
  it('is one script, with the face assets beside it and an integrity hash for each file', () => {
    const sri = JSON.parse(readFileSync(join(ROOT, 'cdn', 'sri.json'), 'utf8')) as Record<string, string>;
    assert.ok(sri['verifik-enroll.js'], 'the script has a hash');
    assert.ok(sri['../dist/face/face-engine.js'], 'the face engine (the one copy, in dist/face/) has a hash');
    assert.ok(sri['../dist/face/face-worker.js'], 'the face Worker (beside it) has a hash');
    for (const [file, hash] of Object.entries(sri)) {
      assert.equal(sriHash(readFileSync(join(ROOT, 'cdn', file))), hash, `${file} matches its hash`);
    }
    const script = readFileSync(join(ROOT, 'cdn', 'verifik-enroll.js'), 'utf8');
    assert.doesNotMatch(script, /^\s*import\s|\bfrom\s*["']lit["']/m, 'no module syntax: a classic script');
  });
});
