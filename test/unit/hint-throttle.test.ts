import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HintThrottle } from '../../src/capture/hint-throttle.js';

describe('HintThrottle', () => {
  it('shows a hint once it has held for the given frames', () => {
    const hints = new HintThrottle<string>(3, 1000);
    assert.equal(hints.offer('blurry', 0), false);
    assert.equal(hints.offer('blurry', 100), false);
    assert.equal(hints.offer('blurry', 200), true);
    assert.equal(hints.shown, 'blurry');
    assert.equal(hints.offer('blurry', 300), false, 'the same hint is not announced again');
  });

  it('ignores a hint that flickers, and changes at most once per interval', () => {
    const hints = new HintThrottle<string>(2, 1000);
    hints.offer('dark', 0);
    hints.offer('dark', 100);
    assert.equal(hints.shown, 'dark');
    hints.offer('glare', 200);
    hints.offer('dark', 300);
    hints.offer('glare', 400);
    assert.equal(hints.shown, 'dark', 'a one-frame hint never shows');
    assert.equal(hints.offer('glare', 500), false, 'held, but too soon after the last change');
    assert.equal(hints.offer('glare', 1100), true);
    assert.equal(hints.shown, 'glare');
  });

  it('forgets everything on reset', () => {
    const hints = new HintThrottle<string>(1, 1000);
    hints.offer('ok', 0);
    hints.reset();
    assert.equal(hints.shown, undefined);
    assert.equal(hints.offer('ok', 10), true);
  });
});
