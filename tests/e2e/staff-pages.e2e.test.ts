import { mkdirSync } from "node:fs";
import { type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, warmRoutes } from "../support/browser";
import { type AppServer, startDevApp } from "../support/app-server";

/**
 * The staff pages in a real browser at phone width: a pharmacist adds a reminder to a patient,
 * sends it, sees the patient's reply confirm it, answers a question from the inbox, and a
 * volunteer cannot open another volunteer's patient.
 */
const PHONE = "+6281234567890";
const ARTIFACTS = "test-artifacts";
let app: AppServer & { simUrl: string };
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  app = await startDevApp();
  browser = await launchChromium();
  const routes = ["/sign-in", "/patients", "/patients/00000000-0000-4000-8000-000000000000", "/inbox", "/consultations", "/consultations/00000000-0000-4000-8000-000000000000"];
  const api = ["me", "staff", "escalations", "patients", "consultations", "adherence"].map((r) => `/api/${r}`);
  const byId = ["", "/reminders", "/deliveries", "/messages", "/triage", "/verification"].map((r) => `/api/patients/00000000-0000-4000-8000-000000000000${r}`);
  await warmRoutes(app.url, [...routes, ...api, ...byId, "/api/reminders/00000000-0000-4000-8000-000000000000/send-now", "/api/escalations/00000000-0000-4000-8000-000000000000/resolve"]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const patientSays = (body: string, repliedToId?: string) =>
  fetch(`${app.simUrl}/sim/inbound`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ from: PHONE, body, ...(repliedToId ? { replied_to_id: repliedToId } : {}) }),
  }).then((r) => r.json());

const outbox = async (): Promise<Array<{ id: string; text: string | null }>> =>
  ((await (await fetch(`${app.simUrl}/sim/outbox?phone=${encodeURIComponent(PHONE)}`)).json()) as { messages: Array<{ id: string; text: string | null }> }).messages;

