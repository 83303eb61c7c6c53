import { DateTime } from "luxon";
import type { Delivery, Organisation, Patient, Reminder } from "@/db/schema";
import { logger } from "@/lib/logger";
import { findMessageByDedupeKey } from "../messaging/messages.repository";
import { type OutboundCtx, sendText } from "../messaging/outbound.service";
import { findOrganisationById } from "../organisation/organisation.repository";
import { findPatientById } from "../patient/patient.repository";
import * as repo from "./reminder.repository";
import { type Schedule, isAppointmentSchedule } from "./reminder.schemas";
import { DEFAULT_GRACE_MS, classifyLateness, nextOccurrence, occurrencesBetween } from "./schedule";
import { nextAllowedTime } from "./quiet-hours";
import { findDefaultTemplate, renderTemplate } from "./templates";

export type DispatchCtx = OutboundCtx;

export type DispatchOptions = {
  /** Stop claiming new work after this long (Vercel gives a cron function 60 s). */
  budgetMs?: number;
  /** An occurrence later than this is skipped as too late: no burst of stale reminders after an outage. */
  graceMs?: number;
  /** How long a reply still counts for a delivery. */
  windowMs?: number;
  /** The one nudge after no reply. */
  nudgeAfterMs?: number;
  /** Parallel senders; pacing still spaces sends per device. */
  concurrency?: number;
  batchSize?: number;
  /** Limit the run to one organisation / patient / reminder ("send now"). */
  scope?: { orgId?: string; patientId?: string; reminderId?: string };
};

export type DispatchSummary = { due: number; sent: number; failed: number; skipped: number; deferred: number; unknown: number; nudged: number; missed: number };

export const DEFAULT_WINDOW_MS = 6 * 3600_000;
export const DEFAULT_NUDGE_AFTER_MS = 60 * 60_000;

/**
 * The reminder cron: turn occurrences that came due into deliveries, send them exactly once, nudge
 * once, close windows. Safe to run many times concurrently: materialising relies on the unique
 * (reminder, scheduled_at) index, sending on FOR UPDATE SKIP LOCKED plus a dedupe key per delivery.
 */
export async function runReminderCron(ctx: DispatchCtx, options: DispatchOptions = {}): Promise<DispatchSummary> {
  const started = Date.now();
  const deadline = started + (options.budgetMs ?? 50_000);
  const due = await materialiseDueOccurrences(ctx, options);
  const sending = await dispatchDueDeliveries(ctx, { ...options, deadline });
  const nudged = Date.now() < deadline ? await sendDueNudges(ctx, deadline) : 0;
  const missed = await repo.closeExpiredWindows(ctx.db, { now: ctx.clock.now() });
  return { due, ...sending, nudged, missed };
}

/** Inserts a delivery for every occurrence between a reminder's cursor and now, then moves the cursor. */
export async function materialiseDueOccurrences(ctx: DispatchCtx, options: DispatchOptions = {}): Promise<number> {
  const now = ctx.clock.now();
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  let created = 0;
  for (;;) {
    const batch = await ctx.db.transaction(async (tx) => {
      const due = await repo.lockDueReminders(tx, { now, limit: 200, ...options.scope });
      for (const reminder of due) {
        const from = reminder.nextDueAt ?? now;
        const occurrences = occurrencesBetween(reminder.schedule, reminder.timezone, from, new Date(now.getTime() + 1));
        created += await repo.insertDeliveries(
          tx,
          occurrences.map((scheduledAt) => {
            const tooLate = now.getTime() - scheduledAt.getTime() >= graceMs;
            return {
              orgId: reminder.orgId,
              reminderId: reminder.id,
              patientId: reminder.patientId,
              scheduledAt,
              ...(tooLate ? { state: "skipped" as const, skipReason: "too_late" } : {}),
            };
          }),
        );
        await repo.updateReminder(tx, { orgId: reminder.orgId, id: reminder.id, values: { nextDueAt: nextOccurrence(reminder.schedule, reminder.timezone, now) } });
      }
      return due.length;
    });
    if (batch < 200) return created;
  }
}

