import { faceYaw } from './evaluate-face.js';
import type { FaceKeypoints } from './face-types.js';

/**
 * The optional active challenge: turn the head to one side, then the other, in an order drawn at
 * random so a recording cannot anticipate it. Pure: a state and one frame's keypoints in, the
 * next state out.
 */

/** A direction from the person's point of view. */
export type TurnDirection = 'left' | 'right';

export interface TurnChallenge {
  readonly sequence: readonly TurnDirection[];
  /** Index of the turn asked for now; `sequence.length` once every turn is done. */
  readonly index: number;
  /** Consecutive frames the current turn has been held. */
  readonly held: number;
}

/** Yaw (see {@link faceYaw}) a turn must reach. Frontal faces measure under 0.06. */
export const TURN_YAW = 0.18;
/** Frames a turn must be held, so one noisy landmark frame cannot pass it. */
export const TURN_HOLD_FRAMES = 2;

/** A challenge of both turns, in random order (`random` returns 0–1). */
export function startTurnChallenge(random: () => number = Math.random): TurnChallenge {
  return { sequence: random() < 0.5 ? ['left', 'right'] : ['right', 'left'], index: 0, held: 0 };
}

export const challengeDone = (challenge: TurnChallenge): boolean => challenge.index >= challenge.sequence.length;

/** The turn asked for now, or undefined when the challenge is done. */
export const currentTurn = (challenge: TurnChallenge): TurnDirection | undefined => challenge.sequence[challenge.index];

/**
 * The person's left is the image's right (the camera faces them), where the nose moves when they
 * turn left: positive yaw.
 */
export const turnOf = (yaw: number): TurnDirection | undefined =>
  yaw >= TURN_YAW ? 'left' : yaw <= -TURN_YAW ? 'right' : undefined;

/** The challenge after one frame: `keypoints` of the single face in view, or undefined. */
export function advanceTurnChallenge(challenge: TurnChallenge, keypoints: FaceKeypoints | undefined): TurnChallenge {
  const wanted = currentTurn(challenge);
  if (!wanted) return challenge;
  if (!keypoints || turnOf(faceYaw(keypoints)) !== wanted) return { ...challenge, held: 0 };
  const held = challenge.held + 1;
  return held >= TURN_HOLD_FRAMES ? { ...challenge, index: challenge.index + 1, held: 0 } : { ...challenge, held };
}
