import type { BenchContext } from './types.js';
import { cameraBrowser } from './journeys.js';
import { DEMO } from './sandbox.js';
import { openWidget } from './widget-page.js';

/**
 * The naive upload to compare against: a full-resolution PNG data URL (`canvas.toDataURL`) of a
 * frame of the front camera (the selfie fixture) or the rear one (the ID card picture). Both film
 * still pictures, so every frame is the same one the widget captured.
 */
export async function cameraPngDataUrl(context: BenchContext, facingMode: 'user' | 'environment') {
  const browser = await cameraBrowser(context);
  try {
    const widget = await openWidget(browser, context.pagesUrl, {
      project: DEMO.project,
      flow: DEMO.basicFlow,
      'api-url': context.sandbox.url,
      persist: 'none',
      'document-image': await context.documentPicture(),
    });
    try {
      return await widget.page.evaluate(
        (facing) =>
          (
            window as unknown as {
              bench: { cameraPngLength(facing: string): Promise<{ width: number; height: number; length: number }> };
            }
          ).bench.cameraPngLength(facing),
        facingMode,
      );
    } finally {
      await widget.close();
    }
  } finally {
    await browser.close();
  }
}
