import sharp from 'sharp';
import { ApiError, verifikError } from '../errors.js';

/** Largest decoded image accepted, in bytes. */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;

const DATA_URI = /^data:image\/(?:jpeg|jpg|png|webp);base64,/i;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * The bytes of an image sent as base64, raw (as Verifik's clients send it) or as a data URI.
 * Not a string: 400. Not base64, or a data URI of another type: 412 `invalid_base64` (Verifik's
 * status for bad base64). Over {@link MAX_IMAGE_BYTES}: 413 `image_too_large`.
 */
export function decodeImage(value: unknown, field: string): Buffer {
  if (typeof value !== 'string') throw new ApiError(400, 'INVALID_TYPE', `${field} must be a base64 string`);
  const payload = value.replace(DATA_URI, '').replace(/\s+/g, '');
  if (!payload || payload.length % 4 !== 0 || !BASE64.test(payload)) {
    throw new ApiError(412, 'invalid_base64', `${field} must be a base64-encoded JPEG, PNG or WebP image`);
  }
  if ((payload.length / 4) * 3 > MAX_IMAGE_BYTES + 2) {
    throw new ApiError(413, 'image_too_large', `${field} must be at most ${MAX_IMAGE_BYTES / 1024 / 1024} MB`);
  }
  return Buffer.from(payload, 'base64');
}

/** A 422 `image_unreadable` unless the bytes are an image sharp can decode. */
export async function assertReadable(image: Buffer): Promise<void> {
  try {
    const { width, height } = await sharp(image).metadata();
    if (!width || !height) throw new Error('no size');
  } catch {
    throw verifikError(422, 'image_unreadable');
  }
}
