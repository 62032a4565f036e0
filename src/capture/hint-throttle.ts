/**
 * Keeps a capture hint from flickering and from flooding a screen reader: a new hint must hold
 * for a few consecutive frames, and the shown hint changes at most once per interval. Pure (the
 * caller passes the clock), so it is unit-tested.
 */
export class HintThrottle<T> {
  /** The hint to show, undefined before the first one settles. */
  shown: T | undefined;

  private pending: { hint: T; frames: number } | undefined;
  private shownAt = -Infinity;

  constructor(
    /** Consecutive frames a new hint must hold before it is shown. */
    private readonly frames = 3,
    /** Least time between two changes of the shown hint, in ms. */
    private readonly intervalMs = 1200,
  ) {}

  /** Offers the latest frame's hint at time `now` (ms); answers whether the shown hint changed. */
  offer(hint: T, now: number): boolean {
    if (hint === this.shown) {
      this.pending = undefined;
      return false;
    }
    const frames = this.pending?.hint === hint ? this.pending.frames + 1 : 1;
    this.pending = { hint, frames };
    if (frames < this.frames || now - this.shownAt < this.intervalMs) return false;
    this.shown = hint;
    this.shownAt = now;
    this.pending = undefined;
    return true;
  }

  /** Forgets every hint (a new capture starts). */
  reset(): void {
    this.shown = undefined;
    this.pending = undefined;
    this.shownAt = -Infinity;
  }
}
