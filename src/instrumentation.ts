/**
 * Runs once when the server starts: a missing or malformed variable stops start-up here, with a
 * message naming it, instead of failing on the first request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvOrExit } = await import("./lib/env-check");
    checkEnvOrExit();
  }
}
