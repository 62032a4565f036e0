import sharp, { type Metadata } from 'sharp';
import { ApiError, verifikError } from '../errors.js';

/** Largest decoded image accepted, in bytes. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** Largest image accepted, in pixels, and longest side: checked from the header, before decoding. */
export const MAX_PIXELS = 50_000_000;
const MAX_SIDE = 16_384;

const DATA_URI = /^data:image\/(?:jpeg|jpg|png|webp);base64,/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The formats accepted, by their first bytes (as sharp's decoders would otherwise also take SVG, GIF, TIFF…). */
const SIGNATURES: { format: 'jpeg' | 'png' | 'webp'; test: (bytes: Buffer) => boolean }[] = [
  { format: 'jpeg', test: (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff },
  {
    format: 'png',
    test: (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    format: 'webp',
    test: (bytes) => bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP',
  },
];

const tooLarge = (field: string, limit: string) =>
  new ApiError(413, 'image_too_large', `${field} must be at most ${limit}`);

/**
 * The bytes of an image sent as base64, raw (as Verifik's clients send it) or as a data URI.
 * Not a string: 400. Not base64, or a data URI of another type: 412 `invalid_base64` (Verifik's
 * status for bad base64). Over `maxBytes`: 413 `image_too_large`.
 */
export function decodeImage(value: unknown, field: string, maxBytes = MAX_IMAGE_BYTES): Buffer {
  if (typeof value !== 'string') throw new ApiError(400, 'INVALID_TYPE', `${field} must be a base64 string`);
  const payload = value.replace(DATA_URI, '').replace(/\s+/g, '');
  if (!payload || payload.length % 4 !== 0 || !BASE64.test(payload)) {
    throw new ApiError(412, 'invalid_base64', `${field} must be a base64-encoded JPEG, PNG or WebP image`);
  }
  if ((payload.length / 4) * 3 > maxBytes + 2) throw tooLarge(field, `${maxBytes / 1024 / 1024} MB`);
  return Buffer.from(payload, 'base64');
}

/**
 * Checks an image before anything is analysed or stored: bytes sharp reads as an image (422
 * `image_unreadable` otherwise), a JPEG, PNG or WebP by its first bytes (415
 * `image_type_not_allowed` for another format) whose header is that format, and at most {@link MAX_PIXELS} (422 `image_too_large`). With `complete`,
 * also decodes it whole, so a truncated file is refused (422 `image_unreadable`).
 */
export async function checkImage(image: Buffer, field: string, options: { complete?: boolean } = {}): Promise<void> {
  const format = SIGNATURES.find(({ test }) => test(image))?.format;
  let metadata: Metadata;
  try {
    metadata = await sharp(image).metadata();
  } catch {
    throw verifikError(422, 'image_unreadable');
  }
  // An image, but of a format the sandbox does not take (SVG, GIF, TIFF…): a distinct refusal.
  if (!format) throw new ApiError(415, 'image_type_not_allowed', `${field} must be a JPEG, PNG or WebP image`);
  const { width = 0, height = 0 } = metadata;
  if (metadata.format !== format || !width || !height) throw verifikError(422, 'image_unreadable');
  if (width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
    throw new ApiError(422, 'image_too_large', `${field} must have at most ${MAX_PIXELS} pixels`);
  }
  if (options.complete) {
    try {
      await sharp(image, { failOn: 'truncated', limitInputPixels: MAX_PIXELS }).raw().toBuffer();
    } catch {
      throw verifikError(422, 'image_unreadable');
    }
  }
}
