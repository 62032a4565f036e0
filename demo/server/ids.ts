import { randomBytes } from 'node:crypto';

/** Verifik ids are MongoDB ObjectIds: 24 lower-case hex digits. */
const OBJECT_ID = /^[0-9a-f]{24}$/;

/** Whether `value` has the shape of an ObjectId (24 hex digits). */
export const isObjectId = (value: unknown): value is string => typeof value === 'string' && OBJECT_ID.test(value);

/** A new ObjectId-shaped id: 4 bytes of seconds since the epoch, then 8 random bytes. */
export function newObjectId(now: Date = new Date()): string {
  const seconds = Math.floor(now.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  return seconds + randomBytes(8).toString('hex');
}
