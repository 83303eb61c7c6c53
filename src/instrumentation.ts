/**
 * Runs once when the server starts: a missing or malformed variable stops start-up here, with a
 * message naming it, instead of failing on the first request. Then the database pool opens its
 * connections (DATABASE_POOL_WARM) without delaying start-up.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("./lib/env-check");
    checkEnvOrExit();
    const { warmDatabasePool } = await import("./lib/warm-up");
    void warmDatabasePool();
  }
}
