import { env } from "./env";

/** Validates the environment; on failure prints which variables are wrong and why, then exits. */
export function checkEnvOrExit(): void {
  try {
    env();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
