import { waitUntil as waitUntilWithin } from '@open-wc/testing';

/**
 * Budget of a wait: long, because on a busy 2-core machine a step may take seconds. Waits end on
 * the awaited condition (an event, a request, analysed frames), never on the budget; it only
 * bounds a wait for something that never comes.
 */
const WAIT_BUDGET_MS = 60_000;

/** `@open-wc/testing`'s `waitUntil` without its 1 s default budget (see {@link WAIT_BUDGET_MS}). */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilWithin(predicate, message, { ...options, timeout: options.timeout ?? WAIT_BUDGET_MS });
}

/** Something that counts the frames it analysed (the face and document guides). */
export interface FrameCounter {
  framesAnalysed: number;
}

/**
 * Resolves once `counter` has analysed `count` more frames: how a test proves that something did
 * not happen over a stretch of frames, whatever the machine's speed.
 */
export async function framesLater(counter: FrameCounter, count: number): Promise<void> {
  const start = counter.framesAnalysed;
  await waitUntilWithin(() => counter.framesAnalysed >= start + count, `${count} more analysed frames`, {
    timeout: 60_000,
    interval: 20,
  });
}

/** Resolves after the browser has run the idle callbacks queued before this call (e.g. a prefetch). */
export const idleCallbacksRun = () => new Promise<void>((resolve) => requestIdleCallback(() => resolve()));

/** Resolves when `video` presents its next frame. */
export const nextVideoFrame = (video: HTMLVideoElement) =>
  new Promise<void>((resolve) => video.requestVideoFrameCallback(() => resolve()));
