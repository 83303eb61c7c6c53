import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { type AppServer, startDevApp } from "../support/app-server";

/**
 * The GOWA simulator's chat page in a real browser, as a developer uses it in `bun run dev`:
 * chatting as a seeded patient shows opt-out and emergency behaviour.
 */
let app: AppServer & { simUrl: string };
let browser: Browser;

beforeAll(async () => {
  app = await startDevApp();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the GOWA simulator's chat page", () => {
  it("a seeded patient chats: an emergency gets the emergency number, STOP gets one confirmation", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    try {
      await page.goto(app.simUrl);
      await page.locator("#phone").fill("+6281298765432"); // Budi Santoso, verified
      await page.locator("#phone").press("Enter");
      await page.locator("#text").fill("tolong, bapak saya pingsan tidak sadar");
      await page.locator("#send").click();
      await page.getByText(/Segera telepon 119/).waitFor({ timeout: 30_000 });
      await page.locator("#text").fill("STOP");
      await page.locator("#send").click();
      await page.getByText(/tidak akan menerima pesan lagi/).waitFor({ timeout: 30_000 });
      mkdirSync("test-artifacts", { recursive: true });
      await page.screenshot({ path: "test-artifacts/gowa-simulator-chat.png", fullPage: true });
      expect(await page.getByText(/tidak akan menerima pesan lagi/).count()).toBe(1);
    } catch (error) {
      mkdirSync("test-artifacts", { recursive: true });
      await page.screenshot({ path: "test-artifacts/gowa-simulator-failure.png", fullPage: true });
      throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-3000)}`);
    } finally {
      await page.close();
    }
  }, 120_000);
});
