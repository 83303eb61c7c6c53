import { mkdirSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startDevApp } from "../support/app-server";

/**
 * The first-run experience, in a real browser: `bun run dev` on the embedded defaults, the demo
 * users on the sign-in page, the patient list, search, and registering a patient through the dialog.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  app = await startDevApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("staff web shell on the embedded defaults", () => {
  it("a demo admin signs in, finds a patient by phone and registers a new one", async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}/sign-in`, { timeout: 60_000 });
      for (const email of ["admin@demo.test", "pharmacist@demo.test", "volunteer1@demo.test", "volunteer2@demo.test"]) {
        await expect(page.getByText(email).count()).resolves.toBe(1);
      }
      await page.getByText("admin@demo.test").click();
      await page.waitForURL(`${app.url}/patients`, { timeout: 60_000 });
      await page.getByRole("cell", { name: "Siti Rahayu" }).waitFor({ timeout: 60_000 });
      expect(await page.locator("tbody tr").count()).toBe(20);

      await page.getByLabel("Search patients").fill("0812-3456-7890");
      await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1, undefined, { timeout: 30_000 });
      expect(await page.locator("tbody tr td").first().textContent()).toBe("Siti Rahayu");

      await page.getByRole("button", { name: "Register patient" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Name").fill("Wulan Sari");
      await dialog.getByLabel("WhatsApp number").fill("0812-3456-7890");
      await dialog.getByRole("button", { name: "Save" }).click();
      // the server's 409 lands on the phone field
      await dialog.getByText("already exists").waitFor({ timeout: 30_000 });

      await dialog.getByLabel("WhatsApp number").fill("0813 2222 3333");
      await dialog.getByLabel("Volunteer").selectOption({ label: "Putri Handayani" });
      await dialog.getByRole("button", { name: "Save" }).click();
      await page.getByText("Patient registered").waitFor({ timeout: 30_000 });
      await page.getByLabel("Search patients").fill("Wulan");
      await page.getByRole("cell", { name: "+6281322223333" }).waitFor({ timeout: 30_000 });
      expect(await page.getByRole("cell", { name: "Putri Handayani" }).count()).toBe(1);
    } catch (error) {
      mkdirSync("test-artifacts", { recursive: true });
      await page.screenshot({ path: "test-artifacts/staff-shell-failure.png", fullPage: true });
      throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-4000)}`);
    } finally {
      await page.close();
    }
  }, 180_000);

  it("a volunteer sees only their ten patients and an unknown visitor is sent to sign in", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/patients`, { timeout: 60_000 });
      await page.waitForURL(`${app.url}/sign-in`, { timeout: 30_000 });
      await page.getByText("volunteer1@demo.test").click();
      await page.waitForURL(`${app.url}/patients`, { timeout: 30_000 });
      await page.getByRole("cell", { name: "Dimas Prasetyo" }).first().waitFor({ timeout: 30_000 });
      expect(await page.locator("tbody tr").count()).toBe(10);
      expect(await page.getByRole("cell", { name: "Putri Handayani" }).count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 120_000);
});