/** Signs in and switches the interface to English in the header (accounts start in Indonesian), as these steps read it. */
async function signIn(context: BrowserContext, email: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${app.url}/sign-in`, { timeout: 60_000 });
  await page.getByText(email).click();
  await page.waitForURL(`${app.url}/patients`, { timeout: 60_000 });
  const english = page.getByRole("button", { name: "English" });
  await english.waitFor({ timeout: 60_000 });
  // the choice stays on the user: a second sign-in of the same user is already in English
  if ((await english.getAttribute("aria-pressed")) !== "true") {
    const saved = page.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH", { timeout: 60_000 });
    await english.click();
    expect((await saved).status()).toBe(200);
  }
  await page.getByRole("heading", { name: "Patients" }).waitFor({ timeout: 60_000 });
  return page;
}

async function withFailureShot<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    await page.screenshot({ path: `${ARTIFACTS}/${name}-failure.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n--- app output ---\n${app.output().slice(-4000)}`);
  }
}

describe("staff pages on a phone-sized screen", () => {
  let sitiId = "";
  let volunteer1PatientId = "";

  it("a reminder added in the dialog is sent now, and the patient's reply confirms it in the table and the thread", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await signIn(context, "pharmacist@demo.test");
    await withFailureShot(page, "patient-page", async () => {
      await page.getByRole("link", { name: "Siti Rahayu" }).first().waitFor({ timeout: 60_000 });
      await page.screenshot({ path: `${ARTIFACTS}/patients.png`, fullPage: true });

      await page.getByLabel("Search patients").fill("0812-3456-7890");
      await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 1, undefined, { timeout: 60_000 });
      await page.getByRole("link", { name: "Siti Rahayu" }).click();
      await page.waitForURL(/\/patients\/[0-9a-f-]{36}$/, { timeout: 60_000 });
      sitiId = page.url().split("/").at(-1) ?? "";
      await page.getByRole("heading", { name: "Siti Rahayu" }).waitFor({ timeout: 60_000 });

      await page.getByRole("button", { name: "Add reminder" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Medicine").fill("Metformin E2E");
      await dialog.getByLabel("Dose").fill("500 mg");
      await dialog.getByLabel("Repeat").selectOption("daily");
      await dialog.getByRole("button", { name: "Save reminder" }).click();
      await page.getByText("Reminder added").waitFor({ timeout: 60_000 });
      const reminder = page.locator("li.reminder", { hasText: "Metformin E2E" });
      await reminder.getByText("Every day at 08:00").waitFor({ timeout: 60_000 });

      await reminder.getByRole("button", { name: "Send now" }).click();
      await page.getByText("Reminder sent").waitFor({ timeout: 60_000 });
      const deliveries = page.getByRole("table", { name: "Delivery history" });
      await deliveries.getByRole("row", { name: /Metformin E2E/ }).first().waitFor({ timeout: 60_000 });

      let sent: { id: string; text: string | null } | undefined;
      for (let i = 0; i < 40 && !sent; i++) {
        sent = (await outbox()).find((m) => m.text?.includes("Metformin E2E"));
        if (!sent) await new Promise((r) => setTimeout(r, 250));
      }
      expect(sent, "the reminder reached the simulator").toBeDefined();
      await patientSays("sudah", sent?.id);

      // the page polls every 5 s
      await deliveries.getByRole("row", { name: /Metformin E2E/ }).getByText("confirmed").first().waitFor({ timeout: 60_000 });
      await page.locator(".bubble.inbound", { hasText: "sudah" }).first().waitFor({ timeout: 60_000 });
      await page.locator(".bubble.outbound", { hasText: "Metformin E2E" }).first().waitFor({ timeout: 60_000 });
      await page.screenshot({ path: `${ARTIFACTS}/patient-detail.png`, fullPage: true });

      // a patient of volunteer 1, for the last test
      volunteer1PatientId = await page.evaluate(async () => {
        const staff = (await (await fetch("/api/staff?role=VOLUNTEER")).json()) as { items: Array<{ id: string; email: string }> };
        const v1 = staff.items.find((s) => s.email === "volunteer1@demo.test");
        const patients = (await (await fetch(`/api/patients?volunteerId=${v1?.id}&limit=1`)).json()) as { items: Array<{ id: string }> };
        return patients.items[0]?.id ?? "";
      });
    });
    await context.close();
  }, 300_000);

  it("a patient's question reaches the inbox, where the pharmacist resolves it with a note", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await signIn(context, "pharmacist@demo.test");
    await withFailureShot(page, "inbox", async () => {
      await patientSays("boleh minum obat sama kopi?");
      await page.getByRole("link", { name: /Inbox/ }).click();
      await page.waitForURL(`${app.url}/inbox`, { timeout: 60_000 });
      const item = page.locator("li.escalation", { hasText: "boleh minum obat sama kopi?" });
      await item.waitFor({ timeout: 60_000 });
      await expect(item.getByText("Question", { exact: false }).count()).resolves.toBeGreaterThan(0);
      await page.screenshot({ path: `${ARTIFACTS}/inbox.png`, fullPage: true });

      // the alert may already have gone to the patient's volunteer: then the pharmacist takes it over
      await item.getByRole("button", { name: /^(Claim|Take over)$/ }).click();
      await item.getByText("claimed by you").waitFor({ timeout: 60_000 });
      await item.getByRole("button", { name: "Resolve" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Note (optional)").fill("Dijawab: beri jarak 2 jam dengan kopi");
      await dialog.getByRole("button", { name: "Resolve" }).click();
      await page.getByText(/^Resolved/).waitFor({ timeout: 60_000 });
      await item.waitFor({ state: "detached", timeout: 60_000 });

      await page.getByRole("link", { name: "Consultations" }).click();
      await page.getByRole("heading", { name: "Consultations" }).waitFor({ timeout: 60_000 });
      await page.getByText(/Page 1/).waitFor({ timeout: 60_000 });
      await page.screenshot({ path: `${ARTIFACTS}/consultations.png`, fullPage: true });
    });
    await context.close();
  }, 240_000);

  it("a volunteer opening another volunteer's patient by URL sees the not-found page, not the data", async () => {
    expect(volunteer1PatientId).toMatch(/^[0-9a-f-]{36}$/);
    const context = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await signIn(context, "volunteer2@demo.test");
    await withFailureShot(page, "not-found", async () => {
      await page.goto(`${app.url}/patients/${volunteer1PatientId}`, { timeout: 60_000 });
      await page.getByRole("heading", { name: "Patient not found" }).waitFor({ timeout: 60_000 });
      expect(await page.getByRole("heading", { name: "Profile" }).count()).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/patient-not-found.png`, fullPage: true });
    });
    await context.close();
  }, 120_000);
});
