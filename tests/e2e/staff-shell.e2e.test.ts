import { mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser";
import { type AppServer, startDevApp } from "../support/app-server";

/**
 * The first-run experience, in a real browser: `bun run dev` on the embedded defaults, the demo
 * users on the sign-in page, the patient list, search, and registering a patient through the dialog
 * (in Indonesian, every staff account's language until its user picks English in the header).
 */
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  app = await startDevApp();
  browser = await launchChromium();
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

      await page.getByLabel("Cari pasien").fill("0812-3456-7890");
      await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1, undefined, { timeout: 30_000 });
      expect(await page.locator("tbody tr td").first().textContent()).toBe("Siti Rahayu");

      await page.getByRole("button", { name: "Daftarkan pasien" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Nama").fill("Wulan Sari");
      await dialog.getByLabel("Nomor WhatsApp").fill("0812-3456-7890");
      await dialog.getByRole("button", { name: "Simpan" }).click();
      // the server's 409 lands on the phone field
      await dialog.getByText("already exists").waitFor({ timeout: 30_000 });

      // After the save the list reloads with the old search. Hold that answer back until the new
      // search has been answered: arriving last, it must not replace the newer list.
      let releaseStale = () => {};
      const staleHeld = new Promise<void>((resolve) => (releaseStale = resolve));
      const isStale = (url: URL) => url.pathname === "/api/patients" && url.searchParams.get("q") === "0812-3456-7890";
      await page.route(isStale, async (route) => {
        const response = await route.fetch();
        await staleHeld;
        await route.fulfill({ response });
      });
      const staleAnswered = page.waitForResponse((r) => isStale(new URL(r.url())), { timeout: 30_000 });
      staleAnswered.catch(() => {}); // awaited below; a step failing before then reports itself

      await dialog.getByLabel("Nomor WhatsApp").fill("0813 2222 3333");
      await dialog.getByLabel("Kader").selectOption({ label: "Putri Handayani" });
      await dialog.getByRole("button", { name: "Simpan" }).click();
      await page.getByText("Pasien terdaftar").waitFor({ timeout: 30_000 });
      await page.getByLabel("Cari pasien").fill("Wulan");
      await page.getByRole("cell", { name: "+6281322223333" }).waitFor({ timeout: 30_000 });
      releaseStale();
      await staleAnswered;
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
      expect(await page.locator("tbody tr td").first().textContent()).toBe("Wulan Sari");
      expect(await page.locator("tbody tr").count()).toBe(1);
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

  it("a user switches the interface to English and back from the header; the choice is theirs and survives a reload", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const nav = page.getByRole("navigation");
    const navLabels = async () => (await nav.getByRole("link").allTextContents()).map((text) => text.replace(/\d+$/, ""));
    try {
      await page.goto(`${app.url}/sign-in`, { timeout: 60_000 });
      await page.getByText("pharmacist@demo.test").click();
      await page.waitForURL(`${app.url}/patients`, { timeout: 60_000 });
      await nav.getByRole("link", { name: "Kotak masuk" }).waitFor({ timeout: 30_000 });
      expect(await navLabels()).toEqual(["Hari ini", "Pasien", "Kotak masuk", "Konsultasi"]);
      expect(await page.getByRole("heading", { name: "Pasien" }).count()).toBe(1);
      expect(await page.locator("html").getAttribute("lang")).toBe("id");

      const savedEnglish = page.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH", { timeout: 30_000 });
      await page.getByRole("button", { name: "English" }).click();
      // the page changes at once, before the save has answered
      await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 30_000 });
      expect(await navLabels()).toEqual(["Today", "Patients", "Inbox", "Consultations"]);
      expect(await page.getByRole("button", { name: "English" }).getAttribute("aria-pressed")).toBe("true");
      await page.getByLabel("Search patients").waitFor();
      expect(await page.locator("html").getAttribute("lang")).toBe("en");

      // stored on the user: a reload (a fresh render on the server) and another page keep it
      expect((await savedEnglish).status()).toBe(200);
      await page.reload();
      await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 30_000 });
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      await nav.getByRole("link", { name: "Inbox" }).click();
      await page.getByRole("heading", { name: "Inbox" }).waitFor({ timeout: 30_000 });

      const savedIndonesian = page.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH", { timeout: 30_000 });
      await page.getByRole("button", { name: "Bahasa Indonesia" }).click();
      await page.getByRole("heading", { name: "Kotak masuk" }).waitFor({ timeout: 30_000 });
      expect(await navLabels()).toEqual(["Hari ini", "Pasien", "Kotak masuk", "Konsultasi"]);
      expect((await savedIndonesian).status()).toBe(200);
      await page.reload();
      await page.getByRole("heading", { name: "Kotak masuk" }).waitFor({ timeout: 30_000 });
      expect(await page.locator("html").getAttribute("lang")).toBe("id");
    } catch (error) {
      mkdirSync("test-artifacts", { recursive: true });
      await page.screenshot({ path: "test-artifacts/staff-shell-language-failure.png", fullPage: true });
      throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-4000)}`);
    } finally {
      await context.close();
    }
  }, 180_000);
});