type SendingSummary = Omit<DispatchSummary, "due" | "nudged" | "missed">;

export async function dispatchDueDeliveries(ctx: DispatchCtx, options: DispatchOptions & { deadline: number }): Promise<SendingSummary> {
  const summary: SendingSummary = { sent: 0, failed: 0, skipped: 0, deferred: 0, unknown: 0 };
  const cache = { orgs: new Map<string, Organisation | undefined>(), reminders: new Map<string, Reminder | undefined>(), patients: new Map<string, Patient | undefined>() };
  const concurrency = options.concurrency ?? 8;
  for (;;) {
    if (Date.now() >= options.deadline) break;
    const claimed = await repo.claimDueDeliveries(ctx.db, { now: ctx.clock.now(), limit: options.batchSize ?? 100, ...options.scope });
    if (claimed.length === 0) break;
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < claimed.length; i = next++) {
        const delivery = claimed[i] as Delivery;
        if (Date.now() >= options.deadline) {
          // give it back untouched for the next run
          await repo.updateDelivery(ctx.db, { orgId: delivery.orgId, id: delivery.id, values: { state: "queued", lockedUntil: null, attempts: Math.max(0, delivery.attempts - 1) } });
          summary.deferred++;
          continue;
        }
        const outcome = await sendDelivery(ctx, delivery, options, cache);
        summary[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
  }
  return summary;
}

type Cache = { orgs: Map<string, Organisation | undefined>; reminders: Map<string, Reminder | undefined>; patients: Map<string, Patient | undefined> };

async function cached<T>(map: Map<string, T>, key: string, load: () => Promise<T>): Promise<T> {
  if (!map.has(key)) map.set(key, await load());
  return map.get(key) as T;
}

/** Why a patient must not get this reminder now, if there is a reason. */
export function skipReason(patient: Patient | undefined, reminder: Reminder | undefined): string | null {
  if (!patient || patient.deletedAt) return "deleted";
  if (!reminder || reminder.deletedAt) return "deleted";
  if (reminder.status === "paused") return "paused";
  if (patient.unsubscribedAt) return "unsubscribed";
  if (patient.verificationStatus !== "VERIFIED") return "unverified";
  if (!patient.consentWhatsapp) return "no_consent";
  return null;
}

async function sendDelivery(ctx: DispatchCtx, delivery: Delivery, options: DispatchOptions, cache: Cache): Promise<keyof SendingSummary> {
  const now = ctx.clock.now();
  const [org, reminder, patient] = await Promise.all([
    cached(cache.orgs, delivery.orgId, () => findOrganisationById(ctx.db, { id: delivery.orgId })),
    cached(cache.reminders, delivery.reminderId, () => repo.findReminder(ctx.db, { orgId: delivery.orgId, id: delivery.reminderId })),
    cached(cache.patients, delivery.patientId, () => findPatientById(ctx.db, { orgId: delivery.orgId, id: delivery.patientId })),
  ]);
  const reason = !org ? "deleted" : skipReason(patient, reminder) ?? (classifyLateness(delivery.scheduledAt, now, options.graceMs) === "too_late" ? "too_late" : null);
  if (reason || !org || !patient || !reminder) {
    await repo.updateDelivery(ctx.db, { orgId: delivery.orgId, id: delivery.id, values: { state: "skipped", skipReason: reason ?? "deleted", lockedUntil: null } });
    return "skipped";
  }
  const dedupeKey = `reminder:${delivery.id}`;
  const message = await sendText(ctx, {
    org,
    patientId: patient.id,
    phone: patient.phone,
    purpose: "reminder",
    text: reminderText(reminder, patient, delivery.scheduledAt),
    dedupeKey,
  });
  // null: an earlier run reserved this send and died; its message row tells what happened
  const outcome = message ?? (await findMessageByDedupeKey(ctx.db, { orgId: org.id, dedupeKey }));
  const sentAt = outcome?.sentAt ?? now;
  if (outcome?.status === "sent" || outcome?.status === "delivered" || outcome?.status === "read") {
    await repo.updateDelivery(ctx.db, {
      orgId: org.id,
      id: delivery.id,
      values: {
        state: "sent",
        messageId: outcome.id,
        externalId: outcome.externalId,
        sentAt,
        lockedUntil: null,
        windowEndsAt: new Date(sentAt.getTime() + (options.windowMs ?? DEFAULT_WINDOW_MS)),
        nudgeDueAt: nextAllowedTime(new Date(sentAt.getTime() + (options.nudgeAfterMs ?? DEFAULT_NUDGE_AFTER_MS)), patient.timezone, quietHours(org)),
      },
    });
    return "sent";
  }
  if (outcome?.status === "failed") {
    await repo.updateDelivery(ctx.db, { orgId: org.id, id: delivery.id, values: { state: "failed", messageId: outcome.id, lastError: outcome.errorCode, lockedUntil: null } });
    return "failed";
  }
  await repo.updateDelivery(ctx.db, { orgId: org.id, id: delivery.id, values: { state: "unknown", messageId: outcome?.id ?? null, lastError: "OUTCOME_UNKNOWN", lockedUntil: null } });
  logger.warn({ deliveryId: delivery.id }, "reminder send outcome unknown; not resent");
  return "unknown";
}

export const quietHours = (org: Pick<Organisation, "quietHoursStart" | "quietHoursEnd">) => ({ start: org.quietHoursStart, end: org.quietHoursEnd });

/** The reminder's message in the patient's language, with its variables filled in. */
export function reminderText(reminder: Reminder, patient: Patient, scheduledAt: Date): string {
  const local = DateTime.fromJSDate(isAppointmentSchedule(reminder.schedule) ? appointmentInstant(reminder.schedule, reminder.timezone) : scheduledAt, { zone: reminder.timezone });
  const template = reminder.message ?? findDefaultTemplate(patient.language, reminder.type);
  return renderTemplate(template, {
    name: patient.name.split(" ")[0] ?? patient.name,
    medicine: reminder.medicineName,
    dose: reminder.dose,
    place: reminder.appointmentPlace,
    time: local.toFormat("HH:mm"),
    date: local.setLocale(patient.language).toFormat("d LLLL yyyy"),
  });
}

function appointmentInstant(schedule: Schedule & { appointmentAt: string }, timezone: string): Date {
  return DateTime.fromISO(schedule.appointmentAt, { zone: timezone }).toJSDate();
}

/** The one gentle nudge per delivery, for patients who have not answered (or said not yet). */
export async function sendDueNudges(ctx: DispatchCtx, deadline: number): Promise<number> {
  let nudged = 0;
  while (Date.now() < deadline) {
    const due = await repo.claimDueNudges(ctx.db, { now: ctx.clock.now(), limit: 50 });
    if (due.length === 0) break;
    for (const delivery of due) {
      const [org, patient, reminder] = await Promise.all([
        findOrganisationById(ctx.db, { id: delivery.orgId }),
        findPatientById(ctx.db, { orgId: delivery.orgId, id: delivery.patientId }),
        repo.findReminder(ctx.db, { orgId: delivery.orgId, id: delivery.reminderId }),
      ]);
      if (!org || !patient || !reminder || skipReason(patient, reminder)) continue;
      const key = delivery.confirmation === "not_taken" ? "not_taken_follow_up" : "nudge";
      const time = DateTime.fromJSDate(delivery.scheduledAt, { zone: reminder.timezone }).toFormat("HH:mm");
      const text = renderTemplate(findDefaultTemplate(patient.language, key), {
        name: patient.name.split(" ")[0] ?? patient.name,
        medicine: reminder.medicineName,
        dose: reminder.dose,
        time,
      });
      const sent = await sendText(ctx, { org, patientId: patient.id, phone: patient.phone, purpose: "nudge", text, dedupeKey: `nudge:${delivery.id}` });
      if (sent) nudged++;
    }
  }
  return nudged;
}
