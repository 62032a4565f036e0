import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SessionStore, type SavedSession } from '../../src/session/session-store.js';

/** An in-memory Storage. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const session: SavedSession = {
  appRegistrationId: 'r1',
  token: 'jwt',
  machine: { flowId: 'f', steps: [], index: 0, outcomes: {}, attempts: {}, status: 'running' },
  fields: { email: 'ana@example.com' },
};

describe('SessionStore', () => {
  test('saves, loads and clears one flow’s session', () => {
    const storage = memoryStorage();
    const store = new SessionStore(storage, 'p', 'f');
    store.save(session);
    assert.deepEqual(store.load(), session);
    assert.equal(new SessionStore(storage, 'p', 'other').load(), undefined, 'sessions are per flow');
    store.clear();
    assert.equal(store.load(), undefined);
  });

  test('ignores broken or foreign data', () => {
    const storage = memoryStorage();
    const store = new SessionStore(storage, 'p', 'f');
    for (const value of ['{', 'null', '42', '{"token":"x"}', '{"appRegistrationId":1,"token":"x"}']) {
      storage.items.set('verifik-enroll:p:f', value);
      assert.equal(store.load(), undefined, value);
    }
    storage.items.set('verifik-enroll:p:f', JSON.stringify({ ...session, fields: { a: 1 } }));
    assert.deepEqual(store.load()!.fields, {}, 'fields that are not strings are dropped');
  });

  test('works, without persisting, when storage is off or throws', () => {
    const off = new SessionStore(undefined, 'p', 'f');
    off.save(session);
    assert.equal(off.load(), undefined);
    const throwing = new SessionStore(
      {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('quota');
        },
        removeItem: () => {
          throw new Error('denied');
        },
      },
      'p',
      'f',
    );
    assert.doesNotThrow(() => throwing.save(session));
    assert.equal(throwing.load(), undefined);
    assert.doesNotThrow(() => throwing.clear());
  });
});
