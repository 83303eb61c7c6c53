import { mkdirSync } from "node:fs";
import path from "node:path";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

/** The rows of `db.execute(sql...)`: postgres.js returns them as an array, PGlite as `{ rows }`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type DbHandle = { db: Db; kind: "postgres" | "pglite"; close(): Promise<void> };

const MIGRATIONS = path.join(process.cwd(), "drizzle");

export type PostgresOptions = {
  max?: number;
  /** How the connections appear in pg_stat_activity. */
  applicationName?: string;
  /** false: commits return before the WAL reaches the disk (only for work that is safe to redo). */
  synchronousCommit?: boolean;
};

/** PostgreSQL over the network through `postgres` (production, tests, benchmarks). */
export async function connectPostgres(url: string, options: PostgresOptions = {}): Promise<DbHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const connection: Record<string, string> = {};
  if (options.applicationName) connection.application_name = options.applicationName;
  if (options.synchronousCommit === false) connection.synchronous_commit = "off";
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {}, connection });
  const db = drizzle(preparedStatements(client), { schema }) as unknown as Db;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

type PostgresSql = import("postgres").Sql | import("postgres").TransactionSql;

/**
 * drizzle's postgres.js driver runs every query through `unsafe(query, params, { prepare: false })`
 * (drizzle-orm#6096): postgres.js then sends each statement with parameters in two round trips
 * (Parse/Describe, wait, Bind/Execute) and the server parses and plans it every time. Named
 * statements, cached per connection, take one round trip and one parse per connection; the app's
 * statements are a fixed set, so the cache stays small. Transactions and savepoints get the same.
 */
function preparedStatements<T extends PostgresSql>(sql: T): T {
  const unsafe = sql.unsafe.bind(sql);
  sql.unsafe = ((query: string, args?: never, options?: object) => unsafe(query, args, { ...options, prepare: true })) as T["unsafe"];
  // the callback of begin(fn) / begin(options, fn) / savepoint(...) gets a new `sql` of its own
  const scopes = sql as unknown as Record<"begin" | "savepoint", ((...args: unknown[]) => unknown) | undefined>;
  for (const key of ["begin", "savepoint"] as const) {
    const open = scopes[key];
    if (!open) continue;
    scopes[key] = (...args: unknown[]) => {
      const fn = args.at(-1) as (tx: PostgresSql) => unknown;
      return open.apply(sql, [...args.slice(0, -1), (tx: PostgresSql) => fn(preparedStatements(tx))]);
    };
  }
  return sql;
}

/** PostgreSQL in-process (PGlite), data kept under `dir`: the zero-configuration default. */
export async function connectPglite(dir: string): Promise<DbHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  const db = drizzle(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

export async function connect(config: { databaseUrl?: string; pgliteDir: string } & PostgresOptions): Promise<DbHandle> {
  const { databaseUrl, pgliteDir, ...options } = config;
  return databaseUrl ? connectPostgres(databaseUrl, options) : connectPglite(pgliteDir);
}

/** Applies the committed SQL migrations in drizzle/ (idempotent). */
export async function migrate(handle: DbHandle, migrationsFolder = MIGRATIONS): Promise<void> {
  if (handle.kind === "postgres") {
    const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
    await run(handle.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(handle.db as never, { migrationsFolder });
  }
}
