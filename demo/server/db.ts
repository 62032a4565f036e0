import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every stored record has an id and belongs to a Verifik client (account). */
export interface StoredDoc {
  _id: string;
  client: string;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
}

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
];

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

  /** Opens (creating if needed) `sandbox.db` inside `dataDir`. */
  static open(dataDir: string): Store {
    mkdirSync(dataDir, { recursive: true });
    return new Store(join(dataDir, 'sandbox.db'));
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

  insert<T extends StoredDoc>(collection: string, doc: T): T {
    this.db
      .prepare('INSERT INTO documents (collection, _id, client, created_at, doc) VALUES (?, ?, ?, ?, ?)')
      .run(collection, doc._id, doc.client, doc.createdAt, JSON.stringify(doc));
    return doc;
  }

  replace<T extends StoredDoc>(collection: string, doc: T): T {
    this.db
      .prepare('UPDATE documents SET doc = ? WHERE collection = ? AND _id = ?')
      .run(JSON.stringify(doc), collection, doc._id);
    return doc;
  }

  delete(collection: string, id: string): void {
    this.db.prepare('DELETE FROM documents WHERE collection = ? AND _id = ?').run(collection, id);
  }

  get<T extends StoredDoc>(collection: string, id: string): T | undefined {
    const row = this.db.prepare('SELECT doc FROM documents WHERE collection = ? AND _id = ?').get(collection, id) as
      { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  /**
   * Documents of one client, newest first unless `order` is `asc`, whose top-level fields equal
   * every entry of `where`.
   * Field names come from route code, never from a request; values are bound parameters.
   */
  list<T extends StoredDoc>(
    collection: string,
    client: string,
    where: Record<string, string>,
    page: { offset: number; limit: number; order?: 'asc' | 'desc' },
  ): Page<T> {
    const conditions = ['collection = ?', 'client = ?'];
    const params: unknown[] = [collection, client];
    for (const [field, value] of Object.entries(where)) {
      conditions.push('json_extract(doc, ?) = ?');
      params.push(`$.${field}`, value);
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
    return { items: rows.map((row) => JSON.parse(row.doc) as T), total };
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

  close(): void {
    this.db.close();
  }
}
