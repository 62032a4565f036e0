import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { COLLECTIONS, type SandboxContext } from '../context.js';
import { newObjectId } from '../ids.js';
import type { OutboxRecord } from '../records.js';

/**
 * The dev outbox: the messages the sandbox "sent" (codes, links), where a developer reads them.
 * Their content is sealed (AES-256-GCM, key in the key file): the database never holds a code in
 * plain text. A message is kept only while what it carries is valid.
 */

export interface Message {
  subject: string;
  text: string;
  /** The one-time code it carries. */
  code?: string;
}

export interface Delivery {
  channel: OutboxRecord['channel'];
  to: string;
}

function seal(key: Buffer, message: Message): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(message), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function unseal(key: Buffer, sealed: string): Message {
  const bytes = Buffer.from(sealed, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8')) as Message;
}

/** "Sends" a message: kept, sealed, until `expiresAt`. */
export function deliver(
  context: SandboxContext,
  delivery: Delivery,
  message: Message,
  about: { client: string; appRegistration: string; validation?: string; expiresAt: Date },
): void {
  const now = context.now();
  purgeExpiredMessages(context);
  context.store.insert(COLLECTIONS.outbox, {
    _id: newObjectId(now),
    client: about.client,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    ...delivery,
    appRegistration: about.appRegistration,
    ...(about.validation ? { validation: about.validation } : {}),
    expiresAt: about.expiresAt.toISOString(),
    _sealed: seal(context.secret('outbox'), message),
  });
}

/** Forgets the messages whose content has expired. */
export function purgeExpiredMessages(context: SandboxContext): void {
  context.store.deleteBefore(COLLECTIONS.outbox, 'expiresAt', context.now());
}

/** The unexpired messages matching `where`, newest first, opened. */
export function readOutbox(
  context: SandboxContext,
  where: Partial<Record<'to' | 'channel' | 'appRegistration', string>>,
): (Omit<OutboxRecord, '_sealed'> & Message)[] {
  purgeExpiredMessages(context);
  const { items } = context.store.list(COLLECTIONS.outbox, context.client.id, where, { offset: 0, limit: 50 });
  const key = context.secret('outbox');
  return items.map(({ _sealed, ...record }) => ({ ...record, ...unseal(key, _sealed) }));
}
