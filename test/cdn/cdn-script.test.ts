import { expect, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../helpers/browser/wait.js';
import type { VerifikEnroll, VerifikOnboardingCompleteDetail } from '../../src/index.js';
import { fillSignUp, passCodes, person, press, skip, whenLoaded, whenStep } from '../helpers/browser/basic-flow.js';
import { DEMO, sandbox } from '../helpers/browser/sandbox.js';
import { cspFromDoc } from '../consumers/lib/csp-block.js';
import type { FromFaceWorker, ToFaceWorker } from '../../src/capture/face/engine/worker-protocol.js';

/**
 * The CDN build as an integrator uses it: a blank page whose only script is `cdn/verifik-enroll.js`
 * (a classic `<script src>` with its published integrity hash, no import map, no bundler; it
 * imports the rest from beside itself), served
 * from another origin as a CDN would (the sandbox serves `cdn/` at `/cdn/`). This file imports no
 * widget code: the element can only come from that script. Needs `npm run build` first (`npm test`
 * does it).
 */

const CDN = `${sandbox.url}/cdn/`;

/** What the policy blocked in the page (none may be). */
const violations: string[] = [];

/**
 * A same-origin blank page in an iframe holding the script and one `<verifik-enroll>`, under the
 * Content-Security-Policy that docs/integration.md recommends.
 */
async function blankPage(attributes: Record<string, string>): Promise<HTMLIFrameElement> {
  const sri = await fetch(`${CDN}sri.json`);
  expect(sri.ok, `${CDN}sri.json answers (is cdn/ built? run npm run build)`).to.equal(true);
  const integrity = ((await sri.json()) as Record<string, string>)['verifik-enroll.js'];
  const attributeText = Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 40rem; height: 50rem; border: 0';
  // The policy docs/integration.md recommends, as the page's own (a meta tag: a srcdoc page has no headers).
  const doc = await (await fetch('/docs/integration.md')).text();
  const csp = cspFromDoc(doc, { cdn: new URL(CDN).origin, api: sandbox.url }).replaceAll('"', '&quot;');
  frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CDN page</title>
<meta http-equiv="Content-Security-Policy" content="${csp}">
<script src="${CDN}verifik-enroll.js" integrity="${integrity}" crossorigin="anonymous"></script>
</head><body><verifik-enroll ${attributeText}></verifik-enroll></body></html>`;
  const loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  await loaded;
  frame.contentDocument!.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.violatedDirective} ${event.blockedURI}`),
  );
  return frame;
}

/** Resource URLs the page in `frame` has requested from the `face/` folder. */
const faceRequests = (frame: HTMLIFrameElement) =>
  frame
    .contentWindow!.performance.getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.includes('/face/'));

/** A face Worker the page in `frame` started: the files it was told to load, and its backend once ready. */
interface FaceWorkerSeen {
  urls: string[];
  backend?: string;
}

/** Records each Worker the page in `frame` starts from now on (the widget's face Worker is its only one). */
function watchFaceWorkers(frame: HTMLIFrameElement): FaceWorkerSeen[] {
  const seen: FaceWorkerSeen[] = [];
  const view = frame.contentWindow as Window & typeof globalThis;
  view.Worker = class extends view.Worker {
    private readonly seen: FaceWorkerSeen = { urls: [] };
    constructor(...args: ConstructorParameters<typeof Worker>) {
      super(...args);
      seen.push(this.seen);
      this.addEventListener('message', ({ data }: MessageEvent<FromFaceWorker>) => {
        if (data.type === 'ready') this.seen.backend = data.backend;
      });
    }
    override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
      const load = message as ToFaceWorker;
      if (load.type === 'load') this.seen.urls = [load.engineUrl, ...Object.values(load.urls)];
      super.postMessage(message, transfer as Transferable[]);
    }
  };
  return seen;
}

/** The CDN modules the page in `frame` has requested, by name without their content hash. */
const cdnModules = (frame: HTMLIFrameElement) =>
  frame
    .contentWindow!.performance.getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.startsWith(CDN) && name.endsWith('.js'))
    .map((name) => name.slice(CDN.length).replace(/(-[\w-]{8})?\.js$/, ''));

/**
 * The Basic flow against the sandbox, keeping nothing. This browser has no camera: the selfie step
 * itself is under test, not the phone.
 */
const BASIC_FLOW = {
  project: DEMO.project,
  flow: DEMO.basicFlow,
  'api-url': sandbox.url,
  'token-endpoint': `${sandbox.url}/api/verifik/registration`,
  persist: 'none',
  'cross-device': 'off',
};

