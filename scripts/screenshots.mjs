/**
 * `npm run screenshots`: a picture of every screen of the widget, for reviewers who do not want to
 * run the flow. Builds the widget when `src/` is newer than the build, starts a sandbox of its own
 * (on a free loopback port, with a throw-away database), opens the demo page in headless Chromium
 * with a fake camera, walks the seeded flows in English and Arabic (right to left) at 360 and
 * 1280 CSS px, and writes each screen in the light and the dark theme to `screenshots/` with an
 * `index.html` that shows them side by side.
 *
 * Run with tsx (the npm script does): it reads the translations and the test ID cards from their
 * TypeScript sources, so it drives the page by role and name in each language.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DEMO_IDS } from '../demo/server/seed.ts';
import { loadTranslation } from '../src/i18n/load-translation.ts';
import { idCardFront } from '../test/helpers/node/face-images.ts';
import { CHROME_ARGS, findChrome } from './system-tools.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'screenshots');
const LANGUAGES = ['en', 'ar'];
const WIDTHS = [360, 1280];
const THEMES = ['light', 'dark'];
/** How long one screen may take to appear: the sandbox checks photos with face detection on a busy CPU. */
const SCREEN_TIMEOUT = 60_000;

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );
}

/** Builds the widget (the demo page loads its CDN script) unless the build is newer than `src/`. */
function buildIfNeeded() {
  const script = join(ROOT, 'cdn', 'verifik-enroll.js');
  if (existsSync(script) && statSync(script).mtimeMs > newest(join(ROOT, 'src'))) return;
  console.log('Building the widget…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'rollup', 'dist', 'bin', 'rollup'), '-c'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** A sandbox of this run's own: a free port and a database that is deleted afterwards. */
async function startSandbox() {
  const dataDir = mkdtempSync(join(tmpdir(), 'verifik-screenshots-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'demo/server/main.ts', '--port', '0', '--json', '--data-dir', dataDir],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = await Promise.race([
    createInterface({ input: child.stdout })
      [Symbol.asyncIterator]()
      .next()
      .then(({ value }) => [value]),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`the sandbox exited (${code})`)))),
  ]);
  const { url } = JSON.parse(line);
  const stop = () => {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, stop };
}

