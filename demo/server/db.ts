import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { checkJsonText } from './json-bounds.js';
import type { CollectionName, Collections } from './records.js';

export interface Page<T> {
  items: T[];
  total: number;
}

/** Equality filters on top-level fields of a collection's records. */
export type Where<C extends CollectionName> = Partial<Record<Extract<keyof Collections[C], string>, string>>;

/** Schema changes, applied in order; `PRAGMA user_version` records how many have run. */
const MIGRATIONS = [
  `CREATE TABLE documents (
     collection TEXT NOT NULL,
     _id TEXT NOT NULL,
     client TEXT NOT NULL,
     created_at TEXT NOT NULL,
     doc TEXT NOT NULL,
     PRIMARY KEY (collection, _id)
   );
   CREATE INDEX documents_by_client ON documents (collection, client, created_at);
   CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Counted events (codes sent per contact and per client address) for time-window limits.
  `CREATE TABLE events (kind TEXT NOT NULL, key TEXT NOT NULL, at INTEGER NOT NULL);
   CREATE INDEX events_by_key ON events (kind, key, at);`,
  // The fields records are looked up by (see INDEXED_FIELDS): without these, the sign-up's search
  // for earlier registrations of an email or phone read every registration of the client.
  `CREATE INDEX IF NOT EXISTS documents_by_email ON documents (collection, client, json_extract(doc, '$.email'), created_at);
   CREATE INDEX IF NOT EXISTS documents_by_phone ON documents (collection, client, json_extract(doc, '$.phone'), created_at);
   CREATE INDEX IF NOT EXISTS documents_by_registration ON documents (collection, json_extract(doc, '$.appRegistration'));
   CREATE INDEX IF NOT EXISTS documents_by_status ON documents (collection, json_extract(doc, '$.status'));`,
];

/**
 * Fields with an index on their JSON value (migration 3). A query uses such an index only when
 * the JSON path is written in its text, not bound as a parameter.
 */
const INDEXED_FIELDS = new Set(['email', 'phone', 'appRegistration', 'status']);

/** The SQL for the top-level `field` of a record, and the parameters it binds. */
function jsonField(field: string): { sql: string; params: string[] } {
  return INDEXED_FIELDS.has(field)
    ? { sql: `json_extract(doc, '$.${field}')`, params: [] }
    : { sql: 'json_extract(doc, ?)', params: [`$.${field}`] };
}

/** Owner-only: the database holds people's contact details, face descriptors and signatures. */
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/** Creates (or keeps) `file` readable by its owner only. */
export function privateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', PRIVATE_FILE));
  chmodSync(file, PRIVATE_FILE);
}

/** Creates (or keeps) `folder` accessible to its owner only. */
export function privateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER });
  chmodSync(folder, PRIVATE_FOLDER);
}

/**
 * The sandbox's embedded database: one SQLite file holding JSON documents by collection, the way
 * Verifik's MongoDB collections hold them, so each endpoint stores what it was sent.
 */
export class Store {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  /** Opens (creating if needed) `sandbox.db` inside `dataDir`; folder and files owner-only. */
  static open(dataDir: string): Store {
    privateFolder(dataDir);
    const file = join(dataDir, 'sandbox.db');
    privateFile(file);
    const store = new Store(file);
    // SQLite gives its journal files the database's mode; files left by an older start are fixed.
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) chmodSync(file + suffix, PRIVATE_FILE);
    return store;
  }

  private migrate(): void {
    const applied = this.db.pragma('user_version', { simple: true }) as number;
    for (const [index, sql] of MIGRATIONS.entries()) {
      if (index < applied) continue;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${index + 1}`);
      })();
    }
  }

  /**
   * Runs `work` in one transaction: what it reads is what it writes on (no other request's write
   * can come between), and a throw undoes every write. `work` must not await.
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** JSON of a record, bounded like every body the sandbox reads. */
  private static serialize(doc: object): string {
    const json = JSON.stringify(doc);
    checkJsonText(json);
    return json;
  }

  insert<C extends CollectionName>(collection: C, doc: Collections[C]): Collections[C] {
    this.db
      .prepare('INSERT INTO documents (collection, _id, client, created_at, doc) VALUES (?, ?, ?, ?, ?)')
      .run(collection, doc._id, doc.client, doc.createdAt, Store.serialize(doc));
    return doc;
  }

  replace<C extends CollectionName>(collection: C, doc: Collections[C]): Collections[C] {
    this.db
      .prepare('UPDATE documents SET doc = ? WHERE collection = ? AND _id = ?')
      .run(Store.serialize(doc), collection, doc._id);
    return doc;
  }

  delete(collection: CollectionName, id: string): void {
    this.db.prepare('DELETE FROM documents WHERE collection = ? AND _id = ?').run(collection, id);
  }

  /** Deletes the records of `collection` whose top-level `field` equals `value`; how many. */
  deleteWhere<C extends CollectionName>(
    collection: C,
    field: Extract<keyof Collections[C], string>,
    value: string,
  ): number {
    const json = jsonField(field);
    return this.db
      .prepare(`DELETE FROM documents WHERE collection = ? AND ${json.sql} = ?`)
      .run(collection, ...json.params, value).changes;
  }

  /** Deletes the records of `collection` whose top-level `field` (an ISO time) is before `time`. */
  deleteBefore<C extends CollectionName>(
    collection: C,
    field: Extract<keyof Collections[C], string>,
    time: Date,
  ): number {
    return this.db
      .prepare('DELETE FROM documents WHERE collection = ? AND json_extract(doc, ?) < ?')
      .run(collection, `$.${field}`, time.toISOString()).changes;
  }

  get<C extends CollectionName>(collection: C, id: string): Collections[C] | undefined {
    const row = this.db.prepare('SELECT doc FROM documents WHERE collection = ? AND _id = ?').get(collection, id) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Collections[C]) : undefined;
  }

  /**
   * Documents of one client, newest first unless `order` is `asc`, whose top-level fields equal
   * every entry of `where`; `client` undefined lists every client's.
   * Field names come from route code, never from a request; values are bound parameters.
   */
  list<C extends CollectionName>(
    collection: C,
    client: string | undefined,
    where: Where<C>,
    page: { offset: number; limit: number; order?: 'asc' | 'desc' },
  ): Page<Collections[C]> {
    const conditions = ['collection = ?'];
    const params: unknown[] = [collection];
    if (client !== undefined) {
      conditions.push('client = ?');
      params.push(client);
    }
    for (const [field, value] of Object.entries(where)) {
      const json = jsonField(field);
      conditions.push(`${json.sql} = ?`);
      params.push(...json.params, value);
    }
    const filter = conditions.join(' AND ');
    const { total } = this.db.prepare(`SELECT count(*) AS total FROM documents WHERE ${filter}`).get(...params) as {
      total: number;
    };
    const direction = page.order === 'asc' ? 'ASC' : 'DESC';
    const rows = this.db
      .prepare(
        `SELECT doc FROM documents WHERE ${filter} ORDER BY created_at ${direction}, rowid ${direction} LIMIT ? OFFSET ?`,
      )
      .all(...params, page.limit, page.offset) as { doc: string }[];
    return { items: rows.map((row) => JSON.parse(row.doc) as Collections[C]), total };
  }

  /** Records one event of `kind` for `key` at `time` (milliseconds). */
  addEvent(kind: string, key: string, time: number): void {
    this.db.prepare('INSERT INTO events (kind, key, at) VALUES (?, ?, ?)').run(kind, key, time);
  }

  /** The times of `kind` events for `key` since `since` (milliseconds), oldest first. */
  eventsSince(kind: string, key: string, since: number): number[] {
    const rows = this.db
      .prepare('SELECT at FROM events WHERE kind = ? AND key = ? AND at >= ? ORDER BY at')
      .all(kind, key, since) as { at: number }[];
    return rows.map((row) => row.at);
  }

  /** Forgets events older than `before` (milliseconds). */
  pruneEvents(before: number): void {
    this.db.prepare('DELETE FROM events WHERE at < ?').run(before);
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  /** Meta entries whose key starts with `prefix` (keys moved out of older databases). */
  metaWithPrefix(prefix: string): [string, string][] {
    const rows = this.db
      .prepare('SELECT key, value FROM meta WHERE substr(key, 1, length(?)) = ?')
      .all(prefix, prefix) as { key: string; value: string }[];
    return rows.map((row) => [row.key, row.value]);
  }

  deleteMeta(key: string): void {
    this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
  }

  close(): void {
    this.db.close();
  }
}
