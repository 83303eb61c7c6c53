/** `bun run db:migrate` — applies the committed migrations in drizzle/ to DATABASE_URL, or to the embedded PGlite. */
import { connect, migrate } from "@/db/client";
import { env } from "@/lib/env";

const config = env();
const handle = await connect({ databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR });
try {
  await migrate(handle);
  process.stdout.write(`Migrations applied (${handle.kind}).\n`);
} finally {
  await handle.close();
}
