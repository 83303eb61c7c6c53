import type { Db } from "@/db/client";
import type { Delivery, Reminder, StaffUser } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import { badRequest, conflict, notFound } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import { getPatientOrThrow, patientScope } from "../patient/patient.service";
import * as repo from "./reminder.repository";
import { type CreateReminderBody, type Schedule, type UpdateReminderBody, isAppointmentSchedule } from "./reminder.schemas";
import { nextOccurrence } from "./schedule";
import { TEMPLATE_KEYS } from "./templates";
import { toAdherence } from "./adherence";
import { type DispatchCtx, dispatchDueDeliveries, runReminderCron } from "./dispatch.service";

export type ReminderCtx = { db: Db; clock: Clock };

export type ReminderView = Omit<Reminder, "createdAt" | "updatedAt" | "deletedAt" | "nextDueAt"> & {
  nextDueAt: string | null;
  createdAt: string;
};

export function toReminderView(r: Reminder): ReminderView {
  const { createdAt, updatedAt: _u, deletedAt: _d, nextDueAt, ...rest } = r;
  return { ...rest, nextDueAt: nextDueAt?.toISOString() ?? null, createdAt: createdAt.toISOString() };
}

export function toDeliveryView(d: Delivery) {
  const iso = (x: Date | null) => x?.toISOString() ?? null;
  return {
    id: d.id,
    reminderId: d.reminderId,
    scheduledAt: d.scheduledAt.toISOString(),
    state: d.state,
    skipReason: d.skipReason,
    attempts: d.attempts,
    lastError: d.lastError,
    sentAt: iso(d.sentAt),
    confirmation: d.confirmation,
    confirmedAt: iso(d.confirmedAt),
    nudgeSentAt: iso(d.nudgeSentAt),
    windowEndsAt: iso(d.windowEndsAt),
  };
}

/** Occurrences in the past when a reminder is created or resumed are never sent. */
const nextDueFrom = (schedule: Schedule, timezone: string, now: Date) => nextOccurrence(schedule, timezone, now);

function checkTemplateKey(key: string | null | undefined) {
  if (key && !(TEMPLATE_KEYS as readonly string[]).includes(key)) {
    throw badRequest("templateKey", `is not a known template (${TEMPLATE_KEYS.join(", ")})`);
  }
}

export async function createReminder(ctx: ReminderCtx, staff: StaffUser, patientId: string, body: CreateReminderBody): Promise<ReminderView> {
  const patient = await getPatientOrThrow(ctx, staff, patientId);
  checkTemplateKey(body.templateKey);
  const timezone = body.timezone ?? patient.timezone;
  const reminder = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertReminder(tx, {
      orgId: staff.orgId,
      patientId,
      type: body.type,
      medicineName: body.medicineName ?? null,
      dose: body.dose ?? null,
      appointmentPlace: body.appointmentPlace ?? null,
      message: body.message ?? null,
      schedule: body.schedule,
      timezone,
      nextDueAt: nextDueFrom(body.schedule, timezone, ctx.clock.now()),
      createdById: staff.id,
    });
    await audit(tx, staff, "reminder.created", row.id, { patientId, type: body.type });
    return row;
  });
  return toReminderView(reminder);
}

export async function getReminderOrThrow(ctx: ReminderCtx, staff: StaffUser, id: string): Promise<Reminder> {
  const reminder = await repo.findReminder(ctx.db, { ...patientScope(staff), id });
  if (!reminder) throw notFound("Reminder");
  return reminder;
}

export async function listReminders(ctx: ReminderCtx, staff: StaffUser, patientId: string) {
  await getPatientOrThrow(ctx, staff, patientId);
  const rows = await repo.listPatientReminders(ctx.db, { orgId: staff.orgId, patientId });
  return { items: rows.map(toReminderView) };
}

export async function updateReminder(ctx: ReminderCtx, staff: StaffUser, id: string, body: UpdateReminderBody): Promise<ReminderView> {
  const current = await getReminderOrThrow(ctx, staff, id);
  checkTemplateKey(body.templateKey);
  const type = body.type ?? current.type;
  const schedule = body.schedule ?? current.schedule;
  if ((type === "appointment") !== isAppointmentSchedule(schedule)) {
    throw badRequest("schedule", type === "appointment" ? "must be an appointment schedule for an appointment reminder" : "must be a recurring schedule for this reminder type");
  }
  if (type === "medication" && !(body.medicineName ?? current.medicineName)) {
    throw badRequest("medicineName", "is required for a medication reminder");
  }
  const timezone = body.timezone ?? current.timezone;
  const rescheduled = body.schedule !== undefined || body.timezone !== undefined;
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await repo.updateReminder(tx, {
      orgId: staff.orgId,
      id,
      values: {
        ...body,
        schedule,
        timezone,
        ...(rescheduled ? { nextDueAt: nextDueFrom(schedule, timezone, ctx.clock.now()) } : {}),
      },
    });
    if (!row) throw notFound("Reminder");
    await audit(tx, staff, "reminder.updated", id, { fields: Object.keys(body).sort() });
    return row;
  });
  return toReminderView(updated);
}

