import { type Browser, chromium } from "playwright-core";

/** Debian's Chromium (or CHROMIUM_PATH), headless, with nothing that reaches the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** `next dev` compiles each route on first use: request them all up front so the steps time real work. */
export async function warmRoutes(baseUrl: string, paths: readonly string[]): Promise<void> {
  await Promise.all(paths.map((path) => fetch(`${baseUrl}${path}`).catch(() => undefined)));
}
