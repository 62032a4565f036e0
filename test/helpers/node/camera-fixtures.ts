import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { CAMERA_FIXTURES, type CameraFixture } from '../camera/camera-groups.mjs';
import { cardOnTable } from './document-scenes.js';
import { noFace, selfie } from './face-images.js';

/**
 * Videos for Chromium's fake camera (`--use-file-for-fake-video-capture`), made at test time:
 * still pictures built from the face photos in `@vladmandic/face-api/demo/` (see face-images.ts),
 * turned into y4m (I420, which Chromium plays and loops) by ffmpeg. The same pictures, fitted into
 * the frame, also go into a JSON file for browsers whose fake camera cannot play a file (Firefox:
 * see test/helpers/browser/canvas-camera.ts). Nothing is committed.
 */

const FPS = 15;

interface Scene {
  /** The picture, any size: it is fitted into the fixture's frame. */
  image: Buffer;
  /** How long it stays on screen. */
  seconds: number;
}

const background = (width: number, height: number, color: string) =>
  sharp({ create: { width, height, channels: 3, background: color } });

/** Two people side by side. */
async function twoFaces(): Promise<Buffer> {
  const half = async (person: 'ana' | 'bea') =>
    sharp(await selfie(person))
      .resize(320, 480, { fit: 'cover' })
      .toBuffer();
  return background(640, 480, '#808080')
    .composite([
      { input: await half('ana'), left: 0, top: 0 },
      { input: await half('bea'), left: 320, top: 0 },
    ])
    .png()
    .toBuffer();
}

/**
 * The selfie with its face moved `shift` pixels sideways (negative: to the image's left), on
 * grey: the whole face stays in view, its centre a third of the frame from the middle.
 */
async function shiftedSelfie(shift: number): Promise<Buffer> {
  const photo = await selfie('cris');
  const kept = await sharp(photo)
    .extract({ left: Math.max(0, -shift), top: 0, width: 640 - Math.abs(shift), height: 480 })
    .toBuffer();
  return background(640, 480, '#808080')
    .composite([{ input: kept, left: Math.max(0, shift), top: 0 }])
    .png()
    .toBuffer();
}

/**
 * The selfie at 40 % in the middle of the frame: a face too far away. Measured with the guide's
 * tiny detector: at 44 % its box (wider than the face) reaches the guide's 22 % of the frame's
 * width and the face passes; at 33 % it finds no face.
 */
async function smallSelfie(): Promise<Buffer> {
  const photo = await sharp(await selfie('cris'))
    .resize(256, 192)
    .toBuffer();
  return background(640, 480, '#808080')
    .composite([{ input: photo, left: 192, top: 144 }])
    .png()
    .toBuffer();
}

const SCENES: Record<CameraFixture, () => Promise<Scene[]>> = {
  document: async () => [{ image: await cardOnTable(), seconds: 1 }],
  'document-blurred': async () => [{ image: await cardOnTable({ blur: 12 }), seconds: 1 }],
  selfie: async () => [{ image: await selfie('cris'), seconds: 1 }],
  // Frontal, then turned to her left, then (mirrored) to her right, for the turn challenge.
  turns: async () => [
    { image: await selfie('cris'), seconds: 2 },
    { image: await selfie('eve'), seconds: 2 },
    {
      image: await sharp(await selfie('eve'))
        .flop()
        .png()
        .toBuffer(),
      seconds: 2,
    },
  ],
  empty: async () => [{ image: await noFace(), seconds: 1 }],
  'two-faces': async () => [{ image: await twoFaces(), seconds: 1 }],
  // The face far to the image's left, then far to its right, then small in the middle, looped.
  'off-centre': async () => [
    { image: await shiftedSelfie(-200), seconds: 3 },
    { image: await shiftedSelfie(200), seconds: 3 },
    { image: await smallSelfie(), seconds: 3 },
  ],
};

/** A fixture's pictures as the canvas camera shows them, in turn and looped. */
export interface CameraScenes {
  width: number;
  height: number;
  fps: number;
  /** Each picture: a base64 PNG of the frame's size, and how long it stays on screen. */
  scenes: { seconds: number; png: string }[];
}

/**
 * Writes `<dir>/<name>.scenes.json` (a {@link CameraScenes}) unless it exists; returns its path.
 * Each picture is fitted into the frame on black, as the video's ffmpeg `scale`/`pad` does.
 */
export async function makeCameraScenes(name: CameraFixture, dir: string): Promise<string> {
  const target = join(dir, `${name}.scenes.json`);
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  const { width, height } = CAMERA_FIXTURES[name];
  const fitted = async ({ image, seconds }: Scene) => {
    const png = await sharp(image).resize(width, height, { fit: 'contain', background: '#000000' }).png().toBuffer();
    return { seconds, png: png.toString('base64') };
  };
  const scenes: CameraScenes = {
    width,
    height,
    fps: FPS,
    scenes: await Promise.all((await SCENES[name]()).map(fitted)),
  };
  // Written whole, then renamed: a run that stops halfway leaves no truncated file behind.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, JSON.stringify(scenes));
  renameSync(partial, target);
  return target;
}

/** Writes `<dir>/<name>.y4m` with ffmpeg unless it exists; returns its path. */
export async function makeCameraFixture(name: CameraFixture, dir: string): Promise<string> {
  const target = join(dir, `${name}.y4m`);
  if (existsSync(target)) return target;
  mkdirSync(dir, { recursive: true });
  const { width, height } = CAMERA_FIXTURES[name];
  const work = mkdtempSync(join(dir, `${name}-`));
  try {
    const scenes = await SCENES[name]();
    const list: string[] = [];
    for (const [index, scene] of scenes.entries()) {
      // One format for every scene: the concat demuxer decodes them all with the first one's codec.
      const file = join(work, `${index}.png`);
      writeFileSync(file, await sharp(scene.image).png().toBuffer());
      list.push(`file '${file}'`, `duration ${scene.seconds}`);
    }
    // The concat demuxer ignores the last duration unless the last file is listed again.
    list.push(list.at(-2)!);
    writeFileSync(join(work, 'scenes.txt'), list.join('\n'));
    const output = join(work, 'out.y4m');
    execFileSync(
      'ffmpeg',
      [
        '-loglevel',
        'error',
        '-f',
        'concat',
        '-safe',
        '0',
        '-i',
        join(work, 'scenes.txt'),
        '-vf',
        `scale=${width}:${height}:force_original_aspect_ratio=decrease,pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2,fps=${FPS},format=yuv420p`,
        '-y',
        output,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    renameSync(output, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
