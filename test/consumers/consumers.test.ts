import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startSandbox, type Sandbox } from '../../demo/server/sandbox.js';
import { installApp, installedPackage, locateFaceAssets, packPackage, ROOT, sh, WORK } from './lib/apps.js';
import { launchChromium, recordTraffic, waitForFirstStep, widgetErrors } from './lib/browser.js';
import { serveStatic, type StaticServer } from './lib/static-server.js';
import { snippets } from './lib/doc-snippets.js';
import { documentedCsp } from './lib/documented-csp.js';

/**
 * The package as integrators install it: `npm pack`, then the tarball installed into small real
 * apps kept in test/consumers/ (pinned versions), built with their own toolchains and opened in
 * Chromium against a sandbox started here. Nothing here imports src/.
 */

const APPS = ['vite-react', 'vite-vue', 'webpack', 'node-ssr'] as const;
const DEMO_PROJECT = '65a1d3e0c0ffee0000000001';

let sandbox: Sandbox;
let dataDir: string;
let browser: Browser;
let tarball: string;
const installed = new Map<string, Promise<string>>();
/** A flow whose selfie (mandatory) follows the sign-up: its face assets load from the first step. */
let selfieFlow: { project: string; flow: string };
const servers: StaticServer[] = [];

async function admin<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${sandbox.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.client.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
  return ((await response.json()) as { data: T }).data;
}

const appQuery = ({ project, flow }: { project: string; flow: string }) =>
  new URLSearchParams({ project, flow, api: sandbox.url, tokenEndpoint: `${sandbox.url}/api/verifik/registration` });

async function serve(routes: Record<string, string>, options?: Parameters<typeof serveStatic>[1]) {
  const server = await serveStatic(routes, options);
  servers.push(server);
  return server;
}

/** Opens `url`, waits for the first step, and answers the page with what it fetched. */
async function openApp(url: string, title?: string) {
  const page = await browser.newPage();
  const traffic = recordTraffic(page);
  await page.goto(url);
  await waitForFirstStep(page, title);
  return { page, ...traffic };
}

/**
 * Waits until the page has fetched every face asset the app's build emitted (the widget checks
 * them and loads the face guide on the step before the selfie), and asserts each answered 200.
 */
