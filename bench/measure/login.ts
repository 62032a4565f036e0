import { base64, selfie } from '../../test/helpers/node/face-images.js';
import { STEP } from '../lib/drive-flow.js';
import { cameraBrowser, takeSelfie } from '../lib/journeys.js';
import { createFlow } from '../lib/sandbox.js';
import { median, round } from '../lib/stats.js';
import type { BenchContext, Measurement } from '../lib/types.js';
import { openWidget } from '../lib/widget-page.js';

interface LoginWindow {
  bench: { events: { type: string; at: number; detail: { type?: string; token?: string } }[] };
}

/**
 * A project where cris (the selfie fixture's face) completed a selfie-only registration, through
 * the sandbox's API, and whose login flow asks for the face alone.
 */
async function enrolledProject({ sandbox }: BenchContext): Promise<string> {
  const { project, flow } = await createFlow(sandbox, {
    steps: { signUpForm: 'mandatory', liveness: 'mandatory' },
    signUpForm: { email: true, emailGateway: 'none', phone: false, phoneGateway: 'none' },
  });
  const call = async (method: string, path: string, body: unknown, token?: string) => {
    const response = await fetch(sandbox.url + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    return ((await response.json()) as { data: { token: string; appRegistration: { _id: string } } }).data;
  };
  const signUp = { project, projectFlow: flow, email: `login.bench.${Date.now()}@example.com`, language: 'en' };
  const { token, appRegistration } = await call('POST', '/v2/app-registrations', signUp);
  const image = base64(await selfie('cris'));
  await call('POST', '/v2/biometric-validations/app-registration', { image, os: 'DESKTOP' }, token);
  await call('PUT', `/v2/app-registrations/${appRegistration._id}/sync`, { step: 'end', status: 'COMPLETED' }, token);
  await sandbox.admin('POST', '/v2/project-flows', {
    project,
    type: 'login',
    status: 'active',
    loginSettings: { faceLiveness: true, searchMode: 'FAST' },
  });
  return project;
}

/**
 * 8. Face-only login: from the login's first screen (its `verifik-step-change`) to the login
 * token (`verifik-complete`), in Chromium whose camera films the enrolled person: the person
 * presses Start, the guide captures on its own, the sandbox checks liveness and searches the
 * project's faces. Median of several logins, each a first visit.
 */
export const login: Measurement = {
  id: 'login',
  title: 'Face login',
  async run(context) {
    const logins = context.smoke ? 1 : 5;
    const project = await enrolledProject(context);
    const browser = await cameraBrowser(context);
    const samples: number[] = [];
    try {
      for (let run = 0; run < logins; run++) {
        const widget = await openWidget(browser, context.pagesUrl, {
          project,
          mode: 'login',
          'api-url': context.sandbox.url,
          lang: 'en',
          persist: 'none',
        });
        try {
          await widget.page.locator(`${STEP} .actions button`).first().waitFor({ timeout: 20_000 });
          await takeSelfie(widget.page);
          await widget.page.waitForFunction(
            () => (window as unknown as LoginWindow).bench.events.some((event) => event.type === 'verifik-complete'),
            undefined,
            { timeout: 60_000 },
          );
          const events = await widget.page.evaluate(() => (window as unknown as LoginWindow).bench.events);
          const shown = events.find((event) => event.type === 'verifik-step-change')!;
          const complete = events.find((event) => event.type === 'verifik-complete')!;
          if (complete.detail.type !== 'login' || !complete.detail.token) throw new Error('no login token');
          samples.push(complete.at - shown.at);
        } finally {
          await widget.close();
        }
      }
    } finally {
      await browser.close();
    }
    const time = median(samples);
    context.log(`  ${samples.length} logins, median ${round(time)} ms from the first screen to the token`);
    const problems = samples.every((sample) => sample > 0 && sample < 60_000) ? [] : ['impossible login times'];
    return {
      rows: [{ metric: 'face-only login: first screen → token (median)', value: `${round(time)} ms` }],
      data: { logins: samples.length, medianMs: round(time), samplesMs: samples.map(round) },
      problems,
    };
  },
};
