/**
 * `bun run gowa:sim`: a local GOWA for development and tests. Open http://localhost:3100/ to
 * chat as a patient. Webhooks go to GOWA_SIM_WEBHOOK_URL (default: the app's GOWA webhook).
 */
import { createGowaSimulator } from "../src/integrations/gowa/simulator/simulator";

// The repo has no @types/bun; this is the slice of Bun.serve the script uses.
declare const Bun: {
  serve(options: { port: number; fetch(req: Request): Promise<Response> }): { port: number; stop(force?: boolean): unknown };
};

const port = Number(process.env.GOWA_SIM_PORT ?? 3100);
const appUrl = (process.env.APP_URL ?? "http://localhost:3000").replace(/\/+$/, "");
const webhookUrl = process.env.GOWA_SIM_WEBHOOK_URL ?? `${appUrl}/api/webhooks/gowa`;
const [username, password] = (process.env.GOWA_SIM_BASIC_AUTH ?? process.env.GOWA_BASIC_AUTH ?? "").split(":");

const simulator = createGowaSimulator({
  webhookUrl: webhookUrl === "none" ? null : webhookUrl,
  webhookSecret: process.env.GOWA_WEBHOOK_SECRET ?? "secret",
  username: username || undefined,
  password: password || undefined,
  deviceId: process.env.GOWA_SIM_DEVICE_ID || undefined,
  basePath: process.env.GOWA_SIM_BASE_PATH || undefined,
});

const server = Bun.serve({ port, fetch: (req) => simulator.handle(req) });
console.log(`GOWA simulator on http://localhost:${server.port} (webhooks -> ${webhookUrl === "none" ? "off" : webhookUrl})`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    simulator.close();
    void server.stop(true);
    process.exit(0);
  });
}
