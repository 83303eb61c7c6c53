import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The app as a person runs it: `bun run dev` with no configuration (PGlite in a fresh temporary
 * directory, seeded with the Demo Clinic), on a free port, built into its own dist folder.
 */
export type AppServer = { url: string; output: () => string; stop: () => Promise<void> };

export async function startDevApp(): Promise<AppServer & { simUrl: string }> {
  const port = await freePort();
  const simPort = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), "careloop-e2e-"));
  let output = "";
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    GOWA_SIM_PORT: String(simPort),
    PGLITE_DIR: path.join(dataDir, "pglite"),
    // helpers running browser tests side by side each need their own build folder
    NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? ".next-e2e",
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "development",
    LOG_LEVEL: "warn",
  };
  const child: ChildProcess = spawn("bun", ["scripts/dev.ts"], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  // localhost, not 127.0.0.1: Next.js dev serves its client chunks only to its own origin
  const url = `http://localhost:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/health/ready`);
      if (res.ok) return { url, simUrl: `http://localhost:${simPort}`, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`the app did not become ready in 90 s:\n${output}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}
