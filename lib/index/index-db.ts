import pg from 'pg';

// The job index's database behind one interface: PostgreSQL through `pg` (any hosted PostgreSQL,
// serverless ones included), or PGlite embedded in the process (lib/index/pglite-db.ts; its WebAssembly
// loads through a dynamic import that jest's VM refuses, so its tests run it in a portal process). Cases:
// - a query is parameterised ($1, $2...), never built from values;
// - a transaction runs on one connection, committed when its function returns, rolled back when it throws;
// - an advisory lock is held on one connection for as long as its function runs: with `wait`, until it
//   is free (migrations at start); without, it answers `false` at once when another holds it (a sync pass).

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface IndexDb extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Several statements with no parameters (a migration). */
  exec(sql: string): Promise<void>;
  transaction<T>(run: (tx: Queryable) => Promise<T>): Promise<T>;
  withLock<T>(key: number, run: () => Promise<T>, options?: { wait?: boolean }): Promise<{ ran: true; value: T } | { ran: false }>;
  close(): Promise<void>;
}

export function postgresIndexDb(url: string, options: { max?: number } = {}): IndexDb {
  // A database that does not answer fails a call in 5 s rather than holding it (and a readiness probe) forever.
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 4, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not take the process down.
  pool.on('error', () => {});
  const onClient = async <T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await run(client);
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: (run) =>
      onClient(async (client) => {
        await client.query('BEGIN');
        try {
          const value = await run({ query: async (sql, params) => (await client.query(sql, params as unknown[])).rows });
          await client.query('COMMIT');
          return value;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }),
    withLock: (key, run, { wait = false } = {}) =>
      onClient(async (client) => {
        if (wait) await client.query('SELECT pg_advisory_lock($1)', [key]);
        else if (!(await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key])).rows[0]?.locked) return { ran: false };
        try {
          return { ran: true, value: await run() };
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      }),
    close: () => pool.end(),
  };
}
