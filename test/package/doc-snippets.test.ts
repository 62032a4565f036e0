import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { snippets } from '../consumers/lib/doc-snippets.js';
import { promisify } from 'node:util';

/**
 * Every code block of the README and docs/ is checked, so a snippet cannot rot:
 *   ts, tsx, js   type-checked together against the built package (`tsc`, strict for TypeScript)
 *   html, css     every attribute, CSS custom property and part of <verifik-enroll> they use exists
 *                 in custom-elements.json
 *   sh            every npm script exists, every package path they copy is published
 *   csp           run by the CDN page in test/consumers (the page is served under it)
 *   vue, and the Vite config beside it: built by the Vue app in test/consumers
 * A block without a language is output or a folder listing, not code.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const DOCS = ['README.md', 'docs/integration.md', 'docs/frameworks.md', 'docs/customizing.md'];
const CHECKED_ELSEWHERE = new Set(['csp', 'vue']);
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));

const all = DOCS.flatMap(snippets);
const element = manifest.modules
  .flatMap((module: { declarations?: unknown[] }) => module.declarations ?? [])
  .find((declaration: { tagName?: string }) => declaration.tagName === 'verifik-enroll');
const names = (list: { name: string }[] = []) => new Set(list.map((entry) => entry.name));

describe('README and docs snippets', () => {
  it('every code block has a language this test (or the consumer apps) checks', () => {
    const known = new Set(['ts', 'tsx', 'js', 'html', 'css', 'sh', '', ...CHECKED_ELSEWHERE]);
    const unknown = all.filter((snippet) => !known.has(snippet.lang));
    assert.deepEqual(
      unknown.map((snippet) => `${snippet.file}:${snippet.line} ${snippet.lang}`),
      [],
    );
  });

  it('TypeScript, TSX and JavaScript snippets type-check against the built package', async () => {
    const dir = join(ROOT, '.tmp', 'doc-snippets');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const code = all.filter((snippet) => ['ts', 'tsx', 'js'].includes(snippet.lang));
    assert.ok(code.length >= 8, `${code.length} snippets`);
    const files = code.map((snippet) => {
      const name = `${snippet.file.replace(/\W/g, '_')}_${snippet.line}.${snippet.lang}`;
      writeFileSync(join(dir, name), `${snippet.code}\nexport {};\n`);
      return { name, snippet };
    });
    // What the snippets leave to the reader: their server's constants, app and helpers.
    writeFileSync(
      join(dir, 'reader.d.ts'),
      `declare const VERIFIK_API_URL: string;
declare const VERIFIK_CLIENT_TOKEN: string;
declare const token: string;
declare function sendToServer(token: string): void;
declare const app: import('fastify').FastifyInstance;
declare module '@angular/core' {
  export const CUSTOM_ELEMENTS_SCHEMA: unknown;
  export function Component(options: { selector: string; standalone: boolean; schemas: unknown[]; template: string }): ClassDecorator;
}
declare module '@vitejs/plugin-vue' {
  export default function vue(options?: { template?: { compilerOptions?: { isCustomElement?: (tag: string) => boolean } } }): unknown;
}
`,
    );
    // TypeScript as strict as an integrator's project; JavaScript as a plain script is (no null checks).
    const options = {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      jsx: 'react-jsx',
      allowJs: true,
      checkJs: true,
      noEmit: true,
      experimentalDecorators: true,
      skipLibCheck: true,
      types: ['node'],
    };
    const projects = {
      ts: { strict: true, include: ['*.ts', '*.tsx'] },
      js: { strict: false, include: ['*.js', 'reader.d.ts'] },
    };
    const failures: string[] = [];
    for (const [name, { strict, include }] of Object.entries(projects)) {
      const config = join(dir, `tsconfig.${name}.json`);
      writeFileSync(config, JSON.stringify({ compilerOptions: { ...options, strict }, include }));
      try {
        await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', config], { cwd: ROOT });
      } catch (error) {
        failures.push(String((error as { stdout?: string }).stdout));
      }
    }
    // Name the Markdown file and line of each failing snippet.
    const located = files.reduce(
      (text, { name, snippet }) => text.replaceAll(name, `${snippet.file}:${snippet.line}`),
      failures.join('\n'),
    );
    assert.equal(located, '');
  });

  it('HTML and CSS snippets use only attributes, custom properties and parts the element has', () => {
    const attributes = names(element.attributes);
    const properties = names(element.cssProperties);
    const parts = names(element.cssParts);
    for (const snippet of all.filter((s) => s.lang === 'html' || s.lang === 'css')) {
      const where = `${snippet.file}:${snippet.line}`;
      for (const [, attrs = ''] of snippet.code.matchAll(/<verifik-enroll\b([^>]*)>/g)) {
        for (const [, name] of attrs.matchAll(/([a-z-]+)=/g))
          assert.ok(attributes.has(name!), `${where}: attribute ${name}`);
      }
      for (const [name] of snippet.code.matchAll(/--verifik-[a-z-]+/g))
        assert.ok(properties.has(name), `${where}: ${name}`);
      for (const [, name] of snippet.code.matchAll(/::part\(([a-z-]+)\)/g))
        assert.ok(parts.has(name!), `${where}: part ${name}`);
    }
  });

  it('shell snippets run npm scripts that exist and copy published paths', () => {
    for (const snippet of all.filter((s) => s.lang === 'sh')) {
      const where = `${snippet.file}:${snippet.line}`;
      for (const [, script] of snippet.code.matchAll(/npm (?:run )?(start|test|run [\w:-]+)/g)) {
        const name = script!.replace(/^run /, '');
        assert.ok(pkg.scripts[name], `${where}: npm script ${name}`);
      }
      for (const [, path] of snippet.code.matchAll(/node_modules\/verifik-enroll\/(\S+)/g)) {
        assert.ok(
          pkg.files.some((published: string) => path!.startsWith(`${published}/`) || path === published),
          `${where}: ${path} is published`,
        );
        assert.ok(existsSync(join(ROOT, path!)), `${where}: ${path} exists in the build`);
      }
    }
  });
});
