import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  advanceTurnChallenge,
  challengeDone,
  currentTurn,
  startTurnChallenge,
  TURN_HOLD_FRAMES,
  type TurnChallenge,
} from '../../src/capture/face/turn-challenge.js';
import { syntheticFace } from '../helpers/node/synthetic-face.js';

/** Keypoints of a face turned by `yaw` (positive: the person's left). */
const turned = (yaw: number) => syntheticFace({ yaw }).keypoints;
const run = (challenge: TurnChallenge, frames: (number | undefined)[]) =>
  frames.reduce((state, yaw) => advanceTurnChallenge(state, yaw === undefined ? undefined : turned(yaw)), challenge);

describe('turn challenge', () => {
  it('draws the order at random', () => {
    assert.deepEqual(startTurnChallenge(() => 0.1).sequence, ['left', 'right']);
    assert.deepEqual(startTurnChallenge(() => 0.9).sequence, ['right', 'left']);
  });

  it('passes a sequence that turns left, then right, each held long enough', () => {
    const frames = [0, 0.02, 0.3, 0.32, 0.1, -0.01, -0.3, -0.28, 0];
    const done = run(
      startTurnChallenge(() => 0.1),
      frames,
    );
    assert.ok(challengeDone(done));
    assert.equal(currentTurn(done), undefined);
  });

  it('does not accept the turns in the wrong order', () => {
    const state = run(
      startTurnChallenge(() => 0.1),
      [-0.3, -0.3, -0.3, 0.3, 0.3],
    );
    // The right turn came first and did not count; the left turn then did.
    assert.equal(state.index, 1);
    assert.equal(currentTurn(state), 'right');
  });

  it('ignores a turn held for a single frame, and frames without a face reset the hold', () => {
    const state = run(
      startTurnChallenge(() => 0.1),
      [0.3, undefined, 0.3, 0, 0.3],
    );
    assert.equal(state.index, 0);
    assert.equal(state.held, 1);
    assert.equal(TURN_HOLD_FRAMES, 2);
  });

  it('ignores a small head movement', () => {
    const state = run(
      startTurnChallenge(() => 0.1),
      [0.1, 0.12, 0.15, 0.1],
    );
    assert.equal(state.index, 0);
  });

  it('stays done once done', () => {
    const done = run(
      startTurnChallenge(() => 0.9),
      [-0.3, -0.3, 0.3, 0.3],
    );
    assert.ok(challengeDone(done));
    assert.deepEqual(advanceTurnChallenge(done, turned(0)), done);
  });
});