/** Paused reminders send nothing; resuming starts from the next occurrence, never the missed ones. */
export async function setReminderPaused(ctx: ReminderCtx, staff: StaffUser, id: string, paused: boolean): Promise<ReminderView> {
  const current = await getReminderOrThrow(ctx, staff, id);
  if ((current.status === "paused") === paused) return toReminderView(current);
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await repo.updateReminder(tx, {
      orgId: staff.orgId,
      id,
      values: paused
        ? { status: "paused" }
        : { status: "active", nextDueAt: nextDueFrom(current.schedule, current.timezone, ctx.clock.now()) },
    });
    if (!row) throw notFound("Reminder");
    await audit(tx, staff, paused ? "reminder.paused" : "reminder.resumed", id);
    return row;
  });
  return toReminderView(updated);
}

export async function deleteReminder(ctx: ReminderCtx, staff: StaffUser, id: string): Promise<void> {
  await getReminderOrThrow(ctx, staff, id);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateReminder(tx, { orgId: staff.orgId, id, values: { deletedAt: ctx.clock.now(), nextDueAt: null } });
    if (!row) throw notFound("Reminder");
    await audit(tx, staff, "reminder.deleted", id);
  });
}

export async function listPatientDeliveries(ctx: ReminderCtx, staff: StaffUser, patientId: string, limit: number) {
  await getPatientOrThrow(ctx, staff, patientId);
  const rows = await repo.listDeliveries(ctx.db, { orgId: staff.orgId, patientId, limit });
  return { items: rows.map(toDeliveryView) };
}

/** Adherence of one patient, one volunteer's patients, or the organisation (confirmed over sent). */
export async function getAdherence(ctx: ReminderCtx, staff: StaffUser, query: { patientId?: string; volunteerId?: string }) {
  const now = ctx.clock.now();
  if (query.patientId) {
    await getPatientOrThrow(ctx, staff, query.patientId);
    const [row] = await repo.adherenceByPatient(ctx.db, { orgId: staff.orgId, patientIds: [query.patientId], now });
    return toAdherence(row ?? { sent7: 0, confirmed7: 0, sent30: 0, confirmed30: 0 });
  }
  if (staff.role === "VOLUNTEER" && query.volunteerId && query.volunteerId !== staff.id) throw notFound("Volunteer");
  const volunteerId = staff.role === "VOLUNTEER" ? staff.id : query.volunteerId;
  return toAdherence(await repo.adherenceForOrg(ctx.db, { orgId: staff.orgId, volunteerId, now }));
}

export async function getAdherenceByVolunteer(ctx: ReminderCtx, staff: StaffUser) {
  const rows = await repo.adherenceByVolunteer(ctx.db, { orgId: staff.orgId, now: ctx.clock.now() });
  return { items: rows.map((r) => ({ volunteerId: r.volunteerId, ...toAdherence(r) })) };
}

function audit(tx: Parameters<typeof insertAuditEntry>[0], staff: StaffUser, action: string, reminderId: string, metadata?: Record<string, unknown>) {
  return insertAuditEntry(tx, { orgId: staff.orgId, actorId: staff.id, actorType: "staff", action, entityType: "reminder", entityId: reminderId, metadata });
}

/** "Send now": one extra occurrence at this moment, through the same exactly-once path as the cron. */
export async function sendReminderNow(ctx: DispatchCtx, staff: StaffUser, id: string) {
  const reminder = await getReminderOrThrow(ctx, staff, id);
  if (reminder.status === "paused") throw conflict("This reminder is paused");
  await repo.insertDeliveries(ctx.db, [{ orgId: staff.orgId, reminderId: id, patientId: reminder.patientId, scheduledAt: ctx.clock.now() }]);
  const summary = await dispatchDueDeliveries(ctx, { deadline: Date.now() + 20_000, scope: { orgId: staff.orgId, reminderId: id } });
  await insertAuditEntry(ctx.db, { orgId: staff.orgId, actorId: staff.id, actorType: "staff", action: "reminder.sent_now", entityType: "reminder", entityId: id });
  return summary;
}

/** Admins: everything of the organisation that is due, now, through the same path as the cron. */
export async function sendDueNow(ctx: DispatchCtx, staff: StaffUser) {
  return runReminderCron(ctx, { budgetMs: 50_000, scope: { orgId: staff.orgId } });
}