/** The newest code the sandbox "sent" to `to`, other than `after`. */
async function latestCode(url, to, after = '') {
  for (let tries = 0; tries < 300; tries++) {
    const response = await fetch(`${url}/dev/outbox?to=${encodeURIComponent(to)}`);
    const code = (await response.json()).data[0]?.code ?? '';
    if (code && code !== after) return code;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no code reached ${to}`);
}

/** The screens, in the order a person meets them: it numbers their files. */
const SCREENS = [
  'sign-up',
  'sign-up-errors',
  'email-code',
  'email-code-wrong',
  'phone-code-channel',
  'phone-code',
  'document-type',
  'document-front',
  'document-camera',
  'document-review',
  'document-back',
  'selfie-primer',
  'selfie-camera',
  'done',
  'setup-error',
];

/** Every picture taken, for the index: numbered screen → files. */
const taken = new Map();

/** One run of the demo page in `lang` at `width`: helpers to drive it and to photograph it. */
async function openDemo(browser, url, { lang, width }, flow) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(SCREEN_TIMEOUT);
  await page.goto(`${url}/`);
  // The widget alone on the demo's page (same origin, same script), so that each picture shows
  // the widget at the page's width rather than the playground around it.
  await page.locator('#enroll').evaluate(
    (element, attributes) => {
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      element.ownerDocument.body.replaceChildren(element);
    },
    { persist: 'none', flow, lang },
  );
  const t = await loadTranslation(lang);
  const enroll = page.locator('#enroll');
  /** Photographs the widget in each theme as `name`. */
  async function shot(name) {
    const screen = `${String(SCREENS.indexOf(name) + 1).padStart(2, '0')}-${name}`;
    for (const theme of THEMES) {
      await enroll.evaluate((element, value) => {
        element.setAttribute('theme', value);
        element.ownerDocument.documentElement.dataset.theme = value;
      }, theme);
      // Two frames: the theme's styles are applied and painted.
      await enroll.evaluate(
        (element) =>
          new Promise((resolve) => {
            const window = element.ownerDocument.defaultView;
            window.requestAnimationFrame(() => window.requestAnimationFrame(resolve));
          }),
      );
      const file = `${screen}.${lang}.${width}.${theme}.png`;
      await enroll.screenshot({ path: join(OUT, file), animations: 'disabled' });
      if (!taken.has(screen)) taken.set(screen, []);
      taken.get(screen).push({ file, lang, width, theme });
    }
    console.log(`  ${screen} (${lang}, ${width} px)`);
  }

  const atStep = (step) => page.locator(`#enroll[step="${step}"]`).waitFor();
  const button = (name) => page.getByRole('button', { name, exact: true });
  const heading = (name) => page.getByRole('heading', { name, exact: true }).waitFor();

  /** Types a code into the boxes; `wrong` types a wrong one first and photographs the error as `wrongShot`. */
  async function enterCode(to, wrongShot) {
    const code = await latestCode(url, to);
    const first = page.getByRole('group', { name: t.code.label }).getByRole('textbox').first();
    await first.waitFor();
    if (wrongShot) {
      await first.click();
      await page.keyboard.type(String((Number(code) + 1) % 1_000_000).padStart(6, '0'));
      await page.locator('verifik-otp-input [part="error"]').waitFor();
      await shot(wrongShot);
      for (let box = 0; box < 6; box++) await page.keyboard.press('Backspace');
    }
    await first.click();
    await page.keyboard.type(code);
  }

  /** Sign-up and both codes, photographing each screen when `photograph`. */
  async function passSignUpAndCodes(photograph) {
    const who = {
      email: `screens.${Date.now()}@example.com`,
      phone: `300${String(Date.now() % 1e7).padStart(7, '0')}`,
    };
    await page.getByLabel(t.signUp.phone, { exact: true }).waitFor();
    if (photograph) {
      await shot('sign-up');
      await button(t.actions.continue).click();
      await page.getByText(t.signUp.required).first().waitFor();
      await shot('sign-up-errors');
    }
    await page.getByLabel(t.signUp.firstName, { exact: true }).fill('Ana María');
    await page.getByLabel(t.signUp.lastName, { exact: true }).fill('García');
    await page.getByLabel(t.signUp.email, { exact: true }).fill(who.email);
    await page.getByLabel(t.signUp.phone, { exact: true }).fill(`+57 ${who.phone}`);
    await page.getByLabel(t.signUp.terms, { exact: true }).check();
    await page.getByLabel(t.signUp.privacy, { exact: true }).check();
    await button(t.actions.continue).click();
    await atStep('emailCode');
    await heading(t.code.emailTitle);
    await page.getByRole('group', { name: t.code.label }).waitFor();
    if (photograph) await shot('email-code');
    await enterCode(who.email, photograph && 'email-code-wrong');
    await atStep('phoneCode');
    await button(t.code.send).waitFor();
    if (photograph) await shot('phone-code-channel');
    await button(t.code.send).click();
    await page.getByRole('group', { name: t.code.label }).waitFor();
    if (photograph) await shot('phone-code');
    await enterCode(`+57${who.phone}`);
  }

  return { page, t, shot, atStep, button, heading, passSignUpAndCodes };
}

/** The Full Verification flow: every screen up to the selfie camera. */
async function fullFlow(browser, url, run) {
  const { page, t, shot, atStep, button, heading, passSignUpAndCodes } = await openDemo(
    browser,
    url,
    run,
    DEMO_IDS.fullFlow,
  );
  await passSignUpAndCodes(true);
  await atStep('document');
  await page.getByText(t.document.chooseType, { exact: true }).waitFor();
  await shot('document-type');
  await button(t.actions.continue).click();
  await button(t.document.useCamera).waitFor();
  await shot('document-front');
  await button(t.document.useCamera).click();
  const video = await page.locator('verifik-document-step video').elementHandle();
  await page.waitForFunction((element) => element.readyState >= 2, video);
  await shot('document-camera');
  await button(t.document.uploadInstead).click();
  const upload = async (person) =>
    page.locator('verifik-document-step input[type="file"]').setInputFiles({
      name: 'id-card.jpg',
      mimeType: 'image/jpeg',
      buffer: await idCardFront(person),
    });
  await upload('cris');
  await heading(t.document.reviewTitle);
  await shot('document-review');
  await button(t.document.usePhoto).click();
  await heading(t.document.sideTitle.back);
  await shot('document-back');
  await upload(null);
  await heading(t.document.reviewTitle);
  await button(t.document.usePhoto).click();
  await atStep('liveness');
  await heading(t.liveness.title);
  await shot('selfie-primer');
  await button(t.liveness.start).click();
  // The fake camera shows no face: the guide says so once its models are loaded.
  await page.getByText(t.liveness.hints['no-face'], { exact: true }).waitFor();
  await shot('selfie-camera');
  await page.close();
}

/** The Basic flow with its optional KYC skipped: the last screen, and a setup error. */
async function basicFlow(browser, url, run) {
  const { page, t, shot, atStep, button, passSignUpAndCodes } = await openDemo(browser, url, run, DEMO_IDS.basicFlow);
  await passSignUpAndCodes(false);
  await atStep('document');
  await button(t.actions.skip).click();
  await atStep('liveness');
  await button(t.actions.skip).click();
  await page.getByRole('heading', { name: t.done.title, exact: true }).waitFor();
  await shot('done');
  await page.locator('#enroll').evaluate((element) => element.setAttribute('flow', '65a1d3e0c0ffee00000000ff'));
  await page.getByRole('heading', { name: t.setupErrorTitle, exact: true }).waitFor();
  await shot('setup-error');
  await page.close();
}

function writeIndex() {
  const figures = [...taken.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([screen, files]) => `<section>
  <h2>${screen}</h2>
  <div class="row">${files
    .map(
      ({ file, lang, width, theme }) =>
        `<figure><a href="${file}"><img src="${file}" alt="${screen}, ${lang}, ${width} px, ${theme}" loading="lazy" /></a><figcaption>${lang} · ${width} px · ${theme}</figcaption></figure>`,
    )
    .join('\n')}</div>
</section>`,
    )
    .join('\n');
  writeFileSync(
    join(OUT, 'index.html'),
    `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<title>verifik-enroll screens</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 24px; }
  .row { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
  figure { margin: 0; }
  img { max-width: 360px; border: 1px solid #ccc; }
  figcaption { font-size: 14px; color: #444; }
</style>
</head>
<body>
<h1>verifik-enroll: every screen</h1>
<p>English and Arabic (right to left), at 360 and 1280 CSS px, light and dark. Made by <code>npm run screenshots</code>.</p>
${figures}
</body>
</html>
`,
  );
}

buildIfNeeded();
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const sandbox = await startSandbox();
const executablePath = findChrome();
if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROME_PATH.');
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [...CHROME_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});
try {
  for (const lang of LANGUAGES) {
    for (const width of WIDTHS) {
      console.log(`${lang} at ${width} px`);
      await fullFlow(browser, sandbox.url, { lang, width });
      await basicFlow(browser, sandbox.url, { lang, width });
    }
  }
  writeIndex();
  const count = [...taken.values()].reduce((sum, files) => sum + files.length, 0);
  console.log(`${count} screenshots of ${taken.size} screens in ${OUT}; open index.html.`);
} finally {
  await browser.close();
  sandbox.stop();
}
