import { mkdirSync } from "node:fs";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, warmRoutes } from "../support/browser";
import { type AppServer, startDevApp } from "../support/app-server";

/**
 * The admin pages in a real browser (demo users start in Indonesian; the admin switches to English
 * on the users page, and the steps read English from there): the demo admin approves the Demo Clinic's waiting sign-up and
 * makes her a pharmacist, rewords a template, changes a setting and sees the WhatsApp device's
 * status (the GOWA simulator's `/app/status`); a volunteer cannot open them.
 */
const ARTIFACTS = "test-artifacts";
const PHONE = { width: 360, height: 780 };
const WIDE = { width: 1280, height: 900 };
let app: AppServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startDevApp();
  browser = await launchChromium();
  const pages = ["/sign-in", "/patients", "/admin", "/admin/users", "/admin/templates", "/admin/settings"];
  const api = ["dev/sign-in", "me", "patients", "staff", "escalations", "admin/users", "templates", "organisation"].map((r) => `/api/${r}`);
  const byId = ["", "/approve", "/reject", "/disable"].map((r) => `/api/admin/users/00000000-0000-4000-8000-000000000000${r}`);
  const routes = [...pages, ...api, ...byId, "/api/templates/medication/en"];
  await warmRoutes(app.url, routes);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** Signs `context` in through the dev sign-in API (the sign-in page has its own browser test) and opens `path`. */
async function signedInPage(context: BrowserContext, email: string, path: string): Promise<Page> {
  const res = await context.request.post(`${app.url}/api/dev/sign-in`, { data: { email } });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  await page.goto(`${app.url}${path}`, { timeout: 60_000 });
  return page;
}

/** Switches the interface to English in the header, unless the user already chose it (the choice stays on the user). */
async function inEnglish(page: Page) {
  const english = page.getByRole("button", { name: "English" });
  await english.waitFor({ timeout: 60_000 });
  if ((await english.getAttribute("aria-pressed")) === "true") return;
  const saved = page.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH", { timeout: 60_000 });
  await english.click();
  expect((await saved).status()).toBe(200);
}

/** The same page on a wide screen, for the record. */
async function wideShot(page: Page, name: string) {
  await page.setViewportSize(WIDE);
  await page.screenshot({ path: `${ARTIFACTS}/${name}-wide.png`, fullPage: true });
  await page.setViewportSize(PHONE);
}

async function withFailureShot<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await page.screenshot({ path: `${ARTIFACTS}/${name}-failure.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-4000)}`);
  }
}

