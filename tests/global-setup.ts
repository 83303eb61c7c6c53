import postgres from "postgres";
import { connectPostgres, migrate } from "../src/db/client";
import { TEST_DATABASE_URL, adminUrl } from "./support/database";

/**
 * Creates the test database when it is missing and applies the committed migrations, under an
 * advisory lock so concurrent runs do not migrate twice. Tests then create their own organisations.
 */
export default async function setup() {
  const { admin, name } = adminUrl(TEST_DATABASE_URL);
  const server = postgres(admin, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await server`select 1 from pg_database where datname = ${name}`;
    if (!exists) await server.unsafe(`create database "${name.replace(/"/g, '""')}"`).catch(ignoreDuplicate);
  } finally {
    await server.end();
  }
  const lock = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  const handle = await connectPostgres(TEST_DATABASE_URL, { max: 1 });
  try {
    await lock`select pg_advisory_lock(727274)`;
    await migrate(handle);
  } finally {
    await lock`select pg_advisory_unlock(727274)`.catch(() => {});
    await Promise.all([lock.end(), handle.close()]);
  }
}

function ignoreDuplicate(error: { code?: string }) {
  if (error.code !== "42P04") throw error;
}
