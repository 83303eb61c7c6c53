/** Where integration tests keep their data: a database of their own on the local PostgreSQL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/careloop_test";
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379/15";

export function adminUrl(url: string): { admin: string; name: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = "/postgres";
  return { admin: parsed.toString(), name };
}

/**
 * A fresh, migrated database beside the test database, for tests whose code under test looks at
 * every organisation's rows (the inbox worker) and so must not see other test files' data.
 */
export async function createScratchDatabase(suffix: string) {
  const { default: postgres } = await import("postgres");
  const { connectPostgres, migrate } = await import("../../src/db/client");
  const { admin, name } = adminUrl(TEST_DATABASE_URL);
  const scratch = `${name}_${suffix}`;
  const server = postgres(admin, { max: 1, onnotice: () => {} });
  await server.unsafe(`drop database if exists "${scratch}" with (force)`);
  await server.unsafe(`create database "${scratch}"`);
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${scratch}`;
  const handle = await connectPostgres(url.toString(), { max: 4 });
  await migrate(handle);
  return {
    url: url.toString(),
    handle,
    drop: async () => {
      await handle.close();
      await server.unsafe(`drop database if exists "${scratch}" with (force)`);
      await server.end();
    },
  };
}