async function expectFaceAssetsFetched(
  page: Page,
  responses: { url: string; status: number }[],
  packageDir: string,
  outDir: string,
  base: string,
) {
  const located = locateFaceAssets(packageDir, outDir);
  const missing = [...located].filter(([, path]) => path === undefined).map(([name]) => name);
  assert.deepEqual(missing, [], 'the build emitted every face asset');
  const urls = [...located.values()].filter((path) => path !== 'inlined').map((path) => new URL(path!, base).href);
  assert.ok(urls.length >= 6, `at most one small file inlined (${urls.length} emitted)`);
  await page.waitForFunction(
    (expected) => {
      const fetched = new Set(performance.getEntriesByType('resource').map((entry) => entry.name));
      return expected.every((url) => fetched.has(url));
    },
    urls,
    { timeout: 60_000 },
  );
  for (const url of urls) {
    const answers = responses.filter((response) => response.url === url);
    assert.ok(answers.length > 0, `${url} was requested`);
    assert.ok(
      answers.every((response) => response.status === 200),
      `${url} answered ${answers.map((a) => a.status)}`,
    );
  }
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'verifik-consumers-'));
  tarball = await packPackage();
  // One install per app per run, side by side; the npm cache makes later runs fast.
  for (const app of APPS) installed.set(app, installApp(app, tarball));
  installed.forEach((promise) => promise.catch(() => undefined));
  sandbox = await startSandbox({ dataDir, port: 0 });
  const project = await admin<{ _id: string }>('/v2/projects', {
    name: 'Consumer app',
    allowedCountries: ['Colombia'],
  });
  const flow = await admin<{ _id: string }>('/v2/project-flows', {
    project: project._id,
    type: 'onboarding',
    status: 'active',
    onboardingSettings: {
      steps: {
        signUpForm: 'mandatory',
        basicInformation: 'skip',
        document: 'skip',
        liveness: 'mandatory',
        form: 'skip',
      },
      signUpForm: { email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
      liveness: { livenessMinScore: 0.65, maxAttempts: 3, searchMinScore: 0.85, searchMode: 'FAST' },
    },
  });
  selfieFlow = { project: project._id, flow: flow._id };
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('consumer apps, from the packed tarball', () => {
  it('Vite + React 19 + TypeScript: type-checks, builds, and verifik-enroll/react alone renders the first step and fetches every face asset', async () => {
    const dir = await installed.get('vite-react')!;
    await sh('node_modules/.bin/tsc', ['--noEmit'], dir);
    await sh('node_modules/.bin/vite', ['build'], dir);
    const app = await serve({ '/': join(dir, 'dist') });
    const { page, responses, pageErrors } = await openApp(`${app.url}/?${appQuery(selfieFlow)}`);
    await expectFaceAssetsFetched(page, responses, installedPackage(dir), join(dir, 'dist'), `${app.url}/`);
    assert.equal(await widgetErrors(page), '');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('Vite + Vue 3: the generated Vue typings check a template’s props; builds, binds attributes, a property (.prop strings) and events, renders the first step', async () => {
    const dir = await installed.get('vite-vue')!;
    // docs/frameworks.md's Vue recipe: its Vite config is this app's, its component is built here.
    const recipe = snippets('docs/frameworks.md');
    const viteConfig = recipe.find((snippet) => snippet.code.startsWith('// vite.config.js'))!;
    assert.equal(
      viteConfig.code.replace('// vite.config.js\n', ''),
      readFileSync(join(dir, 'vite.config.js'), 'utf8').replace(/\n+$/, ''),
    );
    writeFileSync(join(dir, 'src', 'Recipe.vue'), recipe.find((snippet) => snippet.lang === 'vue')!.code);
    await sh('node_modules/.bin/tsc', ['--noEmit'], dir);
    await sh('node_modules/.bin/vite', ['build'], dir);
    assert.match(readFileSync(join(dir, 'dist', 'index.html'), 'utf8'), /<script/);
    const app = await serve({ '/': join(dir, 'dist') });
    // The app overrides the sign-up title through the `strings` property.
    const query = appQuery({ project: DEMO_PROJECT, flow: '' });
    const { page, pageErrors } = await openApp(`${app.url}/?${query}`, 'Open your account');
    assert.equal(await widgetErrors(page), '');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('webpack 5, plain JavaScript, no configuration for assets: emits the face assets, renders the first step, fetches them', async () => {
    const dir = await installed.get('webpack')!;
    await sh('node_modules/.bin/webpack', ['--config', 'webpack.config.js'], dir);
    cpSync(join(dir, 'index.html'), join(dir, 'dist', 'index.html'));
    const app = await serve({ '/': join(dir, 'dist') });
    const { page, responses, pageErrors } = await openApp(`${app.url}/?${appQuery(selfieFlow)}`);
    await expectFaceAssetsFetched(page, responses, installedPackage(dir), join(dir, 'dist'), `${app.url}/`);
    assert.equal(await widgetErrors(page), '');
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  it('a face asset the build lost: `face_assets_unreachable` names its URL from the step before the selfie', async () => {
    const dir = await installed.get('webpack')!;
    const located = locateFaceAssets(installedPackage(dir), join(dir, 'dist'));
    const lost = located.get('tiny_face_detector_model.bin')!;
    rmSync(join(dir, 'dist', lost));
    const app = await serve({ '/': join(dir, 'dist') });
    const { page } = await openApp(`${app.url}/?${appQuery(selfieFlow)}`);
    await page.waitForFunction(() => document.body.dataset['errors']?.includes('face_assets_unreachable'), null, {
      timeout: 60_000,
    });
    assert.match(await widgetErrors(page), new RegExp(`^face_assets_unreachable: .* ${app.url}/${lost}$`, 'm'));
    await page.close();
  });

  it('a plain page on another origin: the CDN script with SRI under the CSP docs/integration.md recommends', async () => {
    const unpacked = join(WORK, 'cdn-package');
    rmSync(unpacked, { recursive: true, force: true });
    mkdirSync(unpacked, { recursive: true });
    await sh('tar', ['-xzf', tarball, '-C', unpacked], ROOT);
    const pkg = join(unpacked, 'package');
    const { version } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string };
    // A CDN serving the whole package, with CORS as public CDNs answer.
    const cdn = await serve(
      { [`/verifik-enroll@${version}/`]: pkg },
      { headers: { 'access-control-allow-origin': '*' } },
    );
    const script = `${cdn.url}/verifik-enroll@${version}/cdn/verifik-enroll.js`;
    const sri = JSON.parse(readFileSync(join(pkg, 'cdn', 'sri.json'), 'utf8')) as Record<string, string>;
    const page = join(WORK, 'cdn-page');
    rmSync(page, { recursive: true, force: true });
    cpSync(join(ROOT, 'test', 'consumers', 'cdn-page'), page, { recursive: true });
    const html = readFileSync(join(page, 'index.html'), 'utf8')
      .replaceAll('{{script}}', script)
      .replaceAll('{{integrity}}', sri['verifik-enroll.js']!);
    writeFileSync(join(page, 'index.html'), html);
    const csp = documentedCsp({ cdn: cdn.url, api: sandbox.url });
    // `localhost`, not 127.0.0.1: another origin than the CDN's and the sandbox's.
    const site = await serve({ '/': page }, { host: 'localhost', headers: { 'content-security-policy': csp } });
    const { page: tab, responses, pageErrors } = await openApp(`${site.url}/?${appQuery(selfieFlow)}`);
    const faceBase = `${cdn.url}/verifik-enroll@${version}/dist/face/`;
    await expectFaceAssetsFetched(tab, responses, pkg, join(pkg, 'dist', 'face'), faceBase);
    assert.equal(await widgetErrors(tab), '');
    assert.equal(await tab.evaluate(() => document.body.dataset['cspViolations'] ?? ''), '', 'no CSP violation');
    assert.deepEqual(pageErrors, []);
    await tab.close();
  });

  it('Node (SSR) imports every entry, with and without the `browser` condition (edge runtimes)', async () => {
    const dir = await installed.get('node-ssr')!;
    for (const conditions of [[], ['--conditions=browser']]) {
      const { stdout } = await sh(process.execPath, [...conditions, 'ssr.mjs'], dir);
      assert.match(stdout, /^ok /m, `node ${conditions.join(' ')} ssr.mjs`);
    }
  });
});
