import { DEFAULT_ASSETS_URL } from './assets-folder.js';

/**
 * The selfie step's run-time files: the face engine (face-api on a pruned tfjs), the Worker that
 * runs it, the tfjs wasm binaries and the two tiny models. Each is named with a literal `new URL('./face/…', import.meta.url)` so that a
 * bundler (Vite, webpack, Rollup) sees it, copies it into the app's build and gives its final
 * (possibly hashed) URL, with no configuration. The package's own build rewrites the literals to
 * the one copy it ships (scripts/face-assets.mjs); `assets-url` replaces them with a folder
 * (its default, {@link DEFAULT_ASSETS_URL}, is in `assets-folder.ts`).
 */
const BUNDLED = {
  'face-engine.js': new URL('./face/face-engine.js', import.meta.url).href,
  'face-worker.js': new URL('./face/face-worker.js', import.meta.url).href,
  'tfjs-backend-wasm.wasm': new URL('./face/tfjs-backend-wasm.wasm', import.meta.url).href,
  'tfjs-backend-wasm-simd.wasm': new URL('./face/tfjs-backend-wasm-simd.wasm', import.meta.url).href,
  'tiny_face_detector_model-weights_manifest.json': new URL(
    './face/tiny_face_detector_model-weights_manifest.json',
    import.meta.url,
  ).href,
  'tiny_face_detector_model.bin': new URL('./face/tiny_face_detector_model.bin', import.meta.url).href,
  'face_landmark_68_tiny_model-weights_manifest.json': new URL(
    './face/face_landmark_68_tiny_model-weights_manifest.json',
    import.meta.url,
  ).href,
  'face_landmark_68_tiny_model.bin': new URL('./face/face_landmark_68_tiny_model.bin', import.meta.url).href,
};

/** A file of the face assets, by its name in an `assets-url` folder. */
export type FaceAssetFile = keyof typeof BUNDLED;

/** Where each face asset is fetched from. */
export type FaceAssetUrls = Readonly<Record<FaceAssetFile, string>>;

/** Every face asset's URL: where the app's build put them, or in the `assets-url` folder given. */
export function faceAssetUrls(assetsUrl: string): FaceAssetUrls {
  if (assetsUrl === DEFAULT_ASSETS_URL) return BUNDLED;
  const inFolder = (name: FaceAssetFile) => [name, new URL(name, assetsUrl).href] as const;
  return Object.fromEntries((Object.keys(BUNDLED) as FaceAssetFile[]).map(inFolder)) as FaceAssetUrls;
}
