import type { CameraFixture } from '../../test/helpers/camera/camera-groups.mjs';
import type { BenchSandbox } from './sandbox.js';

/** One line of the printed table (and of the README section). */
export interface Row {
  metric: string;
  value: string;
  /** The target for this figure, when it has one. */
  target?: string;
  met?: boolean;
}

export interface MeasurementResult {
  rows: Row[];
  /** Everything measured, for results.json. */
  data: Record<string, unknown>;
  /** Why the figures cannot be right (a smoke run fails on any). */
  problems: string[];
  /** Set when the measurement could not run yet, with the reason. */
  skipped?: string;
}

export interface BenchContext {
  /** Tiny iteration counts: checks that every measurement still runs, in well under a minute. */
  smoke: boolean;
  /** Static server of the bench pages (`/bench/`), the build (`/build/`) and face-api's models (`/models/`). */
  pagesUrl: string;
  /** The sandbox the widget talks to (the API measurement starts its own). */
  sandbox: BenchSandbox;
  /** A fake-camera video (y4m) of one of the test fixtures. */
  video(name: CameraFixture): Promise<string>;
  /** URL path of a picture of an ID card on a table whose portrait is the selfie fixture's person. */
  documentPicture(): Promise<string>;
  log(line: string): void;
}

export interface Measurement {
  id: string;
  title: string;
  run(context: BenchContext): Promise<MeasurementResult>;
}
