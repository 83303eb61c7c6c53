import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import * as webhookRoute from "../../src/app/api/webhooks/gowa/route";
import type { Db } from "../../src/db/client";
import { type Organisation, type Patient, messages } from "../../src/db/schema";
import { signGowaBody } from "../../src/integrations/gowa/webhook";
import { getRuntime } from "../../src/lib/runtime";
import { insertPatient } from "../../src/services/patient/patient.repository";
import { call, createOrg, createStaff } from "./fixtures";
import { TEST_WEBHOOK_SECRET, settleAfterResponse, testGowa } from "./setup-runtime";

/** GOWA's message ids look like `3EB0C127D7BACC83D6A1`. */
export const gowaId = () => `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;
const digits = (phone: string) => phone.replace(/^\+/, "");

/** A webhook body shaped exactly as GOWA 9.x sends it (see ../shared/docs/gowa.md). */
export function gowaEnvelope(org: Organisation, event: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return JSON.stringify({ event, device_id: "628987654321@s.whatsapp.net", session_id: org.gowaDeviceId, ...extra, payload });
}

export function textMessage(org: Organisation, from: string, body: string, options: { id?: string; repliedToId?: string } = {}) {
  return gowaEnvelope(org, "message", {
    id: options.id ?? gowaId(),
    chat_id: `${digits(from)}@s.whatsapp.net`,
    from: `${digits(from)}@s.whatsapp.net`,
    from_name: "Pasien",
    timestamp: new Date().toISOString(),
    is_from_me: false,
    body,
    ...(options.repliedToId ? { replied_to_id: options.repliedToId, quoted_body: "..." } : {}),
  });
}

export async function postWebhook(rawBody: string, options: { signature?: string | null } = {}) {
  const signature = options.signature === undefined ? signGowaBody(rawBody, TEST_WEBHOOK_SECRET) : options.signature;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (signature !== null) headers["x-hub-signature-256"] = signature;
  return call(webhookRoute.POST as never, { method: "POST", rawBody, headers, path: "/api/webhooks/gowa" });
}

/** Posts and waits for the after-response processing, as if GOWA had called us and we had finished. */
export async function deliver(rawBody: string) {
  const res = await postWebhook(rawBody);
  await settleAfterResponse();
  return res;
}

let phoneSeq = 0;
export const newPhone = () => `+62812${String(Date.now() % 1e5).padStart(5, "0")}${String(++phoneSeq % 1000).padStart(3, "0")}`;

export async function createClinic(overrides: Partial<Organisation> = {}) {
  const org = await createOrg({ gowaDeviceId: `device-${randomUUID().slice(0, 8)}`, ...overrides });
  const volunteer = await createStaff(org, { role: "VOLUNTEER" });
  const pharmacist = await createStaff(org, { role: "PHARMACIST", registrationNumber: "SIPA-1" });
  return { org, volunteer, pharmacist };
}

/** A verified, consenting patient; `db` defaults to the test runtime's database. */
export async function createVerifiedPatient(org: Organisation, overrides: Partial<Patient> = {}, db?: Db): Promise<Patient> {
  return insertPatient(db ?? (await getRuntime()).db, {
    orgId: org.id,
    name: "Siti Rahayu",
    phone: newPhone(),
    language: "id",
    timezone: "Asia/Jakarta",
    verificationStatus: "VERIFIED",
    consentWhatsapp: true,
    ...overrides,
  });
}

/** What we sent to this number through WhatsApp, in order. */
export const sentTexts = (phone: string) => testGowa.sentTo(phone).map((s) => String(s.input.message));

export async function threadOf(orgId: string, phone: string) {
  const { db } = await getRuntime();
  return db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, orgId), eq(messages.phone, phone)))
    .orderBy(messages.createdAt);
}