describe("admin pages", () => {
  it("the admin approves a waiting sign-up and makes her a pharmacist, and she gets in with that role", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await signedInPage(context, "admin@demo.test", "/patients");
    await withFailureShot(page, "admin-users", async () => {
      // the header speaks the user's language; "Admin" is the same word in both
      await page.locator("nav.nav").getByRole("link", { name: "Admin" }).click();
      await page.waitForURL(`${app.url}/admin/users`, { timeout: 60_000 });
      // in Indonesian first, as every demo user starts
      const menunggu = page.getByRole("list", { name: "Menunggu persetujuan" });
      await menunggu.getByRole("listitem", { name: "Nur Aini" }).waitFor({ timeout: 60_000 });
      await page.getByRole("heading", { name: "Menunggu persetujuan (1)" }).waitFor();
      await menunggu.getByRole("button", { name: "Setujui Nur Aini" }).waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/admin-users-id.png`, fullPage: true });

      await inEnglish(page);
      const waiting = page.getByRole("list", { name: "Waiting for approval" });
      const nur = waiting.getByRole("listitem", { name: "Nur Aini" });
      await nur.waitFor({ timeout: 60_000 });
      await nur.getByText("volunteer3@demo.test").waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/admin-users.png`, fullPage: true });

      await nur.getByRole("button", { name: "Approve Nur Aini" }).click();
      await page.getByText("Nur Aini approved").waitFor({ timeout: 30_000 });
      const row = page.getByRole("list", { name: "Staff" }).getByRole("listitem", { name: "Nur Aini" });
      await row.getByText("approved", { exact: true }).waitFor({ timeout: 30_000 });
      expect(await waiting.count()).toBe(0);

      await row.getByRole("button", { name: "Edit Nur Aini" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Role").selectOption("PHARMACIST");
      await dialog.getByLabel("WhatsApp number for alerts").fill("0812");
      await dialog.getByRole("button", { name: "Save" }).click();
      // the API's own schema, checked in the browser before anything is sent
      await dialog.getByText("must be an international number").waitFor({ timeout: 30_000 });
      await dialog.getByLabel("WhatsApp number for alerts").fill("+6281100000009");
      await dialog.getByLabel("Registration number").fill("SIPA 446/0999/2025");
      await dialog.getByRole("button", { name: "Save" }).click();
      await page.getByText("Nur Aini saved").waitFor({ timeout: 30_000 });
      await dialog.waitFor({ state: "detached", timeout: 30_000 });
      await row.getByText("pharmacist", { exact: true }).waitFor({ timeout: 30_000 });
      await row.getByText("SIPA 446/0999/2025").waitFor();
      await wideShot(page, "admin-users");
    });
    await context.close();

    const hers = await browser.newContext({ viewport: PHONE });
    const herPage = await signedInPage(hers, "volunteer3@demo.test", "/patients");
    await withFailureShot(herPage, "admin-approved-user", async () => {
      // a pharmacist sees every patient of the clinic
      await herPage.getByRole("link", { name: "Siti Rahayu" }).first().waitFor({ timeout: 60_000 });
      const me = await herPage.evaluate(async () => ((await (await fetch("/api/me")).json()) as { staff: { role: string; status: string } }).staff);
      expect(me).toMatchObject({ role: "PHARMACIST", status: "APPROVED" });
    });
    await hers.close();
  }, 300_000);

  it("the admin rewords a template with the API's rules and goes back to the default", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await signedInPage(context, "admin@demo.test", "/admin/templates");
    await withFailureShot(page, "admin-templates", async () => {
      await inEnglish(page);
      const item = page.getByRole("listitem", { name: "Medication reminder (English)" });
      await item.waitFor({ timeout: 60_000 });
      await page.screenshot({ path: `${ARTIFACTS}/admin-templates.png`, fullPage: true });

      await item.getByRole("button", { name: "Edit Medication reminder (English)" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Message").fill("Hi {patient}, time for {medicine}. Reply DONE or NOT YET.");
      await dialog.getByRole("button", { name: "Save" }).click();
      await dialog.getByText("uses unknown variables {patient}").waitFor({ timeout: 30_000 });
      await dialog.getByLabel("Message").fill("Hi {name}, time for {medicine} {dose}. Reply DONE or NOT YET.");
      await dialog.getByText("Hi Siti, time for Metformin 500 mg.").waitFor();
      await dialog.getByRole("button", { name: "Save" }).click();
      await page.getByText("Template saved").waitFor({ timeout: 30_000 });
      await item.getByText("your wording").waitFor({ timeout: 30_000 });
      await item.getByText("Hi {name}, time for {medicine} {dose}.").waitFor();

      await page.getByLabel("Language").selectOption("en");
      expect(await page.getByRole("listitem", { name: "Medication reminder (Bahasa Indonesia)" }).count()).toBe(0);

      await item.getByRole("button", { name: "Use the default Medication reminder (English)" }).click();
      await page.getByRole("dialog").getByRole("button", { name: "Use the default" }).click();
      await page.getByText("Template reset to the default").waitFor({ timeout: 30_000 });
      await item.getByText("Hello {name}, it is time for your {medicine}").waitFor({ timeout: 30_000 });
      await page.getByLabel("Language").selectOption("all");
      await wideShot(page, "admin-templates");
    });
    await context.close();
  }, 300_000);

  it("a page that cannot load says why and loads on Try again", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const failing = (url: URL) => url.pathname === "/api/templates";
    await context.route(failing, (route) =>
      route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "UNAVAILABLE", message: "Database unavailable" } }) }),
    );
    const page = await signedInPage(context, "admin@demo.test", "/admin/templates");
    await withFailureShot(page, "admin-load-failed", async () => {
      // Next's route announcer is an alert too: find ours by its text
      const notice = page.getByRole("alert").filter({ hasText: "Database unavailable" });
      await notice.waitFor({ timeout: 60_000 });
      expect(await page.locator("li.template").count()).toBe(0);
      await context.unroute(failing);
      await notice.getByRole("button", { name: /Try again|Coba lagi/ }).click();
      await page.locator("li.template").first().waitFor({ timeout: 60_000 });
      expect(await notice.count()).toBe(0);
    });
    await context.close();
  }, 180_000);

  it("the admin sees the WhatsApp device connected and changes the emergency number", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await signedInPage(context, "admin@demo.test", "/admin/settings");
    await withFailureShot(page, "admin-settings", async () => {
      await inEnglish(page);
      await page.getByRole("region", { name: "WhatsApp device" }).getByText("connected", { exact: true }).waitFor({ timeout: 60_000 });
      await page.screenshot({ path: `${ARTIFACTS}/admin-settings.png`, fullPage: true });

      const emergency = page.getByLabel("Emergency number");
      expect(await emergency.inputValue()).toBe("119");
      await emergency.fill("call 112");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("must be a phone number").waitFor({ timeout: 30_000 });
      await emergency.fill("112");
      await page.getByRole("button", { name: "Save settings" }).click();
      await page.getByText("Settings saved").waitFor({ timeout: 30_000 });

      await page.reload();
      await page.getByRole("region", { name: "WhatsApp device" }).getByText("connected", { exact: true }).waitFor({ timeout: 60_000 });
      expect(await page.getByLabel("Emergency number").inputValue()).toBe("112");
      await wideShot(page, "admin-settings");
    });
    await context.close();
  }, 300_000);

  it("a volunteer has no Admin link and is refused the admin pages and their API", async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await signedInPage(context, "volunteer1@demo.test", "/patients");
    await withFailureShot(page, "admin-volunteer", async () => {
      await page.locator('nav.nav a[href="/patients"]').waitFor({ timeout: 60_000 });
      expect(await page.locator('nav.nav a[href="/admin"]').count()).toBe(0);

      await page.goto(`${app.url}/admin/users`, { timeout: 60_000 });
      // this volunteer kept Indonesian
      await page.getByText("Hanya administrator yang dapat membuka halaman admin.").waitFor({ timeout: 60_000 });
      expect(await page.getByText("Nur Aini").count()).toBe(0);
      const status = await page.evaluate(async () => (await fetch("/api/admin/users")).status);
      expect(status).toBe(403);
    });
    await context.close();
  }, 300_000);
});
