/**
 * Photos chosen or dropped by the person: which files are photos at all, and decoding them with
 * the browser's own decoders (JPEG, PNG, WebP everywhere; HEIC where the browser has it, as
 * Safari does).
 */

/** Why a file cannot be used as a photo. */
export type ImageFileProblem =
  /** A PDF or another kind of document. */
  | 'unsupported'
  /** A HEIC/HEIF photo this browser cannot decode. */
  | 'heic'
  /** Damaged, empty or too large. */
  | 'unreadable';

/** A file that cannot be used as a photo, and why. */
export class ImageFileError extends Error {
  constructor(
    readonly problem: ImageFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ImageFileError';
  }
}

/** Largest file accepted: phone cameras write 2–12 MB; anything larger is not a plain photo. */
export const MAX_IMAGE_FILE_BYTES = 20 * 1024 * 1024;

/** The file picker's `accept`: photos, including iPhones' HEIC. */
export const IMAGE_FILE_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif';

/** What a file claims to be, from its type and name (pure). */
export function imageFileKind(file: { name: string; type: string }): 'image' | 'heic' | 'other' {
  const type = file.type.toLowerCase();
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  if (type === 'image/heic' || type === 'image/heif' || extension === 'heic' || extension === 'heif') return 'heic';
  if (type.startsWith('image/')) return 'image';
  // Some systems give no type: trust a photo's extension, refuse anything else (PDFs included).
  return !type && ['jpg', 'jpeg', 'png', 'webp'].includes(extension) ? 'image' : 'other';
}

/** The decoded photo, upright as the camera meant it; an {@link ImageFileError} if it is not usable. */
export async function decodeImageFile(file: File): Promise<ImageBitmap> {
  const kind = imageFileKind(file);
  if (kind === 'other') throw new ImageFileError('unsupported', `${file.type || file.name} is not a photo`);
  if (file.size === 0 || file.size > MAX_IMAGE_FILE_BYTES) {
    throw new ImageFileError('unreadable', `the file has ${file.size} bytes`);
  }
  try {
    return await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImageFileError(kind === 'heic' ? 'heic' : 'unreadable', `the browser could not decode it: ${reason}`);
  }
}
