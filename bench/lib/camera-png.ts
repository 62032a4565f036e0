import type { BenchContext } from './types.js';
import { fakeCamera, launchChromium } from './browser.js';
import { DEMO } from './sandbox.js';
import { openWidget } from './widget-page.js';

/**
 * The naive upload to compare against: a full-resolution PNG data URL (`canvas.toDataURL`) of a
 * frame of the fake camera playing `video` (a still picture, so every frame is the same one).
 */
export async function cameraPngDataUrl(context: BenchContext, video: 'selfie' | 'document') {
  const browser = await launchChromium(fakeCamera(await context.video(video)));
  try {
    const widget = await openWidget(browser, context.pagesUrl, {
      project: DEMO.project,
      flow: DEMO.basicFlow,
      'api-url': context.sandbox.url,
      persist: 'none',
    });
    try {
      return await widget.page.evaluate(() =>
        (
          window as unknown as {
            bench: { cameraPngLength(): Promise<{ width: number; height: number; length: number }> };
          }
        ).bench.cameraPngLength(),
      );
    } finally {
      await widget.close();
    }
  } finally {
    await browser.close();
  }
}
