import type { IndexDb, Queryable } from './index-db';

// The job index embedded in the portal's own process: PGlite (PostgreSQL compiled to WebAssembly, the
// same SQL as a server) keeping its files in one folder, so the demo and a single container have the
// index with no database to run. Cases:
// - PGlite has one connection: its transactions hold it, so other queries wait until they end;
// - an advisory lock on one connection is re-entrant, so within the process a lock is also a promise
//   chain per key: a second holder waits (`wait`) or is told at once that the key is taken;
// - one process a folder: a second process on the same folder would corrupt it (lib/index/index-runner.ts
//   takes a lock file first).

type PGliteLike = {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(run: (tx: { query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> }) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

export async function pgliteIndexDb(dataDir: string): Promise<IndexDb> {
  // Loaded only when the embedded index is used: its WebAssembly is some 10 MB.
  const [{ PGlite }, { pg_trgm }] = await Promise.all([import('@electric-sql/pglite'), import('@electric-sql/pglite/contrib/pg_trgm')]);
  const db = (await PGlite.create(dataDir, { extensions: { pg_trgm } })) as unknown as PGliteLike;
  const held = new Map<number, Promise<void>>();
  const query: Queryable['query'] = async (sql, params) => (await db.query(sql, params)).rows as never;
  return {
    kind: 'pglite',
    query,
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (run) => db.transaction((tx) => run({ query: async (sql, params) => (await tx.query(sql, params)).rows as never })),
    withLock: async (key, run, { wait = false } = {}) => {
      while (held.has(key)) {
        if (!wait) return { ran: false };
        await held.get(key);
      }
      let release!: () => void;
      held.set(key, new Promise<void>((resolve) => (release = resolve)));
      try {
        return { ran: true, value: await run() };
      } finally {
        held.delete(key);
        release();
      }
    },
    close: () => db.close(),
  };
}
