/**
 * Server commands that may outlast web-test-runner's fixed 20 s budget for one command (starting a
 * sandbox, making an image with sharp) on a busy machine. Such a command answers within
 * {@link SLICE_MS} either its result or `{pending: true}`; the browser asks again until it gets the
 * result (`longServerCommand` in `test/helpers/browser/server-command.ts`). The work runs once.
 */
import { setTimeout as delay } from 'node:timers/promises';

const SLICE_MS = 10_000;
const PENDING = Object.freeze({ pending: true });

/** Work under way or done, by key, so that asking again joins it instead of starting it again. */
export class LongWork {
  #work = new Map();

  /**
   * Answers the result of `start()` (run once per `key` until {@link forget}) if it settles within
   * one slice, else `{pending: true}`.
   */
  async answer(key, start) {
    if (!this.#work.has(key)) {
      const work = start();
      work.catch(() => this.#work.delete(key)); // A failure is reported once; asking again retries.
      this.#work.set(key, work);
    }
    return Promise.race([this.#work.get(key), delay(SLICE_MS).then(() => PENDING)]);
  }

  /** Lets `key` run again on the next {@link answer}. */
  forget(key) {
    this.#work.delete(key);
  }
}
