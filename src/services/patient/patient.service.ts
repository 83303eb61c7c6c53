import type { Db } from "@/db/client";
import type { Patient, StaffUser } from "@/db/schema";
import { AppError, badRequest, conflict, forbidden, isUniqueViolation, notFound } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import { findOrganisationById } from "../organisation/organisation.repository";
import { findStaffInOrg } from "../staff/staff.repository";
import type {
  CreatePatientBody,
  ListPatientsQuery,
  PatientPage,
  PatientView,
  UpdatePatientBody,
} from "./patient.schemas";
import * as repo from "./patient.repository";
import { normalisePhone, phoneSearchDigits } from "./phone";
import { sendVerificationRequest } from "./verification.service";
import { adherenceByPatient } from "../reminder/reminder.repository";
import { toAdherence } from "../reminder/adherence";
import type { OutboundCtx } from "../messaging/outbound.service";

export type PatientCtx = { db: Db };
/** Registering a patient also asks them, on WhatsApp and after the response, to confirm. */
export type PatientWriteCtx = OutboundCtx & { afterResponse: (task: () => Promise<void>) => void };

/** A volunteer works only with the patients assigned to them; pharmacists and admins with all of the organisation's. */
export function patientScope(staff: StaffUser): repo.PatientScope {
  return staff.role === "VOLUNTEER" ? { orgId: staff.orgId, volunteerId: staff.id } : { orgId: staff.orgId };
}

export function toPatientView(row: repo.PatientRow): PatientView {
  return {
    id: row.id,
    name: row.name,
    phone: row.phone,
    dateOfBirth: row.dateOfBirth,
    sex: row.sex,
    language: row.language,
    timezone: row.timezone,
    assignedVolunteer:
      row.assignedVolunteerId && row.volunteerName ? { id: row.assignedVolunteerId, name: row.volunteerName } : null,
    verificationStatus: row.verificationStatus,
    verificationSendCount: row.verificationSendCount,
    consentWhatsapp: row.consentWhatsapp,
    unsubscribedAt: row.unsubscribedAt?.toISOString() ?? null,
    automationPausedAt: row.automationPausedAt?.toISOString() ?? null,
    notes: row.notes,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getPatientOrThrow(ctx: PatientCtx, staff: StaffUser, id: string): Promise<repo.PatientRow> {
  const row = await repo.findPatient(ctx.db, { ...patientScope(staff), id });
  if (!row) throw notFound("Patient");
  return row;
}

export async function getPatient(ctx: PatientCtx, staff: StaffUser, id: string): Promise<PatientView> {
  return toPatientView(await getPatientOrThrow(ctx, staff, id));
}

export async function createPatient(ctx: PatientWriteCtx, staff: StaffUser, body: CreatePatientBody): Promise<PatientView> {
  const org = await findOrganisationById(ctx.db, { id: staff.orgId });
  if (!org) throw notFound("Organisation");
  const phone = normaliseOrThrow(body.phone, org.country);
  const assignedVolunteerId = await resolveAssignee(ctx, staff, body.assignedVolunteerId);
  const created = await writeUnique(() =>
    ctx.db.transaction(async (tx) => {
      const patient = await repo.insertPatient(tx, {
        orgId: staff.orgId,
        name: body.name,
        phone,
        dateOfBirth: body.dateOfBirth ?? null,
        sex: body.sex ?? null,
        language: body.language ?? org.language,
        timezone: body.timezone ?? org.timezone,
        notes: body.notes ?? null,
        assignedVolunteerId,
      });
      await audit(tx, staff, "patient.created", patient.id, { assignedVolunteerId });
      return patient;
    }),
  );
  ctx.afterResponse(() => sendVerificationRequest(ctx, org, created, { actorId: staff.id, actorType: "staff" }));
  return getPatient(ctx, staff, created.id);
}

export async function updatePatient(
  ctx: PatientCtx,
  staff: StaffUser,
  id: string,
  body: UpdatePatientBody,
): Promise<PatientView> {
  const current = await getPatientOrThrow(ctx, staff, id);
  const values: Partial<Patient> = { ...body } as Partial<Patient>;
  if (body.phone !== undefined) {
    const org = await findOrganisationById(ctx.db, { id: staff.orgId });
    if (!org) throw notFound("Organisation");
    values.phone = normaliseOrThrow(body.phone, org.country);
  }
  const changed = Object.keys(values).filter((key) => values[key as keyof Patient] !== current[key as keyof Patient]);
  if (changed.length === 0) return toPatientView(current);
  await writeUnique(() =>
    ctx.db.transaction(async (tx) => {
      const updated = await repo.updatePatient(tx, { orgId: staff.orgId, id, values });
      if (!updated) throw notFound("Patient");
      // field names only: the values are patient data
      await audit(tx, staff, "patient.updated", id, { fields: changed.sort() });
    }),
  );
  return getPatient(ctx, staff, id);
}

export async function deletePatient(ctx: PatientCtx, staff: StaffUser, id: string): Promise<void> {
  await getPatientOrThrow(ctx, staff, id);
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.softDeletePatient(tx, { orgId: staff.orgId, id }))) throw notFound("Patient");
    await audit(tx, staff, "patient.deleted", id);
  });
}

