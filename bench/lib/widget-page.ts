import type { Browser, BrowserContext, Page } from 'playwright';
import { type NetworkLog, recordNetwork } from './browser.js';

export interface WidgetPage {
  context: BrowserContext;
  page: Page;
  network: NetworkLog;
  close(): Promise<void>;
}

/**
 * A first visit (new browser context: empty cache, no session) to the bench's widget page
 * (`bench/pages/enroll.html`) configured by `attributes`, with its network recorded.
 */
export async function openWidget(
  browser: Browser,
  pagesUrl: string,
  attributes: Record<string, string>,
): Promise<WidgetPage> {
  const context = await browser.newContext();
  const network = recordNetwork(context);
  const page = await context.newPage();
  // A page error is a bug to see in the bench's output, not a silent stall.
  page.on('pageerror', (error) => console.error(`  page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`  console error: ${message.text()}`);
  });
  const url = new URL('/bench/enroll.html', pagesUrl);
  for (const [name, value] of Object.entries(attributes)) url.searchParams.set(name, value);
  await page.goto(url.href);
  return { context, page, network, close: () => context.close() };
}

/** Waits until the first step's first input is rendered and enabled; answers the page's timings (ms since navigation). */
export async function waitInteractive(page: Page, timeout = 20_000) {
  await page.waitForFunction(
    () => {
      const { bench } = window as unknown as { bench: { interactiveAt?: number; readyAt?: number } };
      return bench.interactiveAt !== undefined && bench.readyAt !== undefined;
    },
    undefined,
    { timeout },
  );
  return page.evaluate(() => {
    const { bench } = window as unknown as { bench: { interactiveAt: number; readyAt: number } };
    const script = performance
      .getEntriesByType('resource')
      .find((entry) => new URL(entry.name).pathname === '/build/verifik-enroll.js') as PerformanceResourceTiming;
    return { readyAt: bench.readyAt, interactiveAt: bench.interactiveAt, scriptLoadedAt: script.responseEnd };
  });
}