describe('the CDN script in a blank page', function () {
  // A whole flow against the sandbox, on 2 busy cores: its waits end on steps, events and requests.
  this.timeout(120_000);

  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    frame?.remove();
    sessionStorage.clear();
  });

  it("fetches the first step's module together with the modules it imports, not one round trip later", async () => {
    frame = await blankPage(BASIC_FLOW);
    await frame.contentWindow!.customElements.whenDefined('verifik-enroll');
    await whenLoaded(frame.contentDocument!.querySelector('verifik-enroll') as VerifikEnroll);
    const entries = frame.contentWindow!.performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const signUp = entries.find((entry) => /\/sign-up-step-[\w-]{8}\.js$/.test(entry.name));
    expect(signUp, 'the sign-up step was fetched').to.not.equal(undefined);
    // The modules it imports, as the file says (a minified `from"./name-hash.js"`), but the core.
    const source = await (await fetch(signUp!.name)).text();
    const imported = [...source.matchAll(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g)]
      .map(([, file]) => new URL(file!, signUp!.name).href)
      .filter((url) => !/\/core-[\w-]{8}\.js$/.test(url));
    expect(imported.length, 'the sign-up step imports shared modules').to.be.greaterThan(0);
    for (const url of imported) {
      const entry = entries.find((candidate) => candidate.name === url);
      expect(entry, `${url} was fetched`).to.not.equal(undefined);
      // Without the parallel imports, the browser asks for it only after reading the step's module.
      expect(entry!.startTime, `${url} asked for before the sign-up module had arrived`).to.be.at.most(
        signUp!.responseEnd,
      );
    }
  });

  it('defines the element, completes the Basic flow, and fetches face assets only once the selfie step starts', async () => {
    frame = await blankPage(BASIC_FLOW);
    const page = frame.contentDocument!;
    expect(customElements.get('verifik-enroll'), 'the test page itself has no widget code').to.equal(undefined);
    // The classic script imports the core module from beside it, which defines the tag.
    await frame.contentWindow!.customElements.whenDefined('verifik-enroll');
    expect(page.querySelectorAll('script').length).to.equal(1);
    const element = page.querySelector('verifik-enroll') as VerifikEnroll;
    await whenLoaded(element);
    // Beside the script, resolved against its URL on the CDN's origin: the core, the sign-up, the
    // next step ahead, the phone plan of the flow's country; not the steps further on.
    const modules = cdnModules(frame);
    for (const name of ['verifik-enroll', 'core', 'sign-up-step', 'phone-numbers']) {
      expect(modules, name).to.include(name);
    }
    for (const name of ['document-step', 'liveness-step', 'signature-step', 'es', 'pt']) {
      expect(modules, name).to.not.include(name);
    }

    const who = person();
    const workers = watchFaceWorkers(frame);
    await fillSignUp(element, who);
    await passCodes(element, who);
    await skip(element, 'document');
    expect(faceRequests(frame), 'no face asset before the selfie step').to.deep.equal([]);

    await whenStep(element, 'liveness');
    // Any prefetch is queued as an idle callback (at most 2 s) when a step shows: later ones run after it.
    for (let round = 0; round < 2; round++) {
      await new Promise((resolve) => page.defaultView!.requestIdleCallback(resolve, { timeout: 2000 }));
    }
    expect(faceRequests(frame), 'none while the optional selfie step shows its primer').to.deep.equal([]);
    expect(workers, 'no face Worker while the primer shows').to.deep.equal([]);
    // Starting the camera starts the face Worker (this browser has no camera: the step then offers
    // Retry). The Worker imports face-worker.js, then loads the engine, starts the wasm backend and
    // loads both tiny models, from the package's one copy, ../dist/face/ beside cdn/. Its own
    // requests are in its own timeline (Firefox) or the page's (Chromium): what it was told to
    // load and its "ready" prove them, under the documented policy (the fallback would be "main").
    await press(element, '.actions button');
    const faceFolder = new URL('../dist/face/', CDN).href;
    await waitUntil(() => workers[0]?.backend, 'the face Worker is ready');
    expect(workers[0]!.backend).to.equal('wasm');
    expect(workers[0]!.urls).to.include.members(
      [
        'face-worker.js',
        'face-engine.js',
        'tfjs-backend-wasm-simd.wasm',
        'tiny_face_detector_model-weights_manifest.json',
        'tiny_face_detector_model.bin',
        'face_landmark_68_tiny_model-weights_manifest.json',
        'face_landmark_68_tiny_model.bin',
      ].map((file) => `${faceFolder}${file}`),
    );
    expect(
      [...workers[0]!.urls, ...faceRequests(frame)].filter((url) => !url.startsWith(faceFolder)),
      `face files from ${faceFolder} only`,
    ).to.deep.equal([]);

    const complete = oneEvent(element, 'verifik-complete') as Promise<CustomEvent<VerifikOnboardingCompleteDetail>>;
    await skip(element, 'liveness');
    if (element.getAttribute('step') === 'faceMatch') await skip(element, 'faceMatch');
    const { detail } = await complete;
    expect(detail.status).to.equal('COMPLETED_WITHOUT_KYC');
    expect(violations, 'nothing blocked by the documented policy').to.deep.equal([]);
  });
});