export async function assignVolunteer(
  ctx: PatientCtx,
  staff: StaffUser,
  id: string,
  volunteerId: string | null,
): Promise<PatientView> {
  const current = await getPatientOrThrow(ctx, staff, id);
  const to = await resolveAssignee(ctx, staff, volunteerId);
  if (current.assignedVolunteerId !== to) {
    await ctx.db.transaction(async (tx) => {
      const updated = await repo.updatePatient(tx, { orgId: staff.orgId, id, values: { assignedVolunteerId: to } });
      if (!updated) throw notFound("Patient");
      await audit(tx, staff, "patient.assigned", id, { from: current.assignedVolunteerId, to });
    });
  }
  return getPatient(ctx, staff, id);
}

export async function listPatients(ctx: PatientCtx, staff: StaffUser, query: ListPatientsQuery): Promise<PatientPage> {
  const q = query.q || undefined;
  const phoneDigits = q ? phoneSearchDigits(q) : null;
  // a complete number is looked up exactly; anything shorter is a substring of the digits
  const org = phoneDigits && q ? await findOrganisationById(ctx.db, { id: staff.orgId }) : undefined;
  const whole = org && q ? normalisePhone(q, org.country) : undefined;
  const phone = whole?.ok ? whole.e164 : undefined;
  const rows = await repo.listPatients(ctx.db, {
    ...patientScope(staff),
    nameLike: q && !phoneDigits ? q : undefined,
    phone,
    phoneDigits: phone ? undefined : (phoneDigits ?? undefined),
    assignedVolunteerId: query.volunteerId,
    verificationStatus: query.verificationStatus,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  // one grouped query for the page, not one per patient
  const counts = await adherenceByPatient(ctx.db, { orgId: staff.orgId, patientIds: items.map((p) => p.id), now: new Date() });
  const byPatient = new Map(counts.map((c) => [c.patientId, c]));
  const none = { sent7: 0, confirmed7: 0, sent30: 0, confirmed30: 0 };
  return {
    items: items.map((row) => ({ ...toPatientView(row), adherence: toAdherence(byPatient.get(row.id) ?? none) })),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ name: last.name, id: last.id }) : null,
  };
}

function normaliseOrThrow(input: string, country: string): string {
  const result = normalisePhone(input, country);
  if (!result.ok) throw badRequest("phone", result.reason);
  return result.e164;
}

/** Who a patient is assigned to: volunteers take their own patients; others pick an approved volunteer. */
async function resolveAssignee(ctx: PatientCtx, staff: StaffUser, requested: string | null | undefined) {
  if (staff.role === "VOLUNTEER") {
    if (requested && requested !== staff.id) throw forbidden("Volunteers cannot assign patients to someone else");
    return staff.id;
  }
  if (!requested) return null;
  const volunteer = await findStaffInOrg(ctx.db, { orgId: staff.orgId, id: requested });
  if (!volunteer || volunteer.role !== "VOLUNTEER" || volunteer.status !== "APPROVED") {
    throw badRequest("assignedVolunteerId", "is not an approved volunteer of this organisation");
  }
  return volunteer.id;
}

async function writeUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "patients_org_phone_uq")) {
      throw conflict("A patient with this phone number already exists in this organisation", "phone");
    }
    throw error;
  }
}

function audit(tx: Parameters<typeof insertAuditEntry>[0], staff: StaffUser, action: string, patientId: string, metadata?: Record<string, unknown>) {
  return insertAuditEntry(tx, {
    orgId: staff.orgId,
    actorId: staff.id,
    actorType: "staff",
    action,
    entityType: "patient",
    entityId: patientId,
    metadata,
  });
}

function encodeCursor(key: { name: string; id: string }): string {
  return Buffer.from(JSON.stringify([key.name, key.id])).toString("base64url");
}

function decodeCursor(cursor: string): { name: string; id: string } {
  try {
    const [name, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (typeof name === "string" && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) return { name, id };
  } catch {
    // fall through to the 400 below
  }
  throw new AppError("BAD_REQUEST", "cursor: is not a cursor this API returned", [
    { field: "cursor", message: "is not a cursor this API returned" },
  ]);
}

/** Staff ask again (at most three asks in all); 409 when verified, unsubscribed or asked enough. */
export async function resendVerification(ctx: OutboundCtx, staff: StaffUser, id: string): Promise<PatientView> {
  const patient = await getPatientOrThrow(ctx, staff, id);
  const org = await findOrganisationById(ctx.db, { id: staff.orgId });
  if (!org) throw notFound("Organisation");
  await sendVerificationRequest(ctx, org, patient, { actorId: staff.id, actorType: "staff" });
  return getPatient(ctx, staff, id);
}
